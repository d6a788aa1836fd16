// Bundles the reader's modules into the scripts the pages load (committed, so that
// `make serve` needs no Node): docs/assets/edition.js, which every page loads, and modules
// fetched when wanted: docs/assets/js/filter.js (the Notes page's filter) and
// docs/assets/js/after-load.js (what runs once a page has loaded). `make reader`
// runs this; the tests run it into a temporary folder and compare.
// Usage: node reader/build.mjs [outdir, default docs/assets]
import { build } from "esbuild";

const outdir = process.argv[2] || "docs/assets";
const common = {
  bundle: true,
  target: "es2020",
  charset: "utf8",
  minify: true, // the weight budget: reader/*.js is what people read
  legalComments: "none",
  logLevel: "warning",
  banner: { js: "/* Built from reader/*.js by `make reader` (esbuild): edit those, not this file. */" },
};

await build({ ...common, entryPoints: ["reader/main.js"], format: "iife", outfile: `${outdir}/edition.js` });
for (const module of ["filter", "after-load"]) {
  await build({ ...common, entryPoints: [`reader/${module}.js`], format: "esm", outfile: `${outdir}/js/${module}.js` });
}
