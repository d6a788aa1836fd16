/* The edition's only script: enhancements on top of a page that works without it.
   1. Sidenotes: on wide screens the essay's notes also sit in the margin beside
      their paragraph, stacked so that they never overlap; each shows its verdict,
      headline and opening lines (the marker's tooltip and the list have it all).
   2. The Notes page's filter by kind and verdict (the full list works without it).
   3. "Copy link" buttons for paragraphs, notes and term pages (the links are there anyway).
   4. Fragment redirects: an old #address that moved is sent to its new place. */
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 1400px)");
  /* Material Design Icons "link-variant", as the theme ships it (.icons/material). */
  var LINK_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42"/></svg>';

  function placeSidenotes(article, notes) {
    var top = article.getBoundingClientRect().top;
    var nextFree = 0;
    notes.forEach(function (pair) {
      var wanted = pair.ref.getBoundingClientRect().top - top;
      var y = Math.max(wanted, nextFree);
      pair.aside.style.top = y + "px";
      nextFree = y + pair.aside.offsetHeight + 12;
    });
  }

  function buildSidenotes(article, refs) {
    var notes = [];
    refs.forEach(function (sup) {
      var link = sup.querySelector("a");
      var source = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!source) return;
      var aside = document.createElement("aside");
      aside.className = "ed-sidenote";
      aside.setAttribute("aria-hidden", "true");
      aside.innerHTML = source.innerHTML;
      aside.querySelectorAll(".footnote-backref, .ed-note-link, .ed-copy").forEach(function (a) { a.remove(); });
      aside.querySelectorAll("a, [tabindex]").forEach(function (a) { a.setAttribute("tabindex", "-1"); });
      var number = document.createElement("span");
      number.className = "ed-sidenote-number";
      number.textContent = link.textContent;
      aside.insertBefore(number, aside.firstChild);
      article.appendChild(aside);
      notes.push({ ref: sup, aside: aside });
    });
    return notes;
  }

  function setUpSidenotes() {
    var article = document.querySelector("article.md-content__inner");
    var refs = article ? article.querySelectorAll(".ed-para sup[id^='fnref']") : [];
    if (!refs.length) return;
    var notes = null; // built the first time the screen is wide: phones never pay for them
    var update = function () {
      document.body.classList.toggle("ed-sidenotes", WIDE.matches);
      if (!WIDE.matches) return;
      notes = notes || buildSidenotes(article, refs);
      placeSidenotes(article, notes);
    };
    WIDE.addEventListener("change", update);
    new ResizeObserver(update).observe(article);
    update();
  }

  function setUpNoteFilter() {
    var form = document.querySelector("form.ed-filter");
    if (!form) return;
    var items = document.querySelectorAll(".ed-note-item");
    var apply = function () {
      var kind = form.elements.kind.value;
      var verdict = form.elements.verdict.value;
      var shown = 0;
      items.forEach(function (item) {
        var match = (!kind || item.dataset.kind === kind) && (!verdict || item.dataset.verdict === verdict);
        item.hidden = !match;
        if (match) shown += 1;
      });
      document.querySelectorAll(".ed-note-list").forEach(function (list) {
        var empty = !list.querySelector(".ed-note-item:not([hidden])");
        list.hidden = empty;
        var heading = list.previousElementSibling;
        if (heading && heading.tagName === "H2") heading.hidden = empty;
      });
      form.elements.count.value = shown + " of " + items.length + " notes shown";
    };
    form.classList.add("ed-ready");
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function announce(text) {
    var status = document.getElementById("ed-copy-status");
    if (!status) {
      status = document.createElement("div");
      status.id = "ed-copy-status";
      status.className = "ed-copy-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copyButton(label, fragment) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ed-copy";
    button.setAttribute("aria-label", label);
    button.title = label;
    button.innerHTML = LINK_ICON;
    button.addEventListener("click", function () {
      var url = location.href.split("#")[0] + (fragment ? "#" + fragment : "");
      var done = function () { announce("Link copied: " + url); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, function () { announce("Copy failed: " + url); });
      } else {
        var field = document.createElement("textarea");
        field.value = url;
        document.body.appendChild(field);
        field.select();
        document.execCommand("copy");
        field.remove();
        done();
      }
    });
    return button;
  }

  function setUpCopyLinks() {
    document.querySelectorAll(".ed-para").forEach(function (paragraph) {
      var tools = paragraph.querySelector(".ed-para-tools");
      var number = paragraph.id.slice(1);
      if (tools) tools.appendChild(copyButton("Copy link to paragraph " + number, paragraph.id));
    });
    document.querySelectorAll(".footnote li[id^='fn:']").forEach(function (note) {
      var index = Array.prototype.indexOf.call(note.parentNode.children, note) + 1;
      note.appendChild(copyButton("Copy link to note " + index, note.id));
    });
    var heading = document.querySelector("article h1");
    if (heading && document.querySelector(".ed-context, .ed-short")) {
      heading.appendChild(copyButton("Copy link to this page", ""));
    }
  }

  function followFragmentRedirects() {
    var data = document.getElementById("ed-redirects");
    if (!data) return;
    var moved = JSON.parse(data.textContent);
    var go = function () {
      var id = decodeURIComponent(location.hash.slice(1));
      if (id && moved[id] && !document.getElementById(id)) location.replace(moved[id]);
    };
    window.addEventListener("hashchange", go);
    go();
  }

  followFragmentRedirects();
  setUpSidenotes();
  setUpNoteFilter();
  setUpCopyLinks();
})();
