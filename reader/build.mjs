// Bundles the reader's modules into the one script the pages load, docs/assets/edition.js
// (committed, so that `make serve` needs no Node). `make reader` runs this; the tests run it
// into a temporary file and compare. Usage: node reader/build.mjs [outfile]
import { build } from "esbuild";

const outfile = process.argv[2] || "docs/assets/edition.js";

await build({
  entryPoints: ["reader/main.js"],
  bundle: true,
  format: "iife",
  target: "es2020",
  charset: "utf8",
  minify: true, // the weight budget: reader/*.js is what people read
  legalComments: "none",
  logLevel: "warning",
  banner: { js: "/* Built from reader/*.js by `make reader` (esbuild): edit those, not this file. */" },
  outfile,
});
