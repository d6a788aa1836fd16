// Bundles the reader's modules into the scripts the pages load (committed, so that
// `make serve` needs no Node): docs/assets/edition.js, which every page loads after the
// theme's bundle, docs/assets/edition.before-theme.js, which every page loads just before
// it, and modules fetched when wanted: docs/assets/js/filter.js (the Notes page's filter)
// and docs/assets/js/after-load.js (what runs once a page has loaded). `make reader`
// runs this; the tests run it into a temporary folder and compare. One more script runs
// inline, so it is written as a template partial: overrides/partials/in-head.html
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
/* A file of its own rather than inline: inline it was 0.8 KB (gzip) of every page's HTML,
   which took the essay's page past what the first round trip of a connection carries
   (10 packets, about 14.6 KB), so a phone waited one more round trip for the text. As a
   file it is fetched alongside the theme's bundle, once for every page. No banner: the site
   serves this file as it is written here (the minifier takes only edition.js), and the
   note to contributors weighed 58 B (gzip) of every first load; the tests compare it with a fresh
   build, which tells anyone who edits it by hand. */
await build({
  ...common,
  banner: {},
  entryPoints: ["reader/before-theme.js"],
  format: "iife",
  outfile: `${outdir}/edition.before-theme.js`,
});
for (const module of ["filter", "after-load"]) {
  await build({ ...common, entryPoints: [`reader/${module}.js`], format: "esm", outfile: `${outdir}/js/${module}.js` });
}

/* In the head, before the first paint: inline, so no request of its own; {% raw %} keeps the
   template engine out of the code. */
mkdirSync(`${root}/overrides/partials`, { recursive: true });
const inHead = await build({ ...common, banner: {}, entryPoints: ["reader/in-head.js"], format: "iife", write: false });
const inHeadCode = inHead.outputFiles[0].text.trim();
if (inHeadCode.includes("endraw") || inHeadCode.includes("</script")) throw new Error("in-head.js cannot be inlined as it is");
writeFileSync(
  `${root}/overrides/partials/in-head.html`,
  "{#- Built from reader/in-head.js by `make reader` (esbuild): edit that, not this file. -#}\n" +
    "{% raw %}<script>" + inHeadCode + "</script>{% endraw %}\n"
);
