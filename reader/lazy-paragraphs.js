/* On a phone the theme restyles the whole page several times as it starts, so each
   element on the page costs at every pass. edition.css lets the browser skip the essay's
   paragraphs that are off screen (content-visibility), under a class set here, in the
   page's head before the first paint (set later, the paragraphs on screen would be laid
   out again and move). Only when the page opens at its top: opened at a paragraph's
   address, or reloaded or revisited mid-page, the paragraphs above would first count at
   an estimated height and then at their own, moving the page under the reader. */
import { OWN_LAZY_PARAGRAPHS } from "./names.js";

export function lazyParagraphs() {
  const navigation = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  const kind = navigation && "type" in navigation ? String(navigation.type) : "navigate";
  if (location.hash || kind === "reload" || kind === "back_forward") return;
  document.documentElement.classList.add(OWN_LAZY_PARAGRAPHS);
}
