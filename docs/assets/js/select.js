/* Select to quote, select to suggest.

   Selecting words of the essay offers two buttons: "Copy quote" (the words, a text-fragment
   link, the paragraph's permanent address and a one-line citation of the edition) and
   "Suggest a note on these words" (the repository's new-note form, prefilled with a quote
   selector that matches exactly once in the reading text, an id from the words and the
   note's front matter). Without JavaScript nothing changes: the paragraph's own links stay.

   The first half of this module is pure (strings in, strings out) and tested with Node;
   setUpSelection() is the wiring. Each paragraph's text (p.ed-para) is exactly its reading
   text: markers and original readings are drawn by the stylesheet, not written as text. */

const PARAGRAPH = "p.ed-para";
const MAX_CONTEXT_WORDS = 12;
const ID_WORDS = 6;

/* Every start index of needle in text, overlapping ones included (as the build counts). */
export function occurrences(text, needle) {
  const found = [];
  if (!needle) return found;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/* [start, end) widened to whole words and narrowed past spaces at either end. */
export function wholeWords(paragraph, start, end) {
  const word = /[\p{L}\p{N}'’_-]/u;
  while (start > 0 && word.test(paragraph[start - 1]) && word.test(paragraph[start])) start--;
  while (end < paragraph.length && word.test(paragraph[end]) && word.test(paragraph[end - 1])) end++;
  while (start < end && /\s/.test(paragraph[start])) start++;
  while (end > start && /\s/.test(paragraph[end - 1])) end--;
  return [start, end];
}

/* Where words start before `start` (nearest first) and end after `end`, within the paragraph:
   the places a prefix may begin and a suffix may end. */
function boundaries(paragraph, start, end) {
  const before = [start];
  for (let i = start - 1; i >= 0 && before.length <= MAX_CONTEXT_WORDS; i--) {
    if (i === 0 || (/\s/.test(paragraph[i - 1]) && !/\s/.test(paragraph[i]))) before.push(i);
  }
  const after = [end];
  for (let i = end + 1; i <= paragraph.length && after.length <= MAX_CONTEXT_WORDS; i++) {
    if (i === paragraph.length || (/\s/.test(paragraph[i]) && !/\s/.test(paragraph[i - 1]))) after.push(i);
  }
  return [before, after];
}

/* A W3C TextQuoteSelector for words of paragraph `number` (1-based) of the reading text:
   `exact`, with the shortest prefix and/or suffix (whole words) that make
   prefix + exact + suffix occur exactly once in the whole text; null when none does. */
export function quoteSelector(paragraphs, number, start, end) {
  const paragraph = paragraphs[number - 1];
  if (paragraph === undefined) return null;
  [start, end] = wholeWords(paragraph, start, end);
  const exact = paragraph.slice(start, end);
  if (!exact) return null;
  const text = paragraphs.join("\n");
  const [before, after] = boundaries(paragraph, start, end);
  const candidates = [];
  for (const from of before) {
    for (const to of after) {
      candidates.push({ prefix: paragraph.slice(from, start), suffix: paragraph.slice(end, to) });
    }
  }
  candidates.sort((a, b) =>
    a.prefix.length + a.suffix.length - (b.prefix.length + b.suffix.length) ||
    a.suffix.length - b.suffix.length);
  for (const { prefix, suffix } of candidates) {
    if (occurrences(text, prefix + exact + suffix).length === 1) {
      const selector = { type: "TextQuoteSelector", exact };
      if (prefix) selector.prefix = prefix;
      if (suffix) selector.suffix = suffix;
      return selector;
    }
  }
  return null;
}

/* An id from the words: lower case ASCII letters and digits, hyphens, at most six words. */
export function noteId(exact) {
  const plain = exact.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return (plain.match(/[a-z0-9]+/g) || []).slice(0, ID_WORDS).join("-") || "note";
}

function yamlString(value) {
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/* The new note's file, as CONTRIBUTING.md describes it; make check reviews what comes back. */
export function noteFile(selector) {
  const lines = [
    "---",
    "id: " + noteId(selector.exact),
    'title: "The finding in one line"',
    "target:",
    "  exact: " + yamlString(selector.exact),
  ];
  if (selector.prefix) lines.push("  prefix: " + yamlString(selector.prefix));
  if (selector.suffix) lines.push("  suffix: " + yamlString(selector.suffix));
  lines.push(
    "kind: context",
    "sources: []",
    "---",
    "Your note, citing confirmed sources as [@key]. See CONTRIBUTING.md.",
    "",
  );
  return lines.join("\n");
}

/* The repository's new-file form for the note, prefilled (GitHub reads `filename` and `value`). */
export function suggestUrl(repoNewNotesUrl, selector) {
  const url = new URL(repoNewNotesUrl);
  url.searchParams.set("filename", noteId(selector.exact) + ".md");
  url.searchParams.set("value", noteFile(selector));
  return url.toString();
}

/* A text directive (#:~:text=) for the words: the whole quote when short, else its first
   and last words; a prefix or suffix when the words alone occur more than once. */
export function textFragment(selector) {
  const enc = (s) => encodeURIComponent(s).replace(/-/g, "%2D").replace(/,/g, "%2C");
  const words = selector.exact.split(/\s+/);
  const parts = [];
  if (selector.prefix) parts.push(enc(selector.prefix.trim()) + "-");
  if (words.length > 8) {
    parts.push(enc(words.slice(0, 4).join(" ")), enc(words.slice(-4).join(" ")));
  } else {
    parts.push(enc(selector.exact));
  }
  if (selector.suffix) parts.push("-" + enc(selector.suffix.trim()));
  return "#:~:text=" + parts.join(",");
}

/* What "Copy quote" puts on the clipboard: the words, the citation, the two addresses. */
export function quoteText(selector, { pageUrl, number, title, edition }) {
  const page = pageUrl.split("#")[0];
  return [
    "“" + selector.exact + "”",
    "— " + title + ", paragraph " + number + (edition ? ", " + edition : "") + ". " + page + "#p" + number,
    page + textFragment(selector),
  ].join("\n");
}

/* The wiring. */

function paragraphOf(node) {
  const element = node && (node.nodeType === 1 ? node : node.parentElement);
  return element && element.closest(PARAGRAPH);
}

function offsetIn(paragraph, node, offset) {
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/* The edition as the page cites itself: its "Cite this" names the edition by date and commit. */
function pageContext() {
  const canonical = document.querySelector("link[rel=canonical]");
  const cite = document.querySelector("pre.ed-citation");
  const edition = cite && (cite.textContent.match(/edition of [^,]+?\([0-9a-f]{7}\)/) || [""])[0];
  return {
    pageUrl: canonical ? canonical.href : location.href,
    title: document.title.split(" - ")[0],
    edition: edition || "",
  };
}

export function setUpSelection(root = document) {
  const paragraphs = Array.from(root.querySelectorAll(PARAGRAPH));
  const suggest = root.querySelector("a.ed-suggest");
  if (!paragraphs.length) return;
  const texts = paragraphs.map((p) => p.textContent);
  const newNotes = suggest ? suggest.href.split("?")[0] : "";

  const bar = document.createElement("div");
  bar.className = "ed-select-bar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Selected words");
  bar.hidden = true;
  const copy = document.createElement("button");
  copy.type = "button";
  copy.textContent = "Copy quote";
  bar.appendChild(copy);
  const note = document.createElement("a");
  note.textContent = "Suggest a note on these words";
  note.target = "_blank";
  note.rel = "noopener";
  if (newNotes) bar.appendChild(note);
  document.body.appendChild(bar);

  let current = null;
  const update = () => {
    const selection = document.getSelection();
    current = null;
    if (selection && !selection.isCollapsed && selection.rangeCount) {
      const range = selection.getRangeAt(0);
      const paragraph = paragraphOf(range.startContainer);
      if (paragraph && paragraph === paragraphOf(range.endContainer)) {
        const number = paragraphs.indexOf(paragraph) + 1;
        const selector = quoteSelector(
          texts, number,
          offsetIn(paragraph, range.startContainer, range.startOffset),
          offsetIn(paragraph, range.endContainer, range.endOffset));
        if (selector) current = { selector, number, rect: range.getBoundingClientRect() };
      }
    }
    bar.hidden = !current;
    if (!current) return;
    if (newNotes) note.href = suggestUrl(newNotes, current.selector);
    bar.style.top = window.scrollY + current.rect.bottom + 8 + "px";
    bar.style.left = window.scrollX + Math.max(8, current.rect.left) + "px";
  };
  let pending = 0;
  update(); /* the selection that had this module loaded */
  document.addEventListener("selectionchange", () => {
    clearTimeout(pending);
    pending = setTimeout(update, 200); /* after a drag or a long press settles */
  });
  copy.addEventListener("click", () => {
    if (!current) return;
    const text = quoteText(current.selector, { ...pageContext(), number: current.number });
    navigator.clipboard.writeText(text).then(() => { copy.textContent = "Copied"; },
      () => { copy.textContent = "Copy failed"; });
    setTimeout(() => { copy.textContent = "Copy quote"; }, 2000);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !bar.hidden) bar.hidden = true;
  });
}
