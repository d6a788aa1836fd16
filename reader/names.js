/* The names the reader's script shares with the pages: the classes, ids and data
   attributes the compiler and the templates write (scripts/render_*.py, overrides/), and
   the events and stored settings of the script itself. One place, so that a renamed class
   is one edit here; tests/reader/test_reader.py checks that the built site still writes each one. */

/** Classes the compiler writes into pages. */
export const CLASS_PARAGRAPH = "ed-para";
export const CLASS_PARAGRAPH_TOOLS = "ed-para-tools";
export const CLASS_TERM = "ed-term";
export const CLASS_CORRECTION = "ed-corr";
export const CLASS_NOTE_LINK = "ed-note-link";
export const CLASS_NOTE_ITEM = "ed-note-item";
export const CLASS_NOTE_LIST = "ed-note-list";
export const CLASS_CITE = "ed-cite";
export const CLASS_CITATION = "ed-citation";
export const CLASS_SUGGEST = "ed-suggest";
export const CLASS_FILTER = "ed-filter";
export const CLASS_CONTEXT = "ed-context";
export const CLASS_SHORT = "ed-short";

/** Classes and ids this script adds (styled by edition.css). */
export const OWN_SIDENOTE = "ed-sidenote";
export const OWN_SIDENOTE_NUMBER = "ed-sidenote-number";
export const OWN_SIDENOTES_ON = "ed-sidenotes-on";
export const OWN_OPEN = "ed-open";
export const OWN_POINTED = "ed-pointed";
export const OWN_NOTE_FULL = "ed-note-full";
export const OWN_SHEET = "ed-sheet";
export const OWN_SHEET_OPEN = "ed-sheet-open";
export const OWN_SHEET_QUOTE = "ed-sheet-quote";
export const OWN_COPY = "ed-copy";
export const OWN_COPY_STATUS = "ed-copy-status";
export const OWN_WORKS_CITED = "ed-works-cited";
export const OWN_TOOLTIP = "ed-tooltip";
export const OWN_TIPS_DISMISSED = "ed-tips-dismissed";
export const OWN_FILTER_READY = "ed-ready";
export const OWN_MARKERS_ONLY = "ed-markers-only";
export const OWN_LAZY_PARAGRAPHS = "ed-lazy-paragraphs";
export const OWN_LAZY_DRAWER = "ed-lazy-drawer";
export const OWN_DRAWER_STYLED = "ed-drawer-styled";
export const OWN_ORIGINALS_SHOWN = "ed-originals-shown";

/** Ids the templates and the compiler write. */
export const ID_ORIGINALS_SWITCH = "ed-show-originals";
export const ID_MARKERS_SWITCH = "ed-markers-only-switch";
export const ID_REDIRECTS = "ed-redirects";

/** Selectors built from the names above. */
/* A note marker in the essay's text: the footnote extension's reference, in a paragraph. */
export const SELECT_NOTE_REF = ".ed-para sup[id^='fnref']";
export const SELECT_NOTE_MARKER = ".ed-para sup[id^='fnref'] a";
export const SELECT_NOTE_TEXTS = "h2#notes[data-ed-texts]";
export const SELECT_QUOTE = "mark.ed-quote";
export const SELECT_FOOTNOTES = ".footnote";
export const SELECT_FOOTNOTE_ITEM = ".footnote li[id^='fn:']";
export const SELECT_FOOTNOTE_TOOLS = ".footnote-backref, .ed-copy";
export const SELECT_CITATION_BLOCK = "pre.ed-citation";
export const SELECT_ARTICLE = "article.md-content__inner";
/* The theme's configuration (its template writes it on every page): the site's base. */
export const SELECT_SEARCH_CONFIG = "script#__config";
/* The theme's navigation, a drawer on screens without the side bar. */
export const SELECT_DRAWER = ".md-sidebar--primary";

/** The data attributes, by their DOM name (getAttribute) . */
export const DATA_TEXTS = "data-ed-texts";
export const DATA_NUMBER = "data-n";
export const DATA_TITLE = "data-ed-title";
export const DATA_MIRROR = "data-ed-mirror";
export const DATA_DONE = "data-ed-done";
export const DATA_FILLED = "data-filled";

/** Keys in the notes' file (NOTE_TEXTS_FILE) beside the notes' ids. */
export const TEXTS_KEY_WORKS_CITED = "@works-cited";
export const TEXTS_KEY_TERMS = "@terms";

/** Events one module sends to the others. */
export const EVENT_NOTES_FILLED = "ed:notes-filled";
/* A note's full text is wanted now (detail: the footnote's id), or all of them (""). */
export const EVENT_NOTES_WANTED = "ed:notes-wanted";
/* That detail for every note and the works cited. */
export const NOTES_ALL = "*";

/** Settings remembered across pages and visits (localStorage). */
export const STORED_ORIGINALS = "ed-show-originals";
export const STORED_MARKERS_ONLY = "ed-markers-only";

/** The words a note is about, lit while the note is pointed at or open (edition.css). */
export const OWN_LIT = "ed-lit";
