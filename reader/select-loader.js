/* Select to quote, select to suggest: the module that does it (docs/assets/js/select.js,
   3.5 KB) is fetched only when a reader first selects words in a paragraph of the essay,
   from this site, beside this script; nothing is loaded for a reader who never selects. */
import { CLASS_PARAGRAPH } from "./names.js";

/** @param {Node | null} node */
function inParagraph(node) {
  const element = node && (node.nodeType === 1 ? /** @type {Element} */ (node) : node.parentElement);
  return Boolean(element && element.closest("p." + CLASS_PARAGRAPH));
}

/** @param {string} scriptSrc the address of this bundle (document.currentScript) */
export function setUpSelectionLoader(scriptSrc) {
  if (!scriptSrc || !document.querySelector("p." + CLASS_PARAGRAPH)) return;
  const module = new URL("js/select.js", scriptSrc);
  if (module.origin !== location.origin) return;
  const listener = function () {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !inParagraph(selection.anchorNode)) return;
    document.removeEventListener("selectionchange", listener);
    import(module.href).then(
      /** @param {{ setUpSelection: (root?: Document) => void }} loaded */
      function (loaded) { loaded.setUpSelection(document); },
      function () { document.addEventListener("selectionchange", listener); }
    );
  };
  document.addEventListener("selectionchange", listener);
}
