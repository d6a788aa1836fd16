// Bundles the reader's modules into the scripts the pages load (committed, so that
// `make serve` needs no Node): docs/assets/edition.js, which every page loads, and modules
// fetched when wanted: docs/assets/js/filter.js (the Notes page's filter) and
// docs/assets/js/after-load.js (what runs once a page has loaded). `make reader`
// runs this; the tests run it into a temporary folder and compare. One more script runs
// inline, before the theme's bundle, so it is written as a template partial:
// overrides/partials/before-theme.html (reader/before-theme.js).
// Usage: node reader/build.mjs [root, default .]: writes root/docs/assets/..., root/overrides/...
import { mkdirSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const root = process.argv[2] || ".";
const outdir = `${root}/docs/assets`;
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

/* Inline, so no request of its own; {% raw %} keeps the template engine out of the code. */
const hold = await build({ ...common, banner: {}, entryPoints: ["reader/before-theme.js"], format: "iife", write: false });
const code = hold.outputFiles[0].text.trim();
if (code.includes("endraw") || code.includes("</script")) throw new Error("before-theme.js cannot be inlined as it is");
mkdirSync(`${root}/overrides/partials`, { recursive: true });
writeFileSync(
  `${root}/overrides/partials/before-theme.html`,
  "{#- Built from reader/before-theme.js by `make reader` (esbuild): edit that, not this file. -#}\n" +
    "{% raw %}<script>" + code + "</script>{% endraw %}\n"
);
