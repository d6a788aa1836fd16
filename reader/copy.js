/* "Copy" buttons for the links to paragraphs, notes and term pages (the links are there
   anyway) and for citations, added once the page has loaded. */
import { CLASS_CONTEXT, CLASS_PARAGRAPH, CLASS_PARAGRAPH_TOOLS, CLASS_SHORT, DATA_DONE, OWN_COPY, OWN_COPY_STATUS, SELECT_CITATION_BLOCK, SELECT_FOOTNOTE_ITEM } from "./names.js";

/* Material Design Icons "link", as the theme ships it (.icons/material): the smallest. */
const LINK_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0-5 5 5 5 0 0 0 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 5-5 5 5 0 0 0-5-5"/></svg>';

/** @param {string} text */
function announce(text) {
  let status = document.getElementById(OWN_COPY_STATUS);
  if (!status) {
    status = document.createElement("div");
    status.id = OWN_COPY_STATUS;
    status.className = OWN_COPY_STATUS;
    status.setAttribute("role", "status");
    document.body.appendChild(status);
  }
  const region = status;
  region.textContent = "";
  window.setTimeout(function () { region.textContent = text; }, 50);
}

/**
 * @param {string} label
 * @param {() => string} text
 * @param {string} what
 * @returns {HTMLButtonElement}
 */
function copyButton(label, text, what) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = OWN_COPY;
  button.setAttribute("aria-label", label);
  button.innerHTML = LINK_ICON;
  button.addEventListener("click", function () {
    const value = text();
    const done = function () {
      announce(what + " copied: " + value);
      /* Seen as well as heard: "Copied" over the button for a moment. */
      button.setAttribute(DATA_DONE, "Copied");
      window.setTimeout(function () { button.removeAttribute(DATA_DONE); }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(done, function () { announce("Copy failed: " + value); });
    } else {
      const field = document.createElement("textarea");
      field.value = value;
      document.body.appendChild(field);
      field.select();
      document.execCommand("copy");
      field.remove();
      done();
    }
  });
  return button;
}

/**
 * @param {string} label
 * @param {string} fragment
 */
function linkButton(label, fragment) {
  return copyButton(label, function () {
    /* The page's permanent address, not the one it was reached by (a redirect, a query). */
    const canonical = document.querySelector("link[rel=canonical]");
    const base = canonical instanceof HTMLLinkElement ? canonical.href : location.href;
    return base.split("#")[0] + (fragment ? "#" + fragment : "");
  }, "Link");
}

export function setUpCopyLinks() {
  document.querySelectorAll("." + CLASS_PARAGRAPH).forEach(function (paragraph) {
    const tools = paragraph.querySelector("." + CLASS_PARAGRAPH_TOOLS);
    const number = paragraph.id.slice(1);
    if (tools) tools.appendChild(linkButton("Copy link to paragraph " + number, paragraph.id));
  });
  document.querySelectorAll(SELECT_FOOTNOTE_ITEM).forEach(function (note) {
    const list = note.parentNode;
    const index = list ? Array.prototype.indexOf.call(list.children, note) + 1 : 0;
    note.appendChild(linkButton("Copy link to note " + index, note.id));
  });
  const heading = document.querySelector("article h1");
  if (heading && document.querySelector("." + CLASS_CONTEXT + ", ." + CLASS_SHORT)) {
    heading.appendChild(linkButton("Copy link to this page", ""));
  }
  document.querySelectorAll(SELECT_CITATION_BLOCK).forEach(function (block) {
    if (!(block instanceof HTMLElement)) return;
    const text = block.textContent || "";
    const button = copyButton("Copy citation as " + block.dataset.edFormat, function () { return text; }, "Citation");
    button.innerHTML = '<span class="ed-copy-icon"></span>'; /* the theme's own */
    block.appendChild(button);
  });
}
