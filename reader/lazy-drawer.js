/* On screens without the side bar, the theme's navigation is a drawer, off screen until
   opened; yet each of the restyles the theme forces as it starts styled it again: about a
   quarter of what a phone styles, and most of its first style pass. edition.css skips the
   closed drawer's contents (content-visibility) under a class set here, in the head; once
   the page has loaded the drawer itself is marked, so it is styled once, and from then on
   it is as the theme made it for screen readers and the keyboard (skipped contents are out
   of both until then). Opened before, it shows at once. The mark goes on the drawer, not
   the root: any change to the root's classes restyles the whole page. */
import { OWN_DRAWER_STYLED, OWN_LAZY_DRAWER, SELECT_DRAWER } from "./names.js";

export function lazyDrawer() {
  document.documentElement.classList.add(OWN_LAZY_DRAWER);
  window.addEventListener("load", function () {
    const drawer = document.querySelector(SELECT_DRAWER);
    if (drawer) drawer.classList.add(OWN_DRAWER_STYLED);
  });
}
