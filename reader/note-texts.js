/* The notes' full text: the essay carries each note's verdict and headline; the text is
   fetched once the page has loaded (from the address the page names, on this site only)
   and put in place, for the sheet, tooltips and sidenotes. */
import { CLASS_NOTE_LINK, CLASS_TERM, DATA_TEXTS, DATA_TITLE, EVENT_NOTES_FILLED, OWN_NOTE_FULL, OWN_WORKS_CITED, SELECT_FOOTNOTES, SELECT_FOOTNOTE_ITEM, SELECT_NOTE_TEXTS, TEXTS_KEY_TERMS, TEXTS_KEY_WORKS_CITED } from "./names.js";
import { sameOrigin } from "./dom.js";

/** @typedef {Record<string, string | Record<string, string>>} NoteTexts */

/** @type {NoteTexts | null} */
let loaded = null;

/**
 * A term's "Term: definition" once the notes' file has arrived, or "".
 * @param {string} href the term link's address as the page writes it
 * @returns {string}
 */
export function termText(href) {
  const terms = loaded && loaded[TEXTS_KEY_TERMS];
  return terms && typeof terms === "object" ? terms[href] || "" : "";
}

/**
 * The page's own template writes this attribute on its heading; nothing else names it.
 * @returns {URL | null}
 */
function textsAddress() {
  const heading = document.querySelector("article " + SELECT_NOTE_TEXTS);
  return heading ? sameOrigin(heading.getAttribute(DATA_TEXTS)) : null;
}

/** @param {NoteTexts} texts */
function putInPlace(texts) {
  const works = texts[TEXTS_KEY_WORKS_CITED];
  const list = document.querySelector(SELECT_FOOTNOTES);
  if (typeof works === "string" && list) {
    list.insertAdjacentHTML("afterend", '<div class="' + OWN_WORKS_CITED + '">' + works + "</div>");
  }
  /* Each glossary link's "Term: definition", by its address: the tooltip and the touch
     sheet show it, and a screen reader reads it as the link's description. */
  document.querySelectorAll("a." + CLASS_TERM).forEach(function (link) {
    const text = termText(link.getAttribute("href") || "");
    if (!text) return;
    link.setAttribute(DATA_TITLE, text);
    if (!link.hasAttribute("aria-describedby")) link.setAttribute("title", text);
  });
  Object.keys(texts).forEach(function (id) {
    const html = texts[id];
    if (id.charAt(0) === "@" || typeof html !== "string") return;
    const note = document.getElementById("fn:" + id);
    if (!note || !note.matches(SELECT_FOOTNOTE_ITEM)) return;
    const link = note.querySelector("." + CLASS_NOTE_LINK);
    if (!link || !link.parentNode || note.classList.contains(OWN_NOTE_FULL)) return;
    /* The compiler's sanitizer has cleaned this HTML (a narrow allow-list). */
    /** @type {Element} */ (link.parentNode).insertAdjacentHTML("beforebegin", html);
    link.textContent = "Note page and permanent link";
    note.classList.add(OWN_NOTE_FULL);
  });
  document.dispatchEvent(new CustomEvent(EVENT_NOTES_FILLED));
}

export function loadNoteTexts() {
  const address = textsAddress();
  if (!address) return;
  fetch(address.href, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    })
    .then(function (texts) {
      if (!texts || typeof texts !== "object") throw new Error("not a JSON object: " + address.href);
      loaded = texts;
      putInPlace(texts);
    })
    .catch(function (error) {
      /* The headlines and their links to each note stay; say why the text is missing. */
      console.warn("Notes' full text not loaded:", error);
    });
}
