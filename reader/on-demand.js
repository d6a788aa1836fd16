/* Features that only some pages or some readers use come as modules of their own, fetched
   from this site, beside this script, when they are wanted: select to quote and suggest
   (docs/assets/js/select.js, on a reader's first selection in the essay) and the Notes
   page's filter (docs/assets/js/filter.js, built from reader/filter.js), and what runs
   once the page has loaded (docs/assets/js/after-load.js: copy links, and the notes' texts
   when they are wanted). */
import { CLASS_CORRECTION, CLASS_FILTER, CLASS_PARAGRAPH, CLASS_TERM, EVENT_NOTES_WANTED, NOTES_ALL, SELECT_FOOTNOTES, SELECT_NOTE_MARKER } from "./names.js";
import { HOVERLESS, WIDE, footnoteOf, targetOf } from "./dom.js";

/** @typedef {{ afterLoad: () => void, fillNotes: (what: string) => Promise<void> }} AfterLoadModule */

/**
 * @param {string} scriptSrc the address of this bundle (document.currentScript)
 * @param {string} file a module beside it, such as "js/filter.js"
 */
function besideThisScript(scriptSrc, file) {
  if (!scriptSrc) return null;
  const module = new URL(file, scriptSrc);
  return module.origin === location.origin ? module.href : null;
}

/** @param {string} scriptSrc */
export function setUpFilterLoader(scriptSrc) {
  const href = besideThisScript(scriptSrc, "js/filter.js");
  if (!href || !document.querySelector("form." + CLASS_FILTER)) return;
  import(href).then(
    /** @param {{ setUpNoteFilter: () => void }} loaded */
    function (loaded) { loaded.setUpNoteFilter(); },
    function () { /* the list stays whole, as without JavaScript */ }
  );
}

/** @param {Node | null} node */
function inParagraph(node) {
  const element = node && (node.nodeType === 1 ? /** @type {Element} */ (node) : node.parentElement);
  return Boolean(element && element.closest("p." + CLASS_PARAGRAPH));
}

/** @param {string} scriptSrc the address of this bundle (document.currentScript) */
export function setUpSelectionLoader(scriptSrc) {
  const href = besideThisScript(scriptSrc, "js/select.js");
  if (!href || !document.querySelector("p." + CLASS_PARAGRAPH)) return;
  const listener = function () {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !inParagraph(selection.anchorNode)) return;
    document.removeEventListener("selectionchange", listener);
    import(href).then(
      /** @param {{ setUpSelection: (root?: Document) => void }} loaded */
      function (loaded) { loaded.setUpSelection(document); },
      function () { document.addEventListener("selectionchange", listener); }
    );
  };
  document.addEventListener("selectionchange", listener);
}

/** @type {Promise<AfterLoadModule> | null} */
let afterLoadModule = null;

/**
 * docs/assets/js/after-load.js, imported once.
 * @param {string} scriptSrc
 * @returns {Promise<AfterLoadModule>}
 */
function afterLoadFrom(scriptSrc) {
  if (afterLoadModule) return afterLoadModule;
  const href = besideThisScript(scriptSrc, "js/after-load.js");
  afterLoadModule = href ? import(href) : Promise.reject(new Error("no address for js/after-load.js"));
  return afterLoadModule;
}

/* A phone: the sheet shows a note when it is tapped, so its text can wait until then.
   Elsewhere the notes show in the margin or in the theme's tooltip as a pointer passes. */
const waits = function () { return HOVERLESS.matches && !WIDE.matches; };

/**
 * Once the page has loaded: the copy links; and the notes' texts at once, unless on a phone.
 * @param {string} scriptSrc
 */
export function loadAfterLoad(scriptSrc) {
  afterLoadFrom(scriptSrc).then(
    function (loaded) {
      loaded.afterLoad();
      if (!waits()) loaded.fillNotes(NOTES_ALL);
      /* A phone turned, or a window widened, until the margin shows. */
      else WIDE.addEventListener("change", function () { if (!waits()) loaded.fillNotes(NOTES_ALL); });
    },
    function () { /* links stay links; notes stay their pages */ }
  );
}

/**
 * The notes' texts when a reader reaches for them: a press, hover or focus on a note
 * marker, a term or a correction (a head start on the tap that opens the sheet), the sheet
 * asking (EVENT_NOTES_WANTED), the list of notes within two screens, or printing.
 * @param {string} scriptSrc
 */
export function setUpNoteTextsLoader(scriptSrc) {
  /** @param {string} what */
  const fill = function (what) {
    afterLoadFrom(scriptSrc).then(
      function (loaded) { return loaded.fillNotes(what); },
      function () { /* the headlines and the links to each note's page stay */ }
    );
  };
  document.addEventListener(EVENT_NOTES_WANTED, function (event) {
    fill(event instanceof CustomEvent && typeof event.detail === "string" ? event.detail : "");
  });
  const reaching = "." + CLASS_PARAGRAPH + " a." + CLASS_TERM + ", ." + CLASS_PARAGRAPH + " ." + CLASS_CORRECTION;
  /** @param {Event} event */
  const onReach = function (event) {
    const target = targetOf(event);
    const marker = target && target.closest(SELECT_NOTE_MARKER);
    const note = marker && footnoteOf(marker);
    if (note) fill(note.id);
    else if (target && target.closest(reaching)) fill("");
  };
  ["pointerover", "pointerdown", "focusin"].forEach(function (type) {
    document.addEventListener(type, onReach, true);
  });
  const list = document.querySelector(SELECT_FOOTNOTES);
  if (list && "IntersectionObserver" in window) {
    const watch = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
      watch.disconnect();
      fill(NOTES_ALL);
    /* Two screens ahead: the text is in before the list shows, even to a quick thumb. */
    }, { rootMargin: "200% 0px" });
    watch.observe(list);
  }
  window.addEventListener("beforeprint", function () { fill(NOTES_ALL); });
}
