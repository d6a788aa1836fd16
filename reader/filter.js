/* The Notes page's filter by kind and verdict, kept in the address (the full list works
   without it). */
import { CLASS_FILTER, CLASS_NOTE_ITEM, CLASS_NOTE_LIST, OWN_FILTER_READY } from "./names.js";

const FIELDS = ["kind", "verdict"];

export function setUpNoteFilter() {
  const form = document.querySelector("form." + CLASS_FILTER);
  if (!(form instanceof HTMLFormElement)) return;
  /** @param {string} name */
  const field = function (name) {
    return /** @type {HTMLSelectElement} */ (form.elements.namedItem(name));
  };
  const count = /** @type {HTMLOutputElement} */ (form.elements.namedItem("count"));
  /** @type {NodeListOf<HTMLElement>} */
  const items = document.querySelectorAll("." + CLASS_NOTE_ITEM);
  /* The filter lives in the address (?kind=...&verdict=...), to be shared and kept. */
  const query = new URLSearchParams(location.search);
  FIELDS.forEach(function (name) {
    const wanted = query.get(name);
    const select = field(name);
    if (wanted && Array.from(select.options).some(function (o) { return o.value === wanted; })) {
      select.value = wanted;
    }
  });
  const empty = document.createElement("p");
  empty.className = "ed-filter-empty";
  empty.setAttribute("role", "status");
  empty.hidden = true;
  empty.innerHTML = 'No note has this kind and verdict. <button type="button">Show all notes</button>';
  form.insertAdjacentElement("afterend", empty);
  const apply = function () {
    const kind = field("kind").value;
    const verdict = field("verdict").value;
    let shown = 0;
    items.forEach(function (item) {
      const match = (!kind || item.dataset.kind === kind) && (!verdict || item.dataset.verdict === verdict);
      item.hidden = !match;
      if (match) shown += 1;
    });
    document.querySelectorAll("." + CLASS_NOTE_LIST).forEach(function (list) {
      const none = !list.querySelector("." + CLASS_NOTE_ITEM + ":not([hidden])");
      /** @type {HTMLElement} */ (list).hidden = none;
      const heading = list.previousElementSibling;
      if (heading instanceof HTMLElement && heading.tagName === "H2") heading.hidden = none;
    });
    count.value = shown + " of " + items.length + " notes shown";
    empty.hidden = shown > 0;
    const params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      const value = field(name).value;
      if (value) params.set(name, value);
      else params.delete(name);
    });
    const search = params.toString();
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
  };
  /** @type {HTMLButtonElement} */ (empty.querySelector("button")).addEventListener("click", function () {
    field("kind").value = "";
    field("verdict").value = "";
    apply();
    field("kind").focus();
  });
  form.classList.add(OWN_FILTER_READY);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
}
