/* The search index when the reader turns to search, not before. The theme requests its
   index (about 75 KB gzip on the essay's site, the largest file a page fetches) as soon as
   the page starts, whether or not anyone searches. This script runs just before the
   theme's bundle (before-theme.js), so it holds that one request, made through
   XMLHttpRequest, and sends it when the reader shows they want search: a press or focus on the search button or field, the theme's search
   keys, or a page opened from a search result (its "h" parameter highlights the words).
   The theme shows "Initializing search" meanwhile, as it does while any index loads.
   Every other request goes through untouched, and once the index is sent the browser's
   own methods are put back. */
import { SELECT_SEARCH_CONFIG } from "./names.js";

/* The index's address under the site's base, as Material names it. Zensical's
   (search.json) is left alone: its search does not run a query typed before its index
   arrived, so a reader who taps search and types at once would find nothing. */
const INDEX_FILES = ["search/search_index.json"];
/* The theme's keys that open search, where the reader is not typing. */
const SEARCH_KEYS = ["/", "s", "f", "S", "F"];

/**
 * The addresses the theme's index may be fetched from: its configuration (written by the
 * theme's own template) names the site's base, relative to the page.
 * @returns {string[]}
 */
function indexAddresses() {
  const config = document.querySelector(SELECT_SEARCH_CONFIG);
  if (!config) return [];
  try {
    const parsed = JSON.parse(config.textContent || "{}");
    const base = new URL(typeof parsed.base === "string" ? parsed.base : ".", location.href);
    return INDEX_FILES.map(function (file) { return new URL(file, base).href; });
  } catch (error) {
    return [];
  }
}

export function holdSearchIndex() {
  const addresses = indexAddresses();
  if (!addresses.length || typeof XMLHttpRequest === "undefined") return;
  if (new URL(location.href).searchParams.has("h")) return;
  const proto = XMLHttpRequest.prototype;
  const open = proto.open;
  const send = proto.send;
  /** @type {WeakSet<XMLHttpRequest>} */
  const index = new WeakSet();
  /** @type {(() => void)[]} */
  const waiting = [];
  let released = false;

  const release = function () {
    if (released) return;
    released = true;
    proto.open = open;
    proto.send = send;
    document.removeEventListener("pointerdown", onPointer, true);
    document.removeEventListener("focusin", onFocus, true);
    document.removeEventListener("keydown", onKey, true);
    document.removeEventListener("change", onFocus, true);
    waiting.splice(0).forEach(function (go) { go(); });
  };
  /** @param {Event} event */
  const wantsSearch = function (event) {
    const target = event.target;
    return target instanceof Element && Boolean(target.closest("label[for='__search'], #__search, .md-search"));
  };
  /** @param {Event} event */
  const onPointer = function (event) { if (wantsSearch(event)) release(); };
  /** @param {Event} event */
  const onFocus = function (event) { if (wantsSearch(event)) release(); };
  /** @param {KeyboardEvent} event */
  const onKey = function (event) {
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select"));
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && SEARCH_KEYS.indexOf(event.key) >= 0) release();
  };

  /**
   * The browser's open(), noting whether this request is for the index.
   * @this {XMLHttpRequest}
   */
  const holdingOpen = function () {
    const url = arguments[1];
    if (!released && addresses.indexOf(new URL(String(url), location.href).href) >= 0) index.add(this);
    return open.apply(this, /** @type {any} */ (arguments));
  };
  proto.open = /** @type {XMLHttpRequest["open"]} */ (/** @type {unknown} */ (holdingOpen));
  /**
   * @this {XMLHttpRequest}
   * @param {Document | XMLHttpRequestBodyInit | null} [body]
   */
  proto.send = function (body) {
    if (released || !index.has(this)) return send.call(this, body);
    const request = this;
    waiting.push(function () { send.call(request, body); });
  };
  document.addEventListener("pointerdown", onPointer, true);
  document.addEventListener("focusin", onFocus, true);
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("change", onFocus, true);
}
