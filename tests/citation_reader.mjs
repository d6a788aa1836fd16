// Reads citation files with Citation.js (the npm lock's @citation-js/core and its plugins for
// BibTeX, RIS and CSL) and prints, for each file, what it found as CSL-JSON items.
// Usage: node tests/citation_reader.mjs FILE... ; the format comes from the file's suffix.
import { readFileSync } from "node:fs";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";

const FORMATS = { ".bib": "@bibtex/text", ".ris": "@ris/file", ".json": "@csl/list+object" };
const result = {};
for (const file of process.argv.slice(2)) {
  const suffix = Object.keys(FORMATS).find((s) => file.endsWith(s));
  const text = readFileSync(file, "utf8");
  const input = suffix === ".json" ? JSON.parse(text) : text;
  const cite = new Cite(input, { forceType: FORMATS[suffix] });
  result[file] = cite.data;
}
process.stdout.write(JSON.stringify(result));
void plugins;
