/* Small helpers every feature uses: the screens, the event target as an element, safe
   addresses and remembered settings. */

/* As edition.css: where the theme shows its sidebar, the measure and the margin fit. */
export const WIDE = window.matchMedia("(min-width: 76.25em)");
/* A touch screen: no tooltip can show, a tap opens the sheet. */
export const HOVERLESS = window.matchMedia("(hover: none)");

/**
 * The element an event happened on (a text node's parent), or null.
 * @param {Event} event
 * @returns {Element | null}
 */
export function targetOf(event) {
  const target = event.target;
  if (target instanceof Element) return target;
  return target instanceof Node ? target.parentElement : null;
}

/**
 * The nearest element matching `selector` from where an event happened.
 * @param {Event} event
 * @param {string} selector
 * @returns {HTMLElement | null}
 */
export function closestTo(event, selector) {
  const target = targetOf(event);
  const found = target && target.closest(selector);
  return found instanceof HTMLElement ? found : null;
}

/**
 * @param {string} text
 * @returns {string}
 */
export function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A relative address on this site, resolved, or null: the script fetches nothing else.
 * @param {string | null} address
 * @returns {URL | null}
 */
export function sameOrigin(address) {
  if (!address || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(address.trim())) return null;
  const url = new URL(address, document.baseURI);
  return url.origin === location.origin ? url : null;
}

/**
 * An address the script may send the reader to (http or https), or null.
 * @param {string | null} address
 * @returns {URL | null}
 */
export function webAddress(address) {
  if (!address) return null;
  try {
    const url = new URL(address, document.baseURI);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch (error) {
    return null;
  }
}

/**
 * A remembered setting, or null where storage is refused (private mode).
 * @param {string} key
 * @returns {string | null}
 */
export function recall(key) {
  try {
    return localStorage.getItem(key);
  } catch (error) {
    return null;
  }
}

/**
 * @param {string} key
 * @param {string} value
 */
export function remember(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch (error) {
    /* storage refused: the setting holds for this page only */
  }
}

/**
 * A note marker's footnote: the list item its link points at, on this page.
 * @param {Element} marker the marker's link
 * @returns {HTMLElement | null}
 */
export function footnoteOf(marker) {
  const href = marker.getAttribute("href") || "";
  if (href.charAt(0) !== "#") return null;
  const note = document.getElementById(decodeURIComponent(href.slice(1)));
  return note && note.matches(".footnote li") ? note : null;
}
