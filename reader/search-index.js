/* The search index waits until a reader wants search: the theme asks for it as the page
   starts, before anyone searches, and it is the page's largest download after the page
   itself. Its request is held until the reader opens search (the field, its button or the
   theme's keys), or until the page has been idle for a while after loading, so that search
   is ready when a reader who has been reading turns to it. This module must run before the
   theme mounts its search (at DOMContentLoaded), as the bundle's place in the page ensures. */
import { closestTo } from "./dom.js";

const INDEX = /\/search\/search_index\.json$/;
const IDLE_AFTER_LOAD = 8000; // ms: past the time a page's first load settles

export function deferSearchIndex() {
  if (!document.forms.namedItem("search")) return;
  const proto = XMLHttpRequest.prototype;
  const open = proto.open;
  const send = proto.send;
  /** @type {WeakSet<XMLHttpRequest>} */
  const held = new WeakSet();
  /** @type {Array<() => void>} */
  const waiting = [];
  let wanted = /[?&]q=/.test(location.search) || location.hash === "#__search";
  const release = function () {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  };
  proto.open = /** @type {typeof open} */ (
    /** @this {XMLHttpRequest} @param {...any} args */
    function (...args) {
      if (INDEX.test(new URL(String(args[1]), document.baseURI).pathname)) held.add(this);
      return Reflect.apply(open, this, args);
    }
  );
  /** @this {XMLHttpRequest} @param {Document | XMLHttpRequestBodyInit | null} [body] */
  proto.send = function (body) {
    if (wanted || !held.has(this)) return send.call(this, body);
    const request = this;
    waiting.push(function () { send.call(request, body); });
  };
  /* What asks for search: the field or its button, the toggle, or the theme's keys. */
  document.addEventListener("pointerdown", function (event) {
    if (closestTo(event, ".md-search, label[for='__search']")) release();
  }, true);
  document.addEventListener("focusin", function (event) {
    if (closestTo(event, ".md-search")) release();
  }, true);
  document.addEventListener("change", function (event) {
    if (closestTo(event, "#__search")) release();
  }, true);
  document.addEventListener("keydown", function (event) {
    const key = event.key.toLowerCase();
    if (key === "f" || key === "s" || key === "/") release();
  }, true);
  const later = function () {
    window.setTimeout(function () {
      if ("requestIdleCallback" in window) window.requestIdleCallback(release, { timeout: 2000 });
      else release();
    }, IDLE_AFTER_LOAD);
  };
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later);
}
