/* The reader's switches, remembered across pages and visits: the original readings inline
   (the page's own checkbox, which works without JavaScript too), and "markers only", which
   turns the apparatus down to the note markers (no underlines for terms, corrections and
   quoted passages) and back. */
import { ID_ORIGINALS_SWITCH, OWN_MARKERS_ONLY, OWN_ORIGINALS_SHOWN, STORED_MARKERS_ONLY, STORED_ORIGINALS } from "./names.js";
import { recall, remember } from "./dom.js";

const root = document.documentElement;

/* Applied as soon as the script runs, before the reader sees the text. */
function applyMarkersOnly() {
  root.classList.toggle(OWN_MARKERS_ONLY, recall(STORED_MARKERS_ONLY) === "1");
}

export function setUpSwitches() {
  applyMarkersOnly();
  const originals = document.getElementById(ID_ORIGINALS_SWITCH);
  if (!(originals instanceof HTMLInputElement)) return;
  const showOriginals = function () { root.classList.toggle(OWN_ORIGINALS_SHOWN, originals.checked); };
  originals.checked = recall(STORED_ORIGINALS) === "1";
  showOriginals();
  originals.addEventListener("change", function () {
    remember(STORED_ORIGINALS, originals.checked ? "1" : "0");
    showOriginals();
  });
  /* "Markers only" needs the script: it is added beside the originals switch. */
  const label = document.createElement("label");
  label.className = "ed-switch";
  const box = document.createElement("input");
  box.type = "checkbox";
  box.id = "ed-markers-only-switch";
  box.checked = root.classList.contains(OWN_MARKERS_ONLY);
  label.append(box, " Markers only (no underlines)");
  const place = originals.closest("label");
  if (!place || !place.parentNode) return;
  place.after(" ", label);
  box.addEventListener("change", function () {
    remember(STORED_MARKERS_ONLY, box.checked ? "1" : "0");
    applyMarkersOnly();
  });
  /* Another tab changed a setting: follow it. */
  window.addEventListener("storage", function (event) {
    if (event.key === STORED_MARKERS_ONLY) {
      applyMarkersOnly();
      box.checked = root.classList.contains(OWN_MARKERS_ONLY);
    }
  });
}
