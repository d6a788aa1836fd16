/* The theme's features, per screen. Material mounts a tooltip on every footnote marker as
   it starts (content.footnote.tooltips): on the essay, one per note, the largest part of
   its start-up script on a phone. Where that tooltip can never show, the edition has its
   own place for the note, so the theme is not asked to build it: on a touch screen a tap
   opens the sheet, and on a wide screen the note is in the margin (edition.css hides the
   theme's tooltip there). With a mouse on a narrower screen the theme's tooltip stays.
   This edits the theme's configuration (its template writes it on every page) before the
   theme's bundle reads it. */
import { SELECT_SEARCH_CONFIG } from "./names.js";

const FOOTNOTE_TOOLTIPS = "content.footnote.tooltips";
/* As dom.js's HOVERLESS and WIDE (that module is not in this script). */
const OWN_PLACE = "(hover: none), (min-width: 76.25em)";

export function trimThemeFeatures() {
  const config = document.querySelector(SELECT_SEARCH_CONFIG);
  if (!config || !window.matchMedia(OWN_PLACE).matches) return;
  try {
    const parsed = JSON.parse(config.textContent || "");
    if (!parsed || !Array.isArray(parsed.features)) return;
    parsed.features = parsed.features.filter(function (/** @type {unknown} */ name) { return name !== FOOTNOTE_TOOLTIPS; });
    config.textContent = JSON.stringify(parsed);
  } catch (error) {
    /* Left as the theme wrote it. */
  }
}
