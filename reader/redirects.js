/* Fragment redirects: an old #address that moved is sent to its new place. The list is the
   JSON the template writes in the page's head; only web addresses are followed. */
import { ID_REDIRECTS } from "./names.js";
import { webAddress } from "./dom.js";

export function followFragmentRedirects() {
  const data = document.head.querySelector("script#" + ID_REDIRECTS + "[type='application/json']");
  if (!data) return;
  /** @type {unknown} */
  let moved;
  try {
    moved = JSON.parse(data.textContent || "{}");
  } catch (error) {
    console.warn("Moved addresses not read:", error);
    return;
  }
  if (!moved || typeof moved !== "object") return;
  const table = /** @type {Record<string, unknown>} */ (moved);
  const go = function () {
    let id = "";
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return; /* not an address this page wrote */
    }
    const to = Object.prototype.hasOwnProperty.call(table, id) ? table[id] : null;
    const url = typeof to === "string" ? webAddress(to) : null;
    if (id && url && !document.getElementById(id)) location.replace(url.href);
  };
  window.addEventListener("hashchange", go);
  go();
}
