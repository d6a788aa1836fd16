/* Features that only some pages or some readers use come as modules of their own, fetched
   from this site, beside this script, when they are wanted: select to quote and suggest
   (docs/assets/js/select.js, on a reader's first selection in the essay) and the Notes
   page's filter (docs/assets/js/filter.js, built from reader/filter.js), and what runs
   once the page has loaded (docs/assets/js/after-load.js: copy links, the notes' texts). */
import { CLASS_FILTER, CLASS_PARAGRAPH } from "./names.js";

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

/** @param {string} scriptSrc */
export function loadAfterLoad(scriptSrc) {
  const href = besideThisScript(scriptSrc, "js/after-load.js");
  if (!href) return;
  import(href).then(
    /** @param {{ afterLoad: () => void }} loaded */
    function (loaded) { loaded.afterLoad(); },
    function () { /* links stay links; notes stay their pages */ }
  );
}
