/* The edition's only script: enhancements on top of a page that works without it.
   0. The notes' full text: the essay carries each note's verdict and headline; the text
      is fetched once the page has loaded and put in place, for tooltips and sidenotes.
   1. Sidenotes: on wide screens the essay's notes also sit in the margin beside
      their paragraph, stacked so that they never overlap; each shows its verdict,
      headline and opening lines (the marker's tooltip and the list have it all).
   2. The Notes page's filter by kind and verdict (the full list works without it).
   3. "Copy" buttons for the links to paragraphs, notes and term pages (the links are there
      anyway) and for citations, added once the page has loaded.
   4. Fragment redirects: an old #address that moved is sent to its new place.
   5. "Suggest a note" links: the new-file form gets the note's front matter filled in.
   6. Tooltips, mounted when first wanted (see setUpTooltips). */
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 1400px)");
  /* Material Design Icons "link-variant", as the theme ships it (.icons/material). */
  var LINK_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42"/></svg>';

  /* Material Design Icons "content-copy", as the theme ships it (.icons/material). */
  var COPY_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12z"/></svg>';

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

  function fillSidenote(pair) {
    var aside = pair.aside;
    aside.innerHTML = pair.source.innerHTML;
    aside.querySelectorAll(".footnote-backref, .ed-note-link, .ed-copy").forEach(function (a) { a.remove(); });
    aside.querySelectorAll("a, [tabindex]").forEach(function (a) { a.setAttribute("tabindex", "-1"); });
    var number = document.createElement("span");
    number.className = "ed-sidenote-number";
    number.textContent = pair.number;
    aside.insertBefore(number, aside.firstChild);
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
      var pair = { ref: sup, aside: aside, source: source, number: link.getAttribute("data-n") || link.textContent };
      fillSidenote(pair);
      article.appendChild(aside);
      notes.push(pair);
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
    document.addEventListener("ed:notes-filled", function () {
      if (notes) notes.forEach(fillSidenote);
      if (notes && WIDE.matches) placeSidenotes(article, notes);
    });
  }

  function loadNoteTexts() {
    var heading = document.querySelector("[data-ed-texts]");
    if (!heading) return;
    fetch(heading.getAttribute("data-ed-texts"))
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.url);
        return response.json();
      })
      .then(function (texts) {
        Object.keys(texts).forEach(function (id) {
          var note = document.getElementById("fn:" + id);
          var link = note && note.querySelector(".ed-note-link");
          if (!link || note.classList.contains("ed-note-full")) return;
          link.parentNode.insertAdjacentHTML("beforebegin", texts[id]);
          link.textContent = "Note page and permanent link";
          note.classList.add("ed-note-full");
        });
        document.dispatchEvent(new CustomEvent("ed:notes-filled"));
      })
      .catch(function (error) {
        /* The headlines and their links to each note stay; say why the text is missing. */
        console.warn("Notes' full text not loaded:", error);
      });
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

  function copyButton(label, text, what) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ed-copy";
    button.setAttribute("aria-label", label);
    button.innerHTML = LINK_ICON;
    button.addEventListener("click", function () {
      var value = text();
      var done = function () { announce(what + " copied: " + value); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(value).then(done, function () { announce("Copy failed: " + value); });
      } else {
        var field = document.createElement("textarea");
        field.value = value;
        document.body.appendChild(field);
        field.select();
        document.execCommand("copy");
        field.remove();
        done();
      }
    });
    return button;
  }

  function linkButton(label, fragment) {
    return copyButton(label, function () {
      return location.href.split("#")[0] + (fragment ? "#" + fragment : "");
    }, "Link");
  }

  function setUpCopyLinks() {
    document.querySelectorAll(".ed-para").forEach(function (paragraph) {
      var tools = paragraph.querySelector(".ed-para-tools");
      var number = paragraph.id.slice(1);
      if (tools) tools.appendChild(linkButton("Copy link to paragraph " + number, paragraph.id));
    });
    document.querySelectorAll(".footnote li[id^='fn:']").forEach(function (note) {
      var index = Array.prototype.indexOf.call(note.parentNode.children, note) + 1;
      note.appendChild(linkButton("Copy link to note " + index, note.id));
    });
    var heading = document.querySelector("article h1");
    if (heading && document.querySelector(".ed-context, .ed-short")) {
      heading.appendChild(linkButton("Copy link to this page", ""));
    }
    document.querySelectorAll("pre.ed-citation").forEach(function (block) {
      var text = block.textContent;
      var button = copyButton("Copy citation as " + block.dataset.edFormat, function () { return text; }, "Citation");
      button.innerHTML = COPY_ICON;
      block.appendChild(button);
    });
  }

  /* A new note's file, as CONTRIBUTING.md describes it; the build checks what comes back. */
  function noteTemplate(number, exact) {
    return [
      "---",
      "id: note-on-paragraph-" + number,
      'title: "A short headline"',
      "target:",
      '  exact: "' + exact.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"',
      "kind: context",
      "sources: []",
      "---",
      "Your note, citing confirmed sources as [@key]. See CONTRIBUTING.md.",
      ""
    ].join("\n");
  }

  /* Filled in when a link is about to be used (pointer or focus), so that clicking,
     opening in a new tab and copying the link address all get the whole form. */
  function setUpSuggestLinks() {
    var fill = function (event) {
      var link = event.target.closest && event.target.closest("a.ed-suggest[data-exact]");
      if (!link) return;
      var number = link.closest(".ed-para").id.slice(1);
      link.href += "&value=" + encodeURIComponent(noteTemplate(number, link.dataset.exact));
      link.removeAttribute("data-exact");
    };
    document.addEventListener("pointerover", fill);
    document.addEventListener("focusin", fill);
  }

  /* The theme mounts a tooltip for every title in the content as the page starts: on the
     essay, about a hundred (terms, corrections, permalinks), which made its start-up the
     slowest part of the page. This script runs before the theme mounts anything, so it
     hides those titles from it, hands them back once it has looked (screen readers read
     a title as the description), and builds the theme's own tooltip (its markup, classes
     and positioning, one element for all) when a reader points at or focuses a host.
     The paragraph and note tools show their aria-label the same way.
     Without JavaScript the titles stay where they are and the browser shows them. */
  var TIP_HOSTS = "[data-ed-title], .ed-suggest, .ed-copy";

  /* A title goes back unless it became the host's name (an icon or a sign). */
  function restoreTitle(el) {
    var title = el.getAttribute("data-ed-title");
    if (title && el.getAttribute("aria-label") !== title) el.setAttribute("title", title);
  }

  function setUpTooltips() {
    document.querySelectorAll(".md-content [title]").forEach(function (el) {
      var title = el.getAttribute("title");
      /* An icon or a sign (the edit button, "¶", "↩") was named by its title alone. */
      if (!el.hasAttribute("aria-label") && el.matches("a, button") && !/[A-Za-z0-9]/.test(el.textContent)) {
        el.setAttribute("aria-label", title);
      }
      el.setAttribute("data-ed-title", title);
      el.removeAttribute("title");
    });
    var tip = null;
    var host = null;
    /* The theme's start-up listener was added first, so it has run by now. */
    document.addEventListener("DOMContentLoaded", function () {
      document.querySelectorAll(".md-content [data-ed-title]").forEach(function (el) {
        if (el !== host) restoreTitle(el);
      });
    });
    var hide = function () {
      if (!host) return;
      host.removeAttribute("aria-describedby");
      restoreTitle(host);
      tip.classList.remove("md-tooltip2--active");
      host = null;
    };
    var show = function (el) {
      if (el === host) return;
      hide();
      if (!tip) {
        tip = document.createElement("div");
        tip.id = "ed-tooltip";
        tip.className = "md-tooltip2 md-tooltip2--bottom";
        tip.setAttribute("role", "tooltip");
        tip.innerHTML = '<div class="md-tooltip2__inner md-typeset"></div>';
        document.body.appendChild(tip);
      }
      var text = el.getAttribute("data-ed-title") || el.getAttribute("aria-label");
      el.removeAttribute("title"); /* or the browser shows its own tooltip as well */
      var inner = tip.firstChild;
      inner.textContent = text;
      /* As the theme places a title's tooltip: centred below its host, in page coordinates. */
      var box = el.getBoundingClientRect();
      var style = tip.style;
      style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
      style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
      style.setProperty("--md-tooltip-x", box.width / 2 + "px");
      style.setProperty("--md-tooltip-y", 8 + box.height + "px");
      style.setProperty("--md-tooltip-tail", "0px");
      style.setProperty("--md-tooltip-width", inner.offsetWidth + "px");
      /* A label read out twice helps no one: describe only what the name does not say. */
      if (text !== el.getAttribute("aria-label")) el.setAttribute("aria-describedby", tip.id);
      tip.classList.add("md-tooltip2--active");
      host = el;
    };
    var hostOf = function (event) {
      return event.target.closest ? event.target.closest(TIP_HOSTS) : null;
    };
    document.addEventListener("pointerover", function (event) {
      var el = hostOf(event);
      if (el) show(el);
    });
    document.addEventListener("pointerout", function (event) {
      if (host && hostOf(event) === host && !host.contains(event.relatedTarget)) hide();
    });
    document.addEventListener("focusin", function (event) {
      var el = hostOf(event);
      if (el) show(el);
      else hide();
    });
    document.addEventListener("focusout", function (event) {
      if (hostOf(event) === host) hide();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide(); /* WCAG 1.4.13: dismissible without moving */
    });
    window.addEventListener("resize", hide);
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

  setUpTooltips();
  followFragmentRedirects();
  setUpSidenotes();
  setUpNoteFilter();
  setUpSuggestLinks();
  var afterLoad = function () {
    setUpCopyLinks();
    loadNoteTexts();
  };
  if (document.readyState === "complete") afterLoad();
  else window.addEventListener("load", afterLoad);
})();
