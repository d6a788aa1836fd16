/* What the page needs only once it has loaded: the copy-link buttons, and the notes' full
   texts (essay-notes.json) when they are wanted. Built into docs/assets/js/after-load.js
   and fetched at the load event, so that none of it is in the way of the first paint on a
   phone. */
import { setUpCopyLinks } from "./copy.js";

export { fillNotes } from "./note-texts.js";

export function afterLoad() {
  setUpCopyLinks();
}
