/* Sidenotes: on wide screens (the margin is reserved by edition.css from the first paint)
   each note sits beside its marker's line, compact (verdict and headline) until clicked.
   An opened note shows over the margin below it, never pushing the others away from their
   markers; opening one closes the one before, as do Escape and a click elsewhere. Pointing
   at a marker highlights its sidenote instead of opening a second copy over the text. */
import { DATA_NUMBER, EVENT_NOTES_FILLED, OWN_LIT, OWN_OPEN, OWN_POINTED, OWN_SIDENOTE, OWN_SIDENOTES_ON, OWN_SIDENOTE_NUMBER, SELECT_ARTICLE, SELECT_FOOTNOTE_TOOLS, SELECT_NOTE_REF, SELECT_QUOTE } from "./names.js";
import { WIDE, closestTo, footnoteOf } from "./dom.js";

/**
 * @typedef {{ ref: HTMLElement, marker: HTMLElement, aside: HTMLElement, source: HTMLElement, number: string, height: number }} Sidenote
 */

const GAP = 4;

/**
 * Each sidenote starts beside its marker's line; when it would overlap the one above, it
 * moves down only as far as it must. An open note counts at its compact height: it shows
 * over the notes below it instead of moving them.
 * @param {HTMLElement} article
 * @param {Sidenote[]} notes
 */
function place(article, notes) {
  const top = article.getBoundingClientRect().top;
  let nextFree = 0;
  notes.forEach(function (note) {
    if (!note.aside.classList.contains(OWN_OPEN)) note.height = note.aside.offsetHeight;
    const wanted = note.marker.getBoundingClientRect().top - top;
    const y = Math.max(wanted, nextFree);
    note.aside.style.top = y + "px";
    nextFree = y + note.height + GAP;
  });
}

/**
 * Compact: number, verdict and headline; a click opens the full text in place.
 * @param {Sidenote} note
 */
function fill(note) {
  const aside = note.aside;
  aside.replaceChildren(...Array.from(note.source.childNodes, function (node) { return node.cloneNode(true); }));
  aside.querySelectorAll(SELECT_FOOTNOTE_TOOLS).forEach(function (a) { a.remove(); });
  aside.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
  aside.querySelectorAll("a, [tabindex]").forEach(function (a) { a.setAttribute("tabindex", "-1"); });
  const number = document.createElement("span");
  number.className = OWN_SIDENOTE_NUMBER;
  number.textContent = note.number;
  const head = aside.querySelector("p");
  if (head) head.insertBefore(number, head.firstChild);
}

/**
 * @param {HTMLElement} article
 * @param {NodeListOf<HTMLElement>} refs
 * @returns {Sidenote[]}
 */
function build(article, refs) {
  /** @type {Sidenote[]} */
  const notes = [];
  refs.forEach(function (sup) {
    const link = sup.querySelector("a");
    const source = link && footnoteOf(link);
    if (!link || !source) return;
    const aside = document.createElement("aside");
    aside.className = OWN_SIDENOTE;
    /* The marker, its popup and the list say it all to a screen reader: this is a copy. */
    aside.setAttribute("aria-hidden", "true");
    const note = { ref: sup, marker: link, aside: aside, source: source, number: link.getAttribute(DATA_NUMBER) || link.textContent || "", height: 0 };
    fill(note);
    article.appendChild(aside);
    notes.push(note);
  });
  return notes;
}

/**
 * The quoted words before a note's marker, lit while the note is pointed at or open: the
 * passage has no mark of its own, so that the text stays calm.
 * @param {Sidenote[]} notes
 */
function lightQuotes(notes) {
  notes.forEach(function (note) {
    const quote = note.ref.previousElementSibling;
    if (!quote || !quote.matches(SELECT_QUOTE)) return;
    const aside = note.aside.classList;
    quote.classList.toggle(OWN_LIT, aside.contains(OWN_OPEN) || aside.contains(OWN_POINTED));
  });
}

/* The margin is reserved by the stylesheet from the first paint (a media query); the
   script only fills it, so nothing on the page moves. */
export function setUpSidenotes() {
  const article = document.querySelector(SELECT_ARTICLE);
  if (!(article instanceof HTMLElement)) return;
  /** @type {NodeListOf<HTMLElement>} */
  const refs = article.querySelectorAll(SELECT_NOTE_REF);
  if (!refs.length) return;
  /** @type {Sidenote[] | null} */
  let notes = null; // built the first time the screen is wide: phones never pay for them
  const root = document.documentElement;
  const update = function () {
    root.classList.toggle(OWN_SIDENOTES_ON, WIDE.matches);
    if (!WIDE.matches) return;
    notes = notes || build(article, refs);
    place(article, notes);
  };
  WIDE.addEventListener("change", update);
  new ResizeObserver(update).observe(article);
  update();

  /** @param {HTMLElement | null} keep */
  const closeAll = function (keep) {
    article.querySelectorAll("." + OWN_SIDENOTE + "." + OWN_OPEN).forEach(function (aside) {
      if (aside !== keep) aside.classList.remove(OWN_OPEN);
    });
  };
  article.addEventListener("click", function (event) {
    const aside = closestTo(event, "." + OWN_SIDENOTE);
    if (!aside) {
      closeAll(null);
      if (notes) lightQuotes(notes);
      return;
    }
    if (closestTo(event, "a") && aside.classList.contains(OWN_OPEN)) return;
    event.preventDefault();
    closeAll(aside);
    aside.classList.toggle(OWN_OPEN);
    if (notes) lightQuotes(notes);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    closeAll(null);
    if (notes) lightQuotes(notes);
  });
  /* One popup per note: where the note is in the margin, pointing at its marker
     highlights it there (the theme's tooltip is hidden by edition.css). */
  /** @type {HTMLElement | null} */
  let pointed = null;
  article.addEventListener("pointerover", function (event) {
    if (!notes) return;
    /* The marker, or the sidenote itself: either points at the note. */
    const ref = closestTo(event, SELECT_NOTE_REF);
    const inMargin = closestTo(event, "." + OWN_SIDENOTE);
    const note = notes.find(function (n) { return n.ref === ref || n.aside === inMargin; });
    const aside = note ? note.aside : null;
    if (aside === pointed) return;
    if (pointed) pointed.classList.remove(OWN_POINTED);
    pointed = aside;
    if (aside) aside.classList.add(OWN_POINTED);
    lightQuotes(notes);
  });
  document.addEventListener(EVENT_NOTES_FILLED, function () {
    if (!notes) return;
    notes.forEach(fill);
    if (WIDE.matches) place(article, notes);
  });
}
