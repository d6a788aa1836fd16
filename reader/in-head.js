/* Runs inline in the page's head (overrides/partials/in-head.html, written by
   `make reader`), before the browser first lays out the text: what changes the layout
   must be decided before the first paint, or the page would move under the reader. */
import { lazyDrawer } from "./lazy-drawer.js";
import { lazyParagraphs } from "./lazy-paragraphs.js";

lazyParagraphs();
lazyDrawer();
