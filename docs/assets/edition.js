/* The edition's only script: enhancements on top of a page that works without it.
   0. The notes' full text: the essay carries each note's verdict and headline; the text
      is fetched once the page has loaded and put in place, for tooltips and sidenotes.
   1. Sidenotes: on wide screens (the margin is reserved by edition.css from the first
      paint) each note sits beside its marker's line, compact (verdict and headline)
      until clicked. The sheet: notes, terms and corrections opened in place.
   2. The Notes page's filter by kind and verdict, kept in the address (the full list
      works without it).
   3. "Copy" buttons for the links to paragraphs, notes and term pages (the links are there
      anyway) and for citations, added once the page has loaded.
   4. Fragment redirects: an old #address that moved is sent to its new place.
   5. "Suggest a note" links: the new-file form gets the note's front matter filled in.
   6. Tooltips, mounted when first wanted (see setUpTooltips). */
(function () {
  "use strict";

  /* As edition.css: where the theme shows its sidebar, the measure and the margin fit. */
  var WIDE = window.matchMedia("(min-width: 76.25em)");
  /* Material Design Icons "link", as the theme ships it (.icons/material): the smallest. */
  var LINK_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0-5 5 5 5 0 0 0 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 5-5 5 5 0 0 0-5-5"/></svg>';


  /* Each sidenote starts beside its marker's line; when it would overlap the one above,
     it moves down only as far as it must. */
  function placeSidenotes(article, notes) {
    var top = article.getBoundingClientRect().top;
    var nextFree = 0;
    notes.forEach(function (pair) {
      var wanted = pair.ref.getBoundingClientRect().top - top;
      var y = Math.max(wanted, nextFree);
      pair.aside.style.top = y + "px";
      nextFree = y + pair.aside.offsetHeight + 4;
    });
  }

  /* Compact: number, verdict and headline; a click opens the full text in place. */
  function fillSidenote(pair) {
    var aside = pair.aside;
    aside.innerHTML = pair.source.innerHTML;
    aside.querySelectorAll(".footnote-backref, .ed-copy").forEach(function (a) { a.remove(); });
    aside.querySelectorAll("a, [tabindex]").forEach(function (a) { a.setAttribute("tabindex", "-1"); });
    var number = document.createElement("span");
    number.className = "ed-sidenote-number";
    number.textContent = pair.number;
    var head = aside.querySelector("p");
    if (head) head.insertBefore(number, head.firstChild);
  }

  function buildSidenotes(article, refs) {
    var notes = [];
    refs.forEach(function (sup) {
      var link = sup.querySelector("a");
      var source = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!source) return;
      var aside = document.createElement("aside");
      aside.className = "ed-sidenote";
      /* The marker, its popup and the list say it all to a screen reader: this is a copy. */
      aside.setAttribute("aria-hidden", "true");
      var pair = { ref: sup, aside: aside, source: source, number: link.getAttribute("data-n") || link.textContent };
      fillSidenote(pair);
      article.appendChild(aside);
      notes.push(pair);
    });
    return notes;
  }

  /* The margin is reserved by the stylesheet from the first paint (a media query); the
     script only fills it, so nothing on the page moves. */
  function setUpSidenotes() {
    var article = document.querySelector("article.md-content__inner");
    var refs = article ? article.querySelectorAll(".ed-para sup[id^='fnref']") : [];
    if (!refs.length) return;
    var notes = null; // built the first time the screen is wide: phones never pay for them
    var update = function () {
      if (!WIDE.matches) return;
      notes = notes || buildSidenotes(article, refs);
      placeSidenotes(article, notes);
    };
    WIDE.addEventListener("change", update);
    new ResizeObserver(update).observe(article);
    update();
    article.addEventListener("click", function (event) {
      var aside = event.target.closest && event.target.closest(".ed-sidenote");
      if (!aside || (event.target.closest("a") && aside.classList.contains("ed-open"))) return;
      event.preventDefault();
      aside.classList.toggle("ed-open");
      placeSidenotes(article, notes);
    });
    document.addEventListener("ed:notes-filled", function () {
      if (notes) notes.forEach(fillSidenote);
      if (notes && WIDE.matches) placeSidenotes(article, notes);
    });
  }

  /* Notes, terms and corrections in place: a sheet (a modal <dialog>: focus held inside,
     Escape, a backdrop) at the foot of the screen. A note marker opens it on any screen
     (without JavaScript it is a link to the note); a glossary link opens it on a tap,
     where no tooltip can show (with a link to the term's page);
     a correction opens it on a tap, click or Enter. The page never scrolls. */
  var HOVERLESS = window.matchMedia("(hover: none)");

  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  }

  function sheetNoteBody(note) {
    var body = document.createElement("div");
    body.innerHTML = note.innerHTML;
    body.querySelectorAll(".footnote-backref, .ed-copy").forEach(function (a) { a.remove(); });
    var link = body.querySelector(".ed-note-link");
    if (link) {
      link.textContent = "Read the note’s page";
      link.classList.add("ed-sheet-more");
    }
    var cited = {};
    var sources = [];
    body.querySelectorAll("a.ed-cite").forEach(function (a) {
      var href = a.getAttribute("href");
      if (cited[href]) return;
      cited[href] = true;
      sources.push('<a href="' + escapeHTML(href) + '">' + a.innerHTML + "</a>");
    });
    if (sources.length && link) {
      link.parentNode.insertAdjacentHTML("beforebegin",
        '<p class="ed-sheet-sources">Sources: ' + sources.join("; ") + "</p>");
    }
    return body.innerHTML;
  }

  function setUpSheet() {
    var markers = Array.prototype.slice.call(
      document.querySelectorAll(".ed-para sup[id^='fnref'] a"));
    var sheet = null;
    var opener = null;
    var shown = -1; // the note shown, as an index into markers; -1 for a term or correction

    var build = function () {
      sheet = document.createElement("dialog");
      sheet.className = "ed-sheet";
      sheet.setAttribute("aria-labelledby", "ed-sheet-title");
      sheet.innerHTML =
        '<div class="ed-sheet-bar">' +
        '<button type="button" class="ed-sheet-prev" aria-label="Previous note">‹</button>' +
        '<span class="ed-sheet-title" id="ed-sheet-title"></span>' +
        '<button type="button" class="ed-sheet-next" aria-label="Next note">›</button>' +
        '<button type="button" class="ed-sheet-close" aria-label="Close">✕</button>' +
        '</div><div class="ed-sheet-body md-typeset" tabindex="-1"></div>';
      document.body.appendChild(sheet);
      sheet.querySelector(".ed-sheet-close").addEventListener("click", function () { sheet.close(); });
      sheet.querySelector(".ed-sheet-prev").addEventListener("click", function () { showNote(shown - 1); });
      sheet.querySelector(".ed-sheet-next").addEventListener("click", function () { showNote(shown + 1); });
      /* A tap on the backdrop lands on the dialog itself, outside its box. */
      sheet.addEventListener("click", function (event) {
        if (event.target !== sheet) return;
        var box = sheet.getBoundingClientRect();
        var inside = event.clientX >= box.left && event.clientX <= box.right &&
          event.clientY >= box.top && event.clientY <= box.bottom;
        if (!inside) sheet.close();
      });
      sheet.addEventListener("close", function () {
        document.documentElement.classList.remove("ed-sheet-open");
        if (opener) opener.focus({ preventScroll: true });
        opener = null;
      });
    };

    var open = function (title, html, from) {
      if (!sheet) build();
      sheet.querySelector(".ed-sheet-title").textContent = title;
      var body = sheet.querySelector(".ed-sheet-body");
      body.innerHTML = html;
      body.scrollTop = 0;
      sheet.classList.toggle("ed-sheet-notes", shown >= 0);
      if (shown >= 0) {
        sheet.querySelector(".ed-sheet-prev").disabled = shown === 0;
        sheet.querySelector(".ed-sheet-next").disabled = shown === markers.length - 1;
      }
      var first = !sheet.open;
      if (first) {
        opener = from;
        document.documentElement.classList.add("ed-sheet-open");
        sheet.showModal();
      }
      /* Into the text first (a screen reader reads it); a step to the next note keeps
         the focus on its button, unless that is now disabled. */
      if (first || !sheet.contains(document.activeElement) || document.activeElement.disabled) {
        body.focus({ preventScroll: true });
      }
    };

    var showNote = function (index) {
      if (index < 0 || index >= markers.length) return;
      var note = document.getElementById(markers[index].getAttribute("href").slice(1));
      if (!note) return;
      shown = index;
      open("Note " + markers[index].getAttribute("data-n") + " of " + markers.length, sheetNoteBody(note),
        markers[index]);
    };

    var showTerm = function (link) {
      shown = -1;
      var text = link.getAttribute("data-ed-title") || link.getAttribute("title") || "";
      var cut = text.indexOf(": ");
      open("Glossary", "<p><strong>" + escapeHTML(cut > 0 ? text.slice(0, cut) : link.textContent) +
        "</strong>" + escapeHTML(cut > 0 ? text.slice(cut) : "") + '</p><p><a class="ed-sheet-more" href="' +
        escapeHTML(link.getAttribute("href")) + '">Read the glossary entry</a></p>', link);
    };

    var showCorrection = function (span) {
      shown = -1;
      var words = function (tag) {
        /* The original reading sits in del's data-original, out of the text flow. */
        var el = span.querySelector(tag);
        var text = el ? (el.getAttribute("data-original") || el.textContent).trim() : "";
        return text ? "“" + escapeHTML(text) + "”" : "(removed)";
      };
      var toggle = document.getElementById("ed-show-originals");
      open("Correction", "<p><strong>Reading text:</strong> " + words("ins") +
        "</p><p><strong>Original reading:</strong> " + words("del") + "</p>" + (toggle ?
        '<p><label class="ed-switch"><input type="checkbox" data-ed-mirror="ed-show-originals"' +
        (toggle.checked ? " checked" : "") + "> Show all original readings inline</label></p>" : ""), span);
    };

    /* A tap whose press and release land on different elements (the theme mounts a
       tooltip between them) is a click on their common ancestor: what was pressed counts. */
    var pressed = null;
    document.addEventListener("pointerdown", function (event) { pressed = event.target; }, true);
    /* Capturing: the sheet answers before the theme's own handlers (its tooltips). */
    document.addEventListener("click", function (event) {
      if (event.button !== 0 ||
          event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      var target = pressed && pressed !== event.target && event.target.contains(pressed) ?
        pressed : event.target;
      pressed = null;
      if (!target.closest) target = target.parentElement;
      if (!target || (sheet && sheet.contains(target))) return;
      var marker = target.closest(".ed-para sup[id^='fnref'] a");
      /* With a mouse a term's link leads to its page (the tooltip had the definition). */
      var touch = event.pointerType === "touch" || HOVERLESS.matches;
      if (marker) {
        event.preventDefault();
        event.stopPropagation();
        showNote(markers.indexOf(marker));
      } else if (touch && target.closest(".ed-para a.ed-term")) {
        event.preventDefault();
        event.stopPropagation();
        showTerm(target.closest("a.ed-term"));
      } else if (target.closest(".ed-para .ed-corr")) {
        showCorrection(target.closest(".ed-corr"));
      }
    }, true);
    document.addEventListener("keydown", function (event) {
      var span = event.target.closest && event.target.closest(".ed-corr");
      if (span && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        showCorrection(span);
      }
    });
    document.addEventListener("change", function (event) {
      var id = event.target.getAttribute("data-ed-mirror");
      var original = id && document.getElementById(id);
      if (!original) return;
      original.checked = event.target.checked;
      original.dispatchEvent(new Event("change", { bubbles: true }));
    });
    document.addEventListener("ed:notes-filled", function () {
      if (sheet && sheet.open && shown >= 0) showNote(shown);
    });
  }

  /* The originals switch, remembered across pages and visits. */
  function setUpOriginalsSwitch() {
    var toggle = document.getElementById("ed-show-originals");
    if (!toggle) return;
    try {
      toggle.checked = localStorage.getItem("ed-show-originals") === "1";
      toggle.addEventListener("change", function () {
        localStorage.setItem("ed-show-originals", toggle.checked ? "1" : "0");
      });
    } catch (error) { /* storage refused (private mode): the switch still works */ }
  }

  function loadNoteTexts() {
    /* Only the compiler's Notes heading names the file, and only a file of this site is read. */
    var heading = document.querySelector("h2#notes[data-ed-texts]");
    var file = heading && heading.getAttribute("data-ed-texts");
    if (!file || !/^[\w-]+(\.[\w-]+)*$/.test(file)) return;
    fetch(file, { mode: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.url);
        return response.json();
      })
      .then(function (texts) {
        var works = texts["@works-cited"];
        var list = document.querySelector(".footnote");
        if (works && list) {
          list.insertAdjacentHTML("afterend", '<div class="ed-works-cited">' + works + "</div>");
        }
        /* Each glossary link's "Term: definition", by its address: the tooltip and the
           touch sheet show it, and a screen reader reads it as the link's description. */
        var terms = texts["@terms"] || {};
        document.querySelectorAll("a.ed-term").forEach(function (link) {
          var text = terms[link.getAttribute("href")];
          if (!text) return;
          link.setAttribute("data-ed-title", text);
          if (!link.hasAttribute("aria-describedby")) link.setAttribute("title", text);
        });
        Object.keys(texts).forEach(function (id) {
          if (id.charAt(0) === "@") return;
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
    /* The filter lives in the address (?kind=...&verdict=...), to be shared and kept. */
    var query = new URLSearchParams(location.search);
    ["kind", "verdict"].forEach(function (name) {
      var wanted = query.get(name);
      var field = form.elements[name];
      if (wanted && Array.prototype.some.call(field.options, function (o) { return o.value === wanted; })) {
        field.value = wanted;
      }
    });
    var empty = document.createElement("p");
    empty.className = "ed-filter-empty";
    empty.setAttribute("role", "status");
    empty.hidden = true;
    empty.innerHTML = 'No note has this kind and verdict. <button type="button">Show all notes</button>';
    form.insertAdjacentElement("afterend", empty);
    empty.querySelector("button").addEventListener("click", function () {
      form.elements.kind.value = "";
      form.elements.verdict.value = "";
      apply();
      form.elements.kind.focus();
    });
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
      empty.hidden = shown > 0;
      var params = new URLSearchParams(location.search);
      ["kind", "verdict"].forEach(function (name) {
        if (form.elements[name].value) params.set(name, form.elements[name].value);
        else params.delete(name);
      });
      var search = params.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
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
      var done = function () {
        announce(what + " copied: " + value);
        /* Seen as well as heard: "Copied" beside the button for a moment. */
        button.setAttribute("data-ed-done", "Copied");
        window.setTimeout(function () { button.removeAttribute("data-ed-done"); }, 2000);
      };
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
      /* The page's permanent address, not the one it was reached by (a redirect, a query). */
      var canonical = document.querySelector("link[rel=canonical]");
      var base = canonical ? canonical.href : location.href.split("#")[0];
      return base.split("#")[0] + (fragment ? "#" + fragment : "");
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
      button.innerHTML = '<span class="ed-copy-icon"></span>'; /* the theme's own */
      block.appendChild(button);
    });
  }

  /* A new note's file, as CONTRIBUTING.md describes it; the build checks what comes back. */
  var OPENING_WORDS = 8;

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
      var link = event.target.closest && event.target.closest("a.ed-suggest:not([data-filled])");
      if (!link) return;
      var paragraph = link.closest(".ed-para");
      /* The paragraph's text is exactly the reading text (markers and numbers are drawn
         by the stylesheet), so its opening words are what the note's quote must match. */
      var exact = paragraph.textContent.trim().split(/\s+/).slice(0, OPENING_WORDS).join(" ");
      link.href += "&value=" + encodeURIComponent(noteTemplate(paragraph.id.slice(1), exact));
      link.setAttribute("data-filled", "");
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
      window.clearTimeout(leaving);
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
    /* WCAG 1.4.13, hoverable: the pointer may cross the gap into the tooltip and stay. */
    var leaving = 0;
    document.addEventListener("pointerout", function (event) {
      if (!host) return;
      var from = hostOf(event) === host || (tip && tip.contains(event.target));
      var to = event.relatedTarget;
      if (!from || (to && (host.contains(to) || tip.contains(to)))) return;
      window.clearTimeout(leaving);
      leaving = window.setTimeout(hide, 300);
    });
    document.addEventListener("pointerover", function (event) {
      if (host && (host.contains(event.target) || tip.contains(event.target))) {
        window.clearTimeout(leaving);
      }
    });
    document.addEventListener("focusin", function (event) {
      var el = hostOf(event);
      if (el) show(el);
      else hide();
    });
    document.addEventListener("focusout", function (event) {
      if (hostOf(event) === host) hide();
    });
    /* WCAG 1.4.13: any tooltip, ours or the theme's (footnotes), is dismissed by Escape
       without moving the pointer or the focus; it stays so until another host is pointed
       at or focused. The theme's tooltips have no such key, so a class hides them. */
    var root = document.documentElement;
    var HOSTS = "a, abbr, button, [tabindex], [data-ed-title]";
    var dismissed = null; // { pointed, focused }: the hosts whose tooltips Escape closed
    var pointed = null;
    var revive = function () {
      dismissed = null;
      root.classList.remove("ed-tips-dismissed");
    };
    document.addEventListener("pointerover", function (event) {
      var over = event.target.closest ? event.target.closest(HOSTS) : null;
      pointed = over;
      if (!dismissed || event.target.closest(".md-tooltip2, .md-tooltip")) return;
      if (!over) dismissed.pointed = null; /* left it: pointing at it again shows it */
      else if (over !== dismissed.pointed) revive();
    });
    document.addEventListener("focusin", function (event) {
      if (dismissed && event.target !== dismissed.focused) revive();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      hide();
      dismissed = { pointed: pointed, focused: document.activeElement };
      root.classList.add("ed-tips-dismissed");
    });
    window.addEventListener("resize", hide);
  }

  function followFragmentRedirects() {
    var data = document.querySelector("script#ed-redirects[type='application/json']");
    if (!data) return;
    var moved = JSON.parse(data.textContent);
    var go = function () {
      var id = decodeURIComponent(location.hash.slice(1));
      if (!id || typeof moved[id] !== "string" || document.getElementById(id)) return;
      var to = new URL(moved[id], location.href); /* only an address of this site */
      if (/^https?:$/.test(to.protocol) && to.origin === location.origin) location.replace(to.href);
    };
    window.addEventListener("hashchange", go);
    go();
  }

  setUpTooltips();
  followFragmentRedirects();
  setUpSidenotes();
  setUpSheet();
  setUpOriginalsSwitch();
  setUpNoteFilter();
  setUpSuggestLinks();
  var afterLoad = function () {
    setUpCopyLinks();
    loadNoteTexts();
  };
  if (document.readyState === "complete") afterLoad();
  else window.addEventListener("load", afterLoad);
})();
