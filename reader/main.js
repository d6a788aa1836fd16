/* The edition's only script: enhancements on top of a page that works without it, one
   module per feature (reader/*.js), bundled by esbuild into docs/assets/edition.js
   (`make reader`). What each does is said at the top of its module. */
import { setUpTooltips } from "./tooltips.js";
import { followFragmentRedirects } from "./redirects.js";
import { setUpSwitches } from "./switches.js";
import { setUpSidenotes } from "./sidenotes.js";
import { setUpSheet } from "./sheet.js";
import { setUpSuggestLinks } from "./suggest.js";
import { loadAfterLoad, setUpFilterLoader, setUpNoteTextsLoader, setUpSelectionLoader } from "./on-demand.js";

/* Read while the bundle runs: afterwards there is no current script. */
const scriptElement = document.currentScript;
const scriptSrc = scriptElement instanceof HTMLScriptElement ? scriptElement.src : "";

/* Before the theme starts (its listener runs at DOMContentLoaded): the titles it would
   mount a tooltip for. */
setUpTooltips();
followFragmentRedirects();
setUpSwitches();
setUpSidenotes();
setUpSheet();
setUpFilterLoader(scriptSrc);
setUpSuggestLinks();
setUpSelectionLoader(scriptSrc);
setUpNoteTextsLoader(scriptSrc);
/* Nothing the reader did not ask for before the page has loaded. */
const afterLoad = function () {
  loadAfterLoad(scriptSrc);
};
if (document.readyState === "complete") afterLoad();
else window.addEventListener("load", afterLoad);
