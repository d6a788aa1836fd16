// Bundles the reader's modules into the scripts the pages load (committed, so that
// `make serve` needs no Node): docs/assets/edition.js, which every page loads, and modules
// fetched when wanted: docs/assets/js/filter.js (the Notes page's filter) and
// docs/assets/js/after-load.js (what runs once a page has loaded). `make reader`
// runs this; the tests run it into a temporary folder and compare. Two more scripts run
// inline, so they are written as template partials: overrides/partials/before-theme.html
// (reader/before-theme.js, before the theme's bundle) and overrides/partials/in-head.html
// (reader/in-head.js, in the head, before the first paint).
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
mkdirSync(`${root}/overrides/partials`, { recursive: true });
for (const [entry, partial] of [["before-theme", "before-theme"], ["in-head", "in-head"]]) {
  const built = await build({ ...common, banner: {}, entryPoints: [`reader/${entry}.js`], format: "iife", write: false });
  const code = built.outputFiles[0].text.trim();
  if (code.includes("endraw") || code.includes("</script")) throw new Error(`${entry}.js cannot be inlined as it is`);
  writeFileSync(
    `${root}/overrides/partials/${partial}.html`,
    `{#- Built from reader/${entry}.js by \`make reader\` (esbuild): edit that, not this file. -#}\n` +
      "{% raw %}<script>" + code + "</script>{% endraw %}\n"
  );
}
