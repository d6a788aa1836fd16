/* The theme's features, per screen. Material mounts a tooltip on every footnote marker as
   it starts (content.footnote.tooltips): on the essay, one per note, the largest part of
   its start-up script on a phone. Where that tooltip can never show, the edition has its
   own place for the note, so the theme is not asked to build it: on a touch screen a tap
   opens the sheet, and on a wide screen the note is in the margin (edition.css hides the
   theme's tooltip there). With a mouse on a narrower screen the theme's tooltip stays.
   So with the theme's tooltips for titles (content.tooltips) on a touch screen: they show
   on hover, which a touch screen has not, and the content's titles are the edition's
   (tooltips.js); the header's buttons keep their names. On a phone that was a sixth of the
   theme's start-up script (Lighthouse, 2026-12-07).
   This edits the theme's configuration (its template writes it on every page) before the
   theme's bundle reads it. */
import { SELECT_SEARCH_CONFIG } from "./names.js";

/* Each feature, and where the theme's version of it can never show (as dom.js's HOVERLESS
   and WIDE: that module is not in this script). */
const UNSEEN = [
  ["content.footnote.tooltips", "(hover: none), (min-width: 76.25em)"],
  ["content.tooltips", "(hover: none)"],
];

export function trimThemeFeatures() {
  const unseen = UNSEEN.filter(function (pair) { return window.matchMedia(pair[1]).matches; }).map(function (pair) { return pair[0]; });
  const config = document.querySelector(SELECT_SEARCH_CONFIG);
  if (!config || !unseen.length) return;
  try {
    const parsed = JSON.parse(config.textContent || "");
    if (!parsed || !Array.isArray(parsed.features)) return;
    parsed.features = parsed.features.filter(function (/** @type {unknown} */ name) { return unseen.indexOf(String(name)) < 0; });
    config.textContent = JSON.stringify(parsed);
  } catch (error) {
    /* Left as the theme wrote it. */
  }
}
