/* Tooltips, mounted when first wanted. The theme mounts a tooltip for every title in the
   content as the page starts: on the essay, about a hundred (terms, corrections,
   permalinks), which made its start-up the slowest part of the page. This script runs
   before the theme mounts anything, so it hides those titles from it, hands them back once
   it has looked (screen readers read a title as the description), and builds the theme's
   own tooltip (its markup, classes and positioning, one element for all) when a reader
   points at or focuses a host. The paragraph and note tools show their aria-label the same
   way. Without JavaScript the titles stay where they are and the browser shows them. */
import { CLASS_SUGGEST, DATA_TITLE, OWN_COPY, OWN_TIPS_DISMISSED, OWN_TOOLTIP } from "./names.js";
import { targetOf } from "./dom.js";

const TIP_HOSTS = "[" + DATA_TITLE + "], ." + CLASS_SUGGEST + ", ." + OWN_COPY;
const HOSTS = "a, abbr, button, [tabindex], [" + DATA_TITLE + "]";

/**
 * A title goes back unless it became the host's name (an icon or a sign).
 * @param {Element} el
 */
function restoreTitle(el) {
  const title = el.getAttribute(DATA_TITLE);
  if (title && el.getAttribute("aria-label") !== title) el.setAttribute("title", title);
}

/**
 * @param {Event} event
 * @returns {HTMLElement | null}
 */
function hostOf(event) {
  const target = targetOf(event);
  const host = target && target.closest(TIP_HOSTS);
  return host instanceof HTMLElement ? host : null;
}

export function setUpTooltips() {
  document.querySelectorAll(".md-content [title]").forEach(function (el) {
    const title = el.getAttribute("title") || "";
    /* An icon or a sign (the edit button, "¶", "↩") was named by its title alone. */
    if (!el.hasAttribute("aria-label") && el.matches("a, button") && !/[A-Za-z0-9]/.test(el.textContent || "")) {
      el.setAttribute("aria-label", title);
    }
    el.setAttribute(DATA_TITLE, title);
    el.removeAttribute("title");
  });
  /** @type {HTMLElement | null} */
  let tip = null;
  /** @type {HTMLElement | null} */
  let host = null;
  let leaving = 0;
  /* The theme's start-up listener was added first, so it has run by now. */
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".md-content [" + DATA_TITLE + "]").forEach(function (el) {
      if (el !== host) restoreTitle(el);
    });
  });
  const hide = function () {
    if (!host || !tip) return;
    host.removeAttribute("aria-describedby");
    restoreTitle(host);
    tip.classList.remove("md-tooltip2--active");
    host = null;
  };
  /** @param {HTMLElement} el */
  const show = function (el) {
    window.clearTimeout(leaving);
    if (el === host) return;
    hide();
    if (!tip) {
      tip = document.createElement("div");
      tip.id = OWN_TOOLTIP;
      tip.className = "md-tooltip2 md-tooltip2--bottom";
      tip.setAttribute("role", "tooltip");
      tip.innerHTML = '<div class="md-tooltip2__inner md-typeset"></div>';
      document.body.appendChild(tip);
    }
    const text = el.getAttribute(DATA_TITLE) || el.getAttribute("aria-label") || "";
    el.removeAttribute("title"); /* or the browser shows its own tooltip as well */
    const inner = /** @type {HTMLElement} */ (tip.firstChild);
    inner.textContent = text;
    /* As the theme places a title's tooltip: centred below its host, in page coordinates. */
    const box = el.getBoundingClientRect();
    const style = tip.style;
    style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
    style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
    style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    style.setProperty("--md-tooltip-y", 8 + box.height + "px");
    style.setProperty("--md-tooltip-tail", "0px");
    style.setProperty("--md-tooltip-width", inner.offsetWidth + "px");
    /* A label read out twice helps no one: describe only what the name does not say. */
    if (text !== el.getAttribute("aria-label")) el.setAttribute("aria-describedby", tip.id);
    tip.classList.add("md-tooltip2--active");
    host = el;
  };
  document.addEventListener("pointerover", function (event) {
    const el = hostOf(event);
    if (el) show(el);
  });
  /* WCAG 1.4.13, hoverable: the pointer may cross the gap into the tooltip and stay. */
  document.addEventListener("pointerout", function (event) {
    if (!host || !tip) return;
    const target = targetOf(event);
    const from = hostOf(event) === host || (target !== null && tip.contains(target));
    const to = event.relatedTarget;
    if (!from || (to instanceof Node && (host.contains(to) || tip.contains(to)))) return;
    window.clearTimeout(leaving);
    leaving = window.setTimeout(hide, 300);
  });
  document.addEventListener("pointerover", function (event) {
    const target = targetOf(event);
    if (host && tip && target && (host.contains(target) || tip.contains(target))) {
      window.clearTimeout(leaving);
    }
  });
  document.addEventListener("focusin", function (event) {
    const el = hostOf(event);
    if (el) show(el);
    else hide();
  });
  document.addEventListener("focusout", function (event) {
    if (hostOf(event) === host) hide();
  });
  /* WCAG 1.4.13: any tooltip, ours or the theme's (footnotes), is dismissed by Escape
     without moving the pointer or the focus; it stays so until another host is pointed at
     or focused. The theme's tooltips have no such key, so a class hides them. */
  const root = document.documentElement;
  /** @type {{ pointed: Element | null, focused: Element | null } | null} the hosts whose tooltips Escape closed */
  let dismissed = null;
  /** @type {Element | null} */
  let pointed = null;
  const revive = function () {
    dismissed = null;
    root.classList.remove(OWN_TIPS_DISMISSED);
  };
  document.addEventListener("pointerover", function (event) {
    const target = targetOf(event);
    const over = target ? target.closest(HOSTS) : null;
    pointed = over;
    if (!dismissed || !target || target.closest(".md-tooltip2, .md-tooltip")) return;
    if (!over) dismissed.pointed = null; /* left it: pointing at it again shows it */
    else if (over !== dismissed.pointed) revive();
  });
  document.addEventListener("focusin", function (event) {
    if (dismissed && event.target !== dismissed.focused) revive();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    hide();
    dismissed = { pointed: pointed, focused: document.activeElement };
    root.classList.add(OWN_TIPS_DISMISSED);
  });
  window.addEventListener("resize", hide);
}
