/* The names the reader's script shares with the pages: the classes, ids and data
   attributes the compiler and the templates write (scripts/render_*.py, overrides/), and
   the events and stored settings of the script itself. One place, so that a renamed class
   is one edit here; tests/test_reader.py checks that the built site still writes each one. */

/** Classes the compiler writes into pages. */
export const CLASS = {
  paragraph: "ed-para",
  paragraphTools: "ed-para-tools",
  term: "ed-term",
  correction: "ed-corr",
  noteLink: "ed-note-link",
  noteItem: "ed-note-item",
  noteList: "ed-note-list",
  cite: "ed-cite",
  citation: "ed-citation",
  suggest: "ed-suggest",
  filter: "ed-filter",
  context: "ed-context",
  short: "ed-short",
};

/** Classes and ids this script adds (styled by edition.css). */
export const OWN = {
  sidenote: "ed-sidenote",
  sidenoteNumber: "ed-sidenote-number",
  sidenotesOn: "ed-sidenotes-on",
  open: "ed-open",
  pointed: "ed-pointed",
  noteFull: "ed-note-full",
  sheet: "ed-sheet",
  sheetOpen: "ed-sheet-open",
  sheetQuote: "ed-sheet-quote",
  copy: "ed-copy",
  copyStatus: "ed-copy-status",
  worksCited: "ed-works-cited",
  tooltip: "ed-tooltip",
  tipsDismissed: "ed-tips-dismissed",
  filterReady: "ed-ready",
  markersOnly: "ed-markers-only",
  originalsShown: "ed-originals-shown",
};

/** Ids the templates and the compiler write. */
export const ID = {
  originalsSwitch: "ed-show-originals",
  redirects: "ed-redirects",
};

/** Selectors built from the names above. */
export const SELECT = {
  /* A note marker in the essay's text: the footnote extension's reference, in a paragraph. */
  noteRef: ".ed-para sup[id^='fnref']",
  noteMarker: ".ed-para sup[id^='fnref'] a",
  noteTexts: "[data-ed-texts]",
  quote: "mark.ed-quote",
  footnotes: ".footnote",
  footnoteItem: ".footnote li[id^='fn:']",
  footnoteTools: ".footnote-backref, .ed-copy",
  citationBlock: "pre.ed-citation",
  article: "article.md-content__inner",
};

/** The data attributes, by their DOM name (getAttribute) . */
export const DATA = {
  texts: "data-ed-texts",
  number: "data-n",
  title: "data-ed-title",
  mirror: "data-ed-mirror",
  done: "data-ed-done",
  filled: "data-filled",
};

/** Keys in the notes' file (NOTE_TEXTS_FILE) beside the notes' ids. */
export const TEXTS_KEY = { worksCited: "@works-cited", terms: "@terms" };

/** Events one module sends to the others. */
export const EVENT = { notesFilled: "ed:notes-filled" };

/** Settings remembered across pages and visits (localStorage). */
export const STORED = { originals: "ed-show-originals", markersOnly: "ed-markers-only" };
