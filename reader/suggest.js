/* "Suggest a note" links: the new-file form gets the note's front matter filled in, as
   CONTRIBUTING.md describes it; the build checks what comes back. */
import { CLASS_PARAGRAPH, CLASS_SUGGEST, DATA_FILLED } from "./names.js";
import { closestTo, webAddress } from "./dom.js";

const OPENING_WORDS = 8;

/**
 * @param {string} number
 * @param {string} exact
 */
function noteTemplate(number, exact) {
  return [
    "---",
    "id: note-on-paragraph-" + number,
    'title: "A short headline"',
    "target:",
    '  exact: "' + exact.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"',
    "kind: context",
    "sources: []",
    "---",
    "Your note, citing confirmed sources as [@key]. See CONTRIBUTING.md.",
    ""
  ].join("\n");
}

/* Filled in when a link is about to be used (pointer or focus), so that clicking, opening
   in a new tab and copying the link address all get the whole form. */
export function setUpSuggestLinks() {
  /** @param {Event} event */
  const fill = function (event) {
    const link = closestTo(event, "a." + CLASS_SUGGEST + ":not([" + DATA_FILLED + "])");
    const paragraph = link && link.closest("." + CLASS_PARAGRAPH);
    if (!(link instanceof HTMLAnchorElement) || !paragraph || !webAddress(link.href)) return;
    /* The paragraph's text is exactly the reading text (markers and numbers are drawn by
       the stylesheet), so its opening words are what the note's quote must match. */
    const exact = (paragraph.textContent || "").trim().split(/\s+/).slice(0, OPENING_WORDS).join(" ");
    link.href += "&value=" + encodeURIComponent(noteTemplate(paragraph.id.slice(1), exact));
    link.setAttribute(DATA_FILLED, "");
  };
  document.addEventListener("pointerover", fill);
  document.addEventListener("focusin", fill);
}
