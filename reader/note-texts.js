/* The notes' full text: the essay carries each note's verdict and headline; the text
   (the page names its address, on this site only) is fetched once, when it is first
   wanted, and put in place a note at a time (the one a reader opens) or all at once (the
   list of notes coming into view, a wide screen's margin, printing), for the sheet,
   tooltips and sidenotes. On a phone nothing of it is fetched until a reader reaches for
   a note or a term, so the page is idle sooner. */
import { CLASS_NOTE_LINK, CLASS_TERM, DATA_TEXTS, DATA_TITLE, EVENT_NOTES_FILLED, NOTES_ALL, OWN_NOTE_FULL, OWN_WORKS_CITED, SELECT_FOOTNOTES, SELECT_FOOTNOTE_ITEM, SELECT_NOTE_TEXTS, TEXTS_KEY_TERMS, TEXTS_KEY_WORKS_CITED } from "./names.js";
import { sameOrigin } from "./dom.js";

/** @typedef {Record<string, string | Record<string, string>>} NoteTexts */

/** @type {Promise<NoteTexts | null> | null} */
let loading = null;

/**
 * The page's own template writes this attribute on its heading; nothing else names it.
 * @returns {URL | null}
 */
function textsAddress() {
  const heading = document.querySelector("article " + SELECT_NOTE_TEXTS);
  return heading ? sameOrigin(heading.getAttribute(DATA_TEXTS)) : null;
}

/**
 * Each glossary link's "Term: definition", by its address: the tooltip and the touch
 * sheet show it, and a screen reader reads it as the link's description.
 * @param {NoteTexts} texts
 */
function putTerms(texts) {
  const terms = texts[TEXTS_KEY_TERMS];
  if (!terms || typeof terms !== "object") return;
  document.querySelectorAll("a." + CLASS_TERM).forEach(function (link) {
    const text = terms[link.getAttribute("href") || ""];
    if (typeof text !== "string" || !text) return;
    link.setAttribute(DATA_TITLE, text);
    if (!link.hasAttribute("aria-describedby")) link.setAttribute("title", text);
  });
}

/**
 * @param {NoteTexts} texts
 * @param {string} id a note's id in the notes' file
 * @returns {boolean} whether it was put in place now
 */
function putNote(texts, id) {
  const html = texts[id];
  if (id.charAt(0) === "@" || typeof html !== "string") return false;
  const note = document.getElementById("fn:" + id);
  if (!note || !note.matches(SELECT_FOOTNOTE_ITEM)) return false;
  const link = note.querySelector("." + CLASS_NOTE_LINK);
  if (!link || !link.parentNode || note.classList.contains(OWN_NOTE_FULL)) return false;
  /* The compiler's sanitizer has cleaned this HTML (a narrow allow-list). */
  /** @type {Element} */ (link.parentNode).insertAdjacentHTML("beforebegin", html);
  link.textContent = "Note page and permanent link";
  note.classList.add(OWN_NOTE_FULL);
  return true;
}

/**
 * @param {NoteTexts} texts
 * @returns {boolean} whether it was put in place now
 */
function putWorksCited(texts) {
  const works = texts[TEXTS_KEY_WORKS_CITED];
  const list = document.querySelector(SELECT_FOOTNOTES);
  if (typeof works !== "string" || !list || document.querySelector("." + OWN_WORKS_CITED)) return false;
  list.insertAdjacentHTML("afterend", '<div class="' + OWN_WORKS_CITED + '">' + works + "</div>");
  return true;
}

/**
 * The notes' file, fetched once; its terms' definitions go in place on arrival.
 * @returns {Promise<NoteTexts | null>}
 */
function loadNoteTexts() {
  if (loading) return loading;
  const address = textsAddress();
  loading = !address ? Promise.resolve(null) : fetch(address.href, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    })
    .then(function (texts) {
      if (!texts || typeof texts !== "object") throw new Error("not a JSON object: " + address.href);
      putTerms(texts);
      document.dispatchEvent(new CustomEvent(EVENT_NOTES_FILLED));
      return /** @type {NoteTexts} */ (texts);
    })
    .catch(function (error) {
      /* The headlines and their links to each note stay; say why the text is missing. */
      console.warn("Notes' full text not loaded:", error);
      return null;
    });
  return loading;
}

/**
 * Put notes' texts in place once the file is here: `what` is a footnote's id ("fn:…"),
 * NOTES_ALL for every note and the works cited, or "" for the terms' definitions only.
 * @param {string} what
 * @returns {Promise<void>}
 */
export function fillNotes(what) {
  return loadNoteTexts().then(function (texts) {
    if (!texts) return;
    let changed = false;
    if (what === NOTES_ALL) {
      changed = putWorksCited(texts);
      Object.keys(texts).forEach(function (id) { changed = putNote(texts, id) || changed; });
    } else if (what.indexOf("fn:") === 0) {
      changed = putNote(texts, what.slice(3));
    }
    /* The sheet, the sidenotes and the tooltips show the text that is now there. */
    if (changed) document.dispatchEvent(new CustomEvent(EVENT_NOTES_FILLED));
  });
}
