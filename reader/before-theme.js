/* Runs inline before the theme's bundle (overrides/partials/before-theme.html, written by
   `make reader`): what must happen before the theme reads its configuration and starts. */
import { holdSearchIndex } from "./search-index.js";
import { trimThemeFeatures } from "./theme-features.js";

trimThemeFeatures();
holdSearchIndex();
