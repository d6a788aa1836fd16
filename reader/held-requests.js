/* Two requests the theme makes as it starts, held until they are wanted. This script runs
   just before the theme's bundle (before-theme.js), so it can hold them: the theme makes
   both through XMLHttpRequest.
   - The search index (about 75 KB gzip on the essay's site, the largest file a page
     fetches), sent when the reader shows they want search: a press or focus on the search
     button or field, the theme's search keys, or a page opened from a search result (its
     "h" parameter highlights the words). The theme shows "Initializing search" meanwhile,
     as it does while any index loads.
   - The site map, which the theme fetches once for every <link rel="alternate"> in the
     head (it looks there for the same page in another language); an edition's alternates
     are the page in other formats (TEI, Web Annotations), so two requests and parsing the
     map twice were spent as the page started, for nothing a reader sees. Sent once the
     page has loaded, so a site with other languages still gets it.
   Every other request goes through untouched; once both are sent, the browser's own
   methods are put back. */
import { SELECT_SEARCH_CONFIG } from "./names.js";

/* The index's address under the site's base, as Material names it. Zensical's
   (search.json) is left alone: its search does not run a query typed before its index
   arrived, so a reader who taps search and types at once would find nothing. */
const INDEX_FILES = ["search/search_index.json"];
/* The theme asks for the site map beside each alternate's address, so any folder's. */
const SITEMAP = /\/sitemap\.xml$/;
/* The theme's keys that open search, where the reader is not typing. */
const SEARCH_KEYS = ["/", "s", "f", "S", "F"];
const INTENT = ["pointerdown", "focusin", "keydown", "change"];

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

/**
 * Whether the event shows the reader turning to search.
 * @param {Event} event
 */
function wantsSearch(event) {
  const target = event.target;
  if (event instanceof KeyboardEvent) {
    const typing = target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select"));
    return !typing && !event.ctrlKey && !event.metaKey && !event.altKey && SEARCH_KEYS.indexOf(event.key) >= 0;
  }
  return target instanceof Element && Boolean(target.closest("label[for='__search'], #__search, .md-search"));
}

export function holdRequests() {
  if (typeof XMLHttpRequest === "undefined") return;
  const addresses = new URL(location.href).searchParams.has("h") ? [] : indexAddresses();
  const proto = XMLHttpRequest.prototype;
  const open = proto.open;
  const send = proto.send;
  /** The requests waiting, by what they are for; null once sent.
   * @type {{ index: (() => void)[] | null, sitemap: (() => void)[] | null }} */
  const waiting = { index: addresses.length ? [] : null, sitemap: [] };
  /** @type {WeakMap<XMLHttpRequest, "index" | "sitemap">} */
  const held = new WeakMap();

  /** @param {"index" | "sitemap"} kind */
  const release = function (kind) {
    const queue = waiting[kind];
    if (!queue) return;
    waiting[kind] = null;
    if (!waiting.index && !waiting.sitemap) {
      proto.open = open;
      proto.send = send;
    }
    queue.forEach(function (go) { go(); });
  };
  /** @param {Event} event */
  const onIntent = function (event) {
    if (!wantsSearch(event)) return;
    INTENT.forEach(function (type) { document.removeEventListener(type, onIntent, true); });
    release("index");
  };

  /**
   * The browser's open(), noting whether this request is one to hold.
   * @this {XMLHttpRequest}
   */
  const holdingOpen = function () {
    const url = new URL(String(arguments[1]), location.href);
    if (waiting.index && addresses.indexOf(url.href) >= 0) held.set(this, "index");
    else if (waiting.sitemap && url.origin === location.origin && SITEMAP.test(url.pathname)) held.set(this, "sitemap");
    return open.apply(this, /** @type {any} */ (arguments));
  };
  proto.open = /** @type {XMLHttpRequest["open"]} */ (/** @type {unknown} */ (holdingOpen));
  /**
   * @this {XMLHttpRequest}
   * @param {Document | XMLHttpRequestBodyInit | null} [body]
   */
  proto.send = function (body) {
    const kind = held.get(this);
    const queue = kind && waiting[kind];
    if (!queue) return send.call(this, body);
    const request = this;
    queue.push(function () { send.call(request, body); });
  };
  if (waiting.index) INTENT.forEach(function (type) { document.addEventListener(type, onIntent, true); });
  window.addEventListener("load", function () { release("sitemap"); });
}
