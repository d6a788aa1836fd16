/* Notes, terms and corrections in place: a sheet (a modal <dialog>: focus held inside,
   Escape, a backdrop) at the foot of the screen. A note marker opens it on any screen
   (without JavaScript it is a link to the note), starting with the words the note is
   about; the page scrolls, if it must, so that the marker and those words stay in view
   above the sheet. A glossary link opens it on a tap, where no tooltip can show (with a
   link to the term's page); a correction opens it on a tap, click or Enter. */
import { CLASS_CITE, CLASS_CORRECTION, CLASS_NOTE_LINK, CLASS_TERM, DATA_MIRROR, DATA_NUMBER, DATA_TITLE, EVENT_NOTES_FILLED, EVENT_NOTES_WANTED, ID_ORIGINALS_SWITCH, OWN_NOTE_FULL, OWN_SHEET, OWN_SHEET_OPEN, OWN_SHEET_QUOTE, SELECT_FOOTNOTE_TOOLS, SELECT_NOTE_MARKER, SELECT_QUOTE } from "./names.js";
import { HOVERLESS, escapeHTML, footnoteOf, targetOf, webAddress } from "./dom.js";

/**
 * Ask for the notes' texts (fetched once, on a phone only when first wanted): `what` is a
 * footnote's id, or "" for the terms' definitions.
 * @param {string} what
 */
function want(what) {
  document.dispatchEvent(new CustomEvent(EVENT_NOTES_WANTED, { detail: what }));
}

/**
 * The note's text for the sheet: its works cited gathered under it, its page linked.
 * @param {HTMLElement} note the footnote
 * @returns {DocumentFragment}
 */
function noteBody(note) {
  const body = document.createElement("div");
  note.childNodes.forEach(function (node) { body.appendChild(node.cloneNode(true)); });
  body.querySelectorAll(SELECT_FOOTNOTE_TOOLS).forEach(function (a) { a.remove(); });
  body.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
  const link = body.querySelector("." + CLASS_NOTE_LINK);
  if (link) {
    link.textContent = "Read the note’s page";
    link.classList.add("ed-sheet-more");
  }
  /** @type {Record<string, boolean>} */
  const cited = {};
  const sources = document.createElement("p");
  sources.className = "ed-sheet-sources";
  sources.textContent = "Sources: ";
  body.querySelectorAll("a." + CLASS_CITE).forEach(function (a) {
    const href = a.getAttribute("href") || "";
    if (cited[href] || !webAddress(href)) return;
    cited[href] = true;
    if (sources.childNodes.length > 1) sources.append("; ");
    const copy = document.createElement("a");
    copy.setAttribute("href", href);
    copy.append(...Array.from(a.childNodes, function (n) { return n.cloneNode(true); }));
    sources.appendChild(copy);
  });
  if (sources.childNodes.length > 1 && link && link.parentNode) {
    link.parentNode.parentNode?.insertBefore(sources, link.parentNode);
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...Array.from(body.childNodes));
  return fragment;
}

/**
 * The words a note is about: the quoted passage its marker follows, if any.
 * @param {Element} marker the marker's link
 * @returns {HTMLElement | null}
 */
function quoteOf(marker) {
  const sup = marker.parentElement;
  const before = sup && sup.previousElementSibling;
  return before instanceof HTMLElement && before.matches(SELECT_QUOTE) ? before : null;
}

/**
 * Scroll the page, if it must, so that the passage and its marker show above the sheet.
 * @param {Element} marker
 * @param {HTMLElement | null} quote
 * @param {HTMLDialogElement} sheet
 */
function keepInView(marker, quote, sheet) {
  const header = document.querySelector(".md-header");
  const top = header ? header.getBoundingClientRect().bottom : 0;
  const bottom = sheet.getBoundingClientRect().top;
  const box = marker.getBoundingClientRect();
  const from = quote ? Math.min(quote.getBoundingClientRect().top, box.top) : box.top;
  const to = box.bottom;
  const room = bottom - top;
  if (from >= top + 8 && to <= bottom - 8) return;
  /* The marker's line a little above the sheet; the passage's start below the header
     when both fit, or else the marker, which the reader tapped. */
  const shift = to - from + 16 <= room ? to - (bottom - 16) : box.top - (top + 16);
  const wanted = from - shift < top ? from - (top + 16) : shift;
  window.scrollBy({ top: wanted, behavior: "instant" });
}

export function setUpSheet() {
  /** @type {HTMLAnchorElement[]} */
  const markers = Array.from(document.querySelectorAll(SELECT_NOTE_MARKER));
  /** @type {HTMLDialogElement | null} */
  let sheet = null;
  /** @type {HTMLElement | null} */
  let opener = null;
  let shown = -1; // the note shown, as an index into markers; -1 for a term or correction

  /** @returns {HTMLDialogElement} */
  const build = function () {
    const dialog = document.createElement("dialog");
    dialog.className = OWN_SHEET;
    dialog.setAttribute("aria-labelledby", "ed-sheet-title");
    dialog.innerHTML =
      '<div class="ed-sheet-bar">' +
      '<button type="button" class="ed-sheet-prev" aria-label="Previous note">‹</button>' +
      '<span class="ed-sheet-title" id="ed-sheet-title"></span>' +
      '<button type="button" class="ed-sheet-next" aria-label="Next note">›</button>' +
      '<button type="button" class="ed-sheet-close" aria-label="Close">✕</button>' +
      '</div><div class="ed-sheet-body md-typeset" tabindex="-1"></div>';
    document.body.appendChild(dialog);
    button(dialog, ".ed-sheet-close").addEventListener("click", function () { dialog.close(); });
    button(dialog, ".ed-sheet-prev").addEventListener("click", function () { showNote(shown - 1); });
    button(dialog, ".ed-sheet-next").addEventListener("click", function () { showNote(shown + 1); });
    /* A tap on the backdrop lands on the dialog itself, outside its box. */
    dialog.addEventListener("click", function (event) {
      if (event.target !== dialog) return;
      const box = dialog.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right &&
        event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) dialog.close();
    });
    dialog.addEventListener("close", function () {
      document.documentElement.classList.remove(OWN_SHEET_OPEN);
      if (opener) opener.focus({ preventScroll: true });
      opener = null;
    });
    return dialog;
  };

  /**
   * @param {string} title
   * @param {Node} content
   * @param {HTMLElement} from
   * @returns {HTMLDialogElement}
   */
  const open = function (title, content, from) {
    const dialog = sheet || (sheet = build());
    const heading = dialog.querySelector(".ed-sheet-title");
    if (heading) heading.textContent = title;
    const body = /** @type {HTMLElement} */ (dialog.querySelector(".ed-sheet-body"));
    body.replaceChildren(content);
    body.scrollTop = 0;
    dialog.classList.toggle("ed-sheet-notes", shown >= 0);
    if (shown >= 0) {
      button(dialog, ".ed-sheet-prev").disabled = shown === 0;
      button(dialog, ".ed-sheet-next").disabled = shown === markers.length - 1;
    }
    const first = !dialog.open;
    if (first) {
      opener = from;
      document.documentElement.classList.add(OWN_SHEET_OPEN);
      dialog.showModal();
    }
    /* Into the text first (a screen reader reads it); a step to the next note keeps the
       focus on its button, unless that is now disabled. */
    const active = document.activeElement;
    if (first || !dialog.contains(active) || (active instanceof HTMLButtonElement && active.disabled)) {
      body.focus({ preventScroll: true });
    }
    return dialog;
  };

  /** @param {number} index */
  const showNote = function (index) {
    if (index < 0 || index >= markers.length) return;
    const marker = markers[index];
    const note = footnoteOf(marker);
    if (!note) return;
    shown = index;
    const content = document.createDocumentFragment();
    const quote = quoteOf(marker);
    if (quote) {
      const words = document.createElement("blockquote");
      words.className = OWN_SHEET_QUOTE;
      words.textContent = "“" + (quote.textContent || "").trim() + "”";
      content.appendChild(words);
    }
    content.appendChild(noteBody(note));
    /* The headline shows at once; the full text follows when it arrives (EVENT_NOTES_FILLED). */
    if (!note.classList.contains(OWN_NOTE_FULL)) want(note.id);
    const dialog = open("Note " + marker.getAttribute(DATA_NUMBER) + " of " + markers.length, content, marker);
    keepInView(marker, quote, dialog);
  };

  /** @param {HTMLAnchorElement} link */
  const showTerm = function (link) {
    shown = -1;
    const href = link.getAttribute("href") || "";
    /* Filled in when the notes' file arrives, if the sheet is still open then. */
    const text = link.getAttribute(DATA_TITLE) || link.getAttribute("title") || "";
    const cut = text.indexOf(": ");
    const content = document.createElement("div");
    content.innerHTML = "<p><strong>" + escapeHTML(cut > 0 ? text.slice(0, cut) : link.textContent || "") +
      "</strong>" + escapeHTML(cut > 0 ? text.slice(cut) : "") + "</p>";
    if (webAddress(href)) {
      content.insertAdjacentHTML("beforeend", '<p><a class="ed-sheet-more" href="' + escapeHTML(href) +
        '">Read the glossary entry</a></p>');
    }
    termShown = text ? null : link;
    if (!text) want("");
    open("Glossary", content, link);
  };
  /** @type {HTMLAnchorElement | null} a term shown before its definition arrived */
  let termShown = null;

  /** @param {HTMLElement} span */
  const showCorrection = function (span) {
    shown = -1;
    /** @param {string} tag */
    const words = function (tag) {
      /* The original reading sits in del's data-original, out of the text flow. */
      const el = span.querySelector(tag);
      const text = el ? (el.getAttribute("data-original") || el.textContent || "").trim() : "";
      return text ? "“" + escapeHTML(text) + "”" : "(removed)";
    };
    const toggle = document.getElementById(ID_ORIGINALS_SWITCH);
    const checked = toggle instanceof HTMLInputElement && toggle.checked;
    const content = document.createElement("div");
    content.innerHTML = "<p><strong>Reading text:</strong> " + words("ins") +
      "</p><p><strong>Original reading:</strong> " + words("del") + "</p>" + (toggle ?
      '<p><label class="ed-switch"><input type="checkbox" ' + DATA_MIRROR + '="' + ID_ORIGINALS_SWITCH + '"' +
      (checked ? " checked" : "") + "> Show all original readings inline</label></p>" : "");
    open("Correction", content, span);
  };

  /* A tap whose press and release land on different elements (the theme mounts a tooltip
     between them) is a click on their common ancestor: what was pressed counts. */
  /** @type {Element | null} */
  let pressed = null;
  document.addEventListener("pointerdown", function (event) { pressed = targetOf(event); }, true);
  /* Capturing: the sheet answers before the theme's own handlers (its tooltips). */
  document.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const clicked = targetOf(event);
    const target = pressed && clicked && pressed !== clicked && clicked.contains(pressed) ? pressed : clicked;
    pressed = null;
    if (!target || (sheet && sheet.contains(target))) return;
    const marker = target.closest(SELECT_NOTE_MARKER);
    /* With a mouse a term's link leads to its page (the tooltip had the definition). */
    const touch = (event instanceof PointerEvent && event.pointerType === "touch") || HOVERLESS.matches;
    const term = target.closest(".ed-para a." + CLASS_TERM);
    const correction = target.closest(".ed-para ." + CLASS_CORRECTION);
    if (marker instanceof HTMLAnchorElement) {
      event.preventDefault();
      event.stopPropagation();
      showNote(markers.indexOf(marker));
    } else if (touch && term instanceof HTMLAnchorElement) {
      event.preventDefault();
      event.stopPropagation();
      showTerm(term);
    } else if (correction instanceof HTMLElement) {
      showCorrection(correction);
    }
  }, true);
  document.addEventListener("keydown", function (event) {
    const target = targetOf(event);
    const span = target && target.closest("." + CLASS_CORRECTION);
    if (span instanceof HTMLElement && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      showCorrection(span);
    }
  });
  document.addEventListener("change", function (event) {
    const target = targetOf(event);
    const id = target && target.getAttribute(DATA_MIRROR);
    const original = id === ID_ORIGINALS_SWITCH ? document.getElementById(id) : null;
    if (!(original instanceof HTMLInputElement) || !(target instanceof HTMLInputElement)) return;
    original.checked = target.checked;
    original.dispatchEvent(new Event("change", { bubbles: true }));
  });
  document.addEventListener(EVENT_NOTES_FILLED, function () {
    if (!sheet || !sheet.open) return;
    if (shown >= 0) showNote(shown);
    else if (termShown) showTerm(termShown);
  });
}

/**
 * @param {HTMLElement} dialog
 * @param {string} selector
 * @returns {HTMLButtonElement}
 */
function button(dialog, selector) {
  return /** @type {HTMLButtonElement} */ (dialog.querySelector(selector));
}
