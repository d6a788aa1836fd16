/* Runs just before the theme's bundle (docs/assets/edition.before-theme.js, written by
   `make reader`, loaded by overrides/main.html): what must happen before the theme reads
   its configuration and starts. */
import { holdRequests } from "./held-requests.js";
import { trimThemeFeatures } from "./theme-features.js";

trimThemeFeatures();
holdRequests();
