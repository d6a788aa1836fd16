/* On screens without the side bar, the theme's navigation is a drawer, off screen until
   opened; yet each of the theme's restyles as it starts (six on a phone) styled it again:
   a quarter of a phone's elements, and most of its first style pass. edition.css skips the
   closed drawer's contents (content-visibility) under a class set here, in the head; once
   the page has loaded the class goes, the drawer is styled once, and from then on it is as
   the theme made it for screen readers and the keyboard (skipped contents are out of both
   until then). Opened before, it shows at once. */
import { OWN_LAZY_DRAWER } from "./names.js";

export function lazyDrawer() {
  const root = document.documentElement;
  root.classList.add(OWN_LAZY_DRAWER);
  window.addEventListener("load", function () {
    root.classList.remove(OWN_LAZY_DRAWER);
  });
}
