/* The reader's switches, remembered across pages and visits: the original readings inline
   (the page's own checkbox, which works without JavaScript too), and "markers only", which
   turns the apparatus down to the note markers (no underlines for terms, corrections and
   quoted passages) and back. */
import { ID_MARKERS_SWITCH, ID_ORIGINALS_SWITCH, OWN_MARKERS_ONLY, OWN_ORIGINALS_SHOWN, STORED_MARKERS_ONLY, STORED_ORIGINALS } from "./names.js";
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
  /* "Markers only": the page writes it beside the originals switch, so that nothing moves
     when the script arrives; a page written before it had one gets it from here. */
  let box = document.getElementById(ID_MARKERS_SWITCH);
  if (!(box instanceof HTMLInputElement)) {
    const place = originals.closest("label");
    if (!place || !place.parentNode) return;
    const label = document.createElement("label");
    label.className = "ed-switch";
    const made = document.createElement("input");
    made.type = "checkbox";
    made.id = ID_MARKERS_SWITCH;
    label.append(made, " Markers only (no underlines)");
    box = made;
    place.after(" ", label);
  }
  const markers = /** @type {HTMLInputElement} */ (box);
  markers.checked = root.classList.contains(OWN_MARKERS_ONLY);
  markers.addEventListener("change", function () {
    remember(STORED_MARKERS_ONLY, markers.checked ? "1" : "0");
    applyMarkersOnly();
  });
  /* Another tab changed a setting: follow it. */
  window.addEventListener("storage", function (event) {
    if (event.key === STORED_MARKERS_ONLY) {
      applyMarkersOnly();
      markers.checked = root.classList.contains(OWN_MARKERS_ONLY);
    }
  });
}
