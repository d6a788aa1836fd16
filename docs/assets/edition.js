/* Built from reader/*.js by `make reader` (esbuild): edit those, not this file. */
"use strict";
(() => {
  // reader/names.js
  var CLASS = {
    paragraph: "ed-para",
    paragraphTools: "ed-para-tools",
    term: "ed-term",
    correction: "ed-corr",
    noteLink: "ed-note-link",
    noteItem: "ed-note-item",
    noteList: "ed-note-list",
    cite: "ed-cite",
    citation: "ed-citation",
    suggest: "ed-suggest",
    filter: "ed-filter",
    context: "ed-context",
    short: "ed-short"
  };
  var OWN = {
    sidenote: "ed-sidenote",
    sidenoteNumber: "ed-sidenote-number",
    sidenotesOn: "ed-sidenotes-on",
    open: "ed-open",
    pointed: "ed-pointed",
    noteFull: "ed-note-full",
    sheet: "ed-sheet",
    sheetOpen: "ed-sheet-open",
    sheetQuote: "ed-sheet-quote",
    copy: "ed-copy",
    copyStatus: "ed-copy-status",
    worksCited: "ed-works-cited",
    tooltip: "ed-tooltip",
    tipsDismissed: "ed-tips-dismissed",
    filterReady: "ed-ready",
    markersOnly: "ed-markers-only",
    originalsShown: "ed-originals-shown"
  };
  var ID = {
    originalsSwitch: "ed-show-originals",
    redirects: "ed-redirects"
  };
  var SELECT = {
    /* A note marker in the essay's text: the footnote extension's reference, in a paragraph. */
    noteRef: ".ed-para sup[id^='fnref']",
    noteMarker: ".ed-para sup[id^='fnref'] a",
    noteTexts: "[data-ed-texts]",
    quote: "mark.ed-quote",
    footnotes: ".footnote",
    footnoteItem: ".footnote li[id^='fn:']",
    footnoteTools: ".footnote-backref, .ed-copy",
    citationBlock: "pre.ed-citation",
    article: "article.md-content__inner"
  };
  var DATA = {
    texts: "data-ed-texts",
    number: "data-n",
    title: "data-ed-title",
    mirror: "data-ed-mirror",
    done: "data-ed-done",
    filled: "data-filled"
  };
  var TEXTS_KEY = { worksCited: "@works-cited", terms: "@terms" };
  var EVENT = { notesFilled: "ed:notes-filled" };
  var STORED = { originals: "ed-show-originals", markersOnly: "ed-markers-only" };

  // reader/dom.js
  var WIDE = window.matchMedia("(min-width: 76.25em)");
  var HOVERLESS = window.matchMedia("(hover: none)");
  function targetOf(event) {
    const target = event.target;
    if (target instanceof Element) return target;
    return target instanceof Node ? target.parentElement : null;
  }
  function closestTo(event, selector) {
    const target = targetOf(event);
    const found = target && target.closest(selector);
    return found instanceof HTMLElement ? found : null;
  }
  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function sameOrigin(address) {
    if (!address || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(address.trim())) return null;
    const url = new URL(address, document.baseURI);
    return url.origin === location.origin ? url : null;
  }
  function webAddress(address) {
    if (!address) return null;
    try {
      const url = new URL(address, document.baseURI);
      return url.protocol === "https:" || url.protocol === "http:" ? url : null;
    } catch (error) {
      return null;
    }
  }
  function recall(key) {
    try {
      return localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }
  function remember(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch (error) {
    }
  }
  function footnoteOf(marker) {
    const href = marker.getAttribute("href") || "";
    if (href.charAt(0) !== "#") return null;
    const note = document.getElementById(decodeURIComponent(href.slice(1)));
    return note && note.matches(".footnote li") ? note : null;
  }

  // reader/tooltips.js
  var TIP_HOSTS = "[" + DATA.title + "], ." + CLASS.suggest + ", ." + OWN.copy;
  var HOSTS = "a, abbr, button, [tabindex], [" + DATA.title + "]";
  function restoreTitle(el) {
    const title = el.getAttribute(DATA.title);
    if (title && el.getAttribute("aria-label") !== title) el.setAttribute("title", title);
  }
  function hostOf(event) {
    const target = targetOf(event);
    const host = target && target.closest(TIP_HOSTS);
    return host instanceof HTMLElement ? host : null;
  }
  function setUpTooltips() {
    document.querySelectorAll(".md-content [title]").forEach(function(el) {
      const title = el.getAttribute("title") || "";
      if (!el.hasAttribute("aria-label") && el.matches("a, button") && !/[A-Za-z0-9]/.test(el.textContent || "")) {
        el.setAttribute("aria-label", title);
      }
      el.setAttribute(DATA.title, title);
      el.removeAttribute("title");
    });
    let tip = null;
    let host = null;
    let leaving = 0;
    document.addEventListener("DOMContentLoaded", function() {
      document.querySelectorAll(".md-content [" + DATA.title + "]").forEach(function(el) {
        if (el !== host) restoreTitle(el);
      });
    });
    const hide = function() {
      if (!host || !tip) return;
      host.removeAttribute("aria-describedby");
      restoreTitle(host);
      tip.classList.remove("md-tooltip2--active");
      host = null;
    };
    const show = function(el) {
      window.clearTimeout(leaving);
      if (el === host) return;
      hide();
      if (!tip) {
        tip = document.createElement("div");
        tip.id = OWN.tooltip;
        tip.className = "md-tooltip2 md-tooltip2--bottom";
        tip.setAttribute("role", "tooltip");
        tip.innerHTML = '<div class="md-tooltip2__inner md-typeset"></div>';
        document.body.appendChild(tip);
      }
      const text = el.getAttribute(DATA.title) || el.getAttribute("aria-label") || "";
      el.removeAttribute("title");
      const inner = (
        /** @type {HTMLElement} */
        tip.firstChild
      );
      inner.textContent = text;
      const box = el.getBoundingClientRect();
      const style = tip.style;
      style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
      style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
      style.setProperty("--md-tooltip-x", box.width / 2 + "px");
      style.setProperty("--md-tooltip-y", 8 + box.height + "px");
      style.setProperty("--md-tooltip-tail", "0px");
      style.setProperty("--md-tooltip-width", inner.offsetWidth + "px");
      if (text !== el.getAttribute("aria-label")) el.setAttribute("aria-describedby", tip.id);
      tip.classList.add("md-tooltip2--active");
      host = el;
    };
    document.addEventListener("pointerover", function(event) {
      const el = hostOf(event);
      if (el) show(el);
    });
    document.addEventListener("pointerout", function(event) {
      if (!host || !tip) return;
      const target = targetOf(event);
      const from = hostOf(event) === host || target !== null && tip.contains(target);
      const to = event.relatedTarget;
      if (!from || to instanceof Node && (host.contains(to) || tip.contains(to))) return;
      window.clearTimeout(leaving);
      leaving = window.setTimeout(hide, 300);
    });
    document.addEventListener("pointerover", function(event) {
      const target = targetOf(event);
      if (host && tip && target && (host.contains(target) || tip.contains(target))) {
        window.clearTimeout(leaving);
      }
    });
    document.addEventListener("focusin", function(event) {
      const el = hostOf(event);
      if (el) show(el);
      else hide();
    });
    document.addEventListener("focusout", function(event) {
      if (hostOf(event) === host) hide();
    });
    const root2 = document.documentElement;
    let dismissed = null;
    let pointed = null;
    const revive = function() {
      dismissed = null;
      root2.classList.remove(OWN.tipsDismissed);
    };
    document.addEventListener("pointerover", function(event) {
      const target = targetOf(event);
      const over = target ? target.closest(HOSTS) : null;
      pointed = over;
      if (!dismissed || !target || target.closest(".md-tooltip2, .md-tooltip")) return;
      if (!over) dismissed.pointed = null;
      else if (over !== dismissed.pointed) revive();
    });
    document.addEventListener("focusin", function(event) {
      if (dismissed && event.target !== dismissed.focused) revive();
    });
    document.addEventListener("keydown", function(event) {
      if (event.key !== "Escape") return;
      hide();
      dismissed = { pointed, focused: document.activeElement };
      root2.classList.add(OWN.tipsDismissed);
    });
    window.addEventListener("resize", hide);
  }

  // reader/redirects.js
  function followFragmentRedirects() {
    const data = document.head.querySelector("script#" + ID.redirects + "[type='application/json']");
    if (!data) return;
    let moved;
    try {
      moved = JSON.parse(data.textContent || "{}");
    } catch (error) {
      console.warn("Moved addresses not read:", error);
      return;
    }
    if (!moved || typeof moved !== "object") return;
    const table = (
      /** @type {Record<string, unknown>} */
      moved
    );
    const go = function() {
      let id = "";
      try {
        id = decodeURIComponent(location.hash.slice(1));
      } catch (error) {
        return;
      }
      const to = Object.prototype.hasOwnProperty.call(table, id) ? table[id] : null;
      const url = typeof to === "string" ? webAddress(to) : null;
      if (id && url && !document.getElementById(id)) location.replace(url.href);
    };
    window.addEventListener("hashchange", go);
    go();
  }

  // reader/switches.js
  var root = document.documentElement;
  function applyMarkersOnly() {
    root.classList.toggle(OWN.markersOnly, recall(STORED.markersOnly) === "1");
  }
  function setUpSwitches() {
    applyMarkersOnly();
    const originals = document.getElementById(ID.originalsSwitch);
    if (!(originals instanceof HTMLInputElement)) return;
    const showOriginals = function() {
      root.classList.toggle(OWN.originalsShown, originals.checked);
    };
    originals.checked = recall(STORED.originals) === "1";
    showOriginals();
    originals.addEventListener("change", function() {
      remember(STORED.originals, originals.checked ? "1" : "0");
      showOriginals();
    });
    const label = document.createElement("label");
    label.className = "ed-switch";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = "ed-markers-only-switch";
    box.checked = root.classList.contains(OWN.markersOnly);
    label.append(box, " Markers only (no underlines)");
    const place2 = originals.closest("label");
    if (!place2 || !place2.parentNode) return;
    place2.after(" ", label);
    box.addEventListener("change", function() {
      remember(STORED.markersOnly, box.checked ? "1" : "0");
      applyMarkersOnly();
    });
    window.addEventListener("storage", function(event) {
      if (event.key === STORED.markersOnly) {
        applyMarkersOnly();
        box.checked = root.classList.contains(OWN.markersOnly);
      }
    });
  }

  // reader/sidenotes.js
  var GAP = 4;
  function place(article, notes) {
    const top = article.getBoundingClientRect().top;
    let nextFree = 0;
    notes.forEach(function(note) {
      if (!note.aside.classList.contains(OWN.open)) note.height = note.aside.offsetHeight;
      const wanted = note.marker.getBoundingClientRect().top - top;
      const y = Math.max(wanted, nextFree);
      note.aside.style.top = y + "px";
      nextFree = y + note.height + GAP;
    });
  }
  function fill(note) {
    const aside = note.aside;
    aside.replaceChildren(...Array.from(note.source.childNodes, function(node) {
      return node.cloneNode(true);
    }));
    aside.querySelectorAll(SELECT.footnoteTools).forEach(function(a) {
      a.remove();
    });
    aside.querySelectorAll("[id]").forEach(function(el) {
      el.removeAttribute("id");
    });
    aside.querySelectorAll("a, [tabindex]").forEach(function(a) {
      a.setAttribute("tabindex", "-1");
    });
    const number = document.createElement("span");
    number.className = OWN.sidenoteNumber;
    number.textContent = note.number;
    const head = aside.querySelector("p");
    if (head) head.insertBefore(number, head.firstChild);
  }
  function build(article, refs) {
    const notes = [];
    refs.forEach(function(sup) {
      const link = sup.querySelector("a");
      const source = link && footnoteOf(link);
      if (!link || !source) return;
      const aside = document.createElement("aside");
      aside.className = OWN.sidenote;
      aside.setAttribute("aria-hidden", "true");
      const note = { ref: sup, marker: link, aside, source, number: link.getAttribute(DATA.number) || link.textContent || "", height: 0 };
      fill(note);
      article.appendChild(aside);
      notes.push(note);
    });
    return notes;
  }
  function setUpSidenotes() {
    const article = document.querySelector(SELECT.article);
    if (!(article instanceof HTMLElement)) return;
    const refs = article.querySelectorAll(SELECT.noteRef);
    if (!refs.length) return;
    let notes = null;
    const root2 = document.documentElement;
    const update = function() {
      root2.classList.toggle(OWN.sidenotesOn, WIDE.matches);
      if (!WIDE.matches) return;
      notes = notes || build(article, refs);
      place(article, notes);
    };
    WIDE.addEventListener("change", update);
    new ResizeObserver(update).observe(article);
    update();
    const closeAll = function(keep) {
      article.querySelectorAll("." + OWN.sidenote + "." + OWN.open).forEach(function(aside) {
        if (aside !== keep) aside.classList.remove(OWN.open);
      });
    };
    article.addEventListener("click", function(event) {
      const aside = closestTo(event, "." + OWN.sidenote);
      if (!aside) {
        closeAll(null);
        return;
      }
      if (closestTo(event, "a") && aside.classList.contains(OWN.open)) return;
      event.preventDefault();
      closeAll(aside);
      aside.classList.toggle(OWN.open);
    });
    document.addEventListener("keydown", function(event) {
      if (event.key === "Escape") closeAll(null);
    });
    let pointed = null;
    article.addEventListener("pointerover", function(event) {
      const ref = closestTo(event, SELECT.noteRef);
      const note = ref && notes ? notes.find(function(n) {
        return n.ref === ref;
      }) : null;
      const aside = note ? note.aside : null;
      if (aside === pointed) return;
      if (pointed) pointed.classList.remove(OWN.pointed);
      pointed = aside;
      if (aside) aside.classList.add(OWN.pointed);
    });
    document.addEventListener(EVENT.notesFilled, function() {
      if (!notes) return;
      notes.forEach(fill);
      if (WIDE.matches) place(article, notes);
    });
  }

  // reader/note-texts.js
  var loaded = null;
  function termText(href) {
    const terms = loaded && loaded[TEXTS_KEY.terms];
    return terms && typeof terms === "object" ? terms[href] || "" : "";
  }
  function textsAddress() {
    const heading = document.querySelector("article " + SELECT.noteTexts);
    return heading ? sameOrigin(heading.getAttribute(DATA.texts)) : null;
  }
  function putInPlace(texts) {
    const works = texts[TEXTS_KEY.worksCited];
    const list = document.querySelector(SELECT.footnotes);
    if (typeof works === "string" && list) {
      list.insertAdjacentHTML("afterend", '<div class="' + OWN.worksCited + '">' + works + "</div>");
    }
    document.querySelectorAll("a." + CLASS.term).forEach(function(link) {
      const text = termText(link.getAttribute("href") || "");
      if (!text) return;
      link.setAttribute(DATA.title, text);
      if (!link.hasAttribute("aria-describedby")) link.setAttribute("title", text);
    });
    Object.keys(texts).forEach(function(id) {
      const html = texts[id];
      if (id.charAt(0) === "@" || typeof html !== "string") return;
      const note = document.getElementById("fn:" + id);
      if (!note || !note.matches(SELECT.footnoteItem)) return;
      const link = note.querySelector("." + CLASS.noteLink);
      if (!link || !link.parentNode || note.classList.contains(OWN.noteFull)) return;
      link.parentNode.insertAdjacentHTML("beforebegin", html);
      link.textContent = "Note page and permanent link";
      note.classList.add(OWN.noteFull);
    });
    document.dispatchEvent(new CustomEvent(EVENT.notesFilled));
  }
  function loadNoteTexts() {
    const address = textsAddress();
    if (!address) return;
    fetch(address.href, { credentials: "same-origin" }).then(function(response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    }).then(function(texts) {
      if (!texts || typeof texts !== "object") throw new Error("not a JSON object: " + address.href);
      loaded = texts;
      putInPlace(texts);
    }).catch(function(error) {
      console.warn("Notes' full text not loaded:", error);
    });
  }

  // reader/sheet.js
  function noteBody(note) {
    const body = document.createElement("div");
    note.childNodes.forEach(function(node) {
      body.appendChild(node.cloneNode(true));
    });
    body.querySelectorAll(SELECT.footnoteTools).forEach(function(a) {
      a.remove();
    });
    body.querySelectorAll("[id]").forEach(function(el) {
      el.removeAttribute("id");
    });
    const link = body.querySelector("." + CLASS.noteLink);
    if (link) {
      link.textContent = "Read the note’s page";
      link.classList.add("ed-sheet-more");
    }
    const cited = {};
    const sources = document.createElement("p");
    sources.className = "ed-sheet-sources";
    sources.textContent = "Sources: ";
    body.querySelectorAll("a." + CLASS.cite).forEach(function(a) {
      const href = a.getAttribute("href") || "";
      if (cited[href] || !webAddress(href)) return;
      cited[href] = true;
      if (sources.childNodes.length > 1) sources.append("; ");
      const copy = document.createElement("a");
      copy.setAttribute("href", href);
      copy.append(...Array.from(a.childNodes, function(n) {
        return n.cloneNode(true);
      }));
      sources.appendChild(copy);
    });
    if (sources.childNodes.length > 1 && link && link.parentNode) {
      link.parentNode.parentNode?.insertBefore(sources, link.parentNode);
    }
    const fragment = document.createDocumentFragment();
    fragment.append(...Array.from(body.childNodes));
    return fragment;
  }
  function quoteOf(marker) {
    const sup = marker.parentElement;
    const before = sup && sup.previousElementSibling;
    return before instanceof HTMLElement && before.matches(SELECT.quote) ? before : null;
  }
  function keepInView(marker, quote, sheet) {
    const header = document.querySelector(".md-header");
    const top = header ? header.getBoundingClientRect().bottom : 0;
    const bottom = sheet.getBoundingClientRect().top;
    const box = marker.getBoundingClientRect();
    const from = quote ? Math.min(quote.getBoundingClientRect().top, box.top) : box.top;
    const to = box.bottom;
    const room = bottom - top;
    if (from >= top + 8 && to <= bottom - 8) return;
    const shift = to - from + 16 <= room ? to - (bottom - 16) : box.top - (top + 16);
    const wanted = from - shift < top ? from - (top + 16) : shift;
    window.scrollBy({ top: wanted, behavior: "instant" });
  }
  function setUpSheet() {
    const markers = Array.from(document.querySelectorAll(SELECT.noteMarker));
    let sheet = null;
    let opener = null;
    let shown = -1;
    const build2 = function() {
      const dialog = document.createElement("dialog");
      dialog.className = OWN.sheet;
      dialog.setAttribute("aria-labelledby", "ed-sheet-title");
      dialog.innerHTML = '<div class="ed-sheet-bar"><button type="button" class="ed-sheet-prev" aria-label="Previous note">‹</button><span class="ed-sheet-title" id="ed-sheet-title"></span><button type="button" class="ed-sheet-next" aria-label="Next note">›</button><button type="button" class="ed-sheet-close" aria-label="Close">✕</button></div><div class="ed-sheet-body md-typeset" tabindex="-1"></div>';
      document.body.appendChild(dialog);
      button(dialog, ".ed-sheet-close").addEventListener("click", function() {
        dialog.close();
      });
      button(dialog, ".ed-sheet-prev").addEventListener("click", function() {
        showNote(shown - 1);
      });
      button(dialog, ".ed-sheet-next").addEventListener("click", function() {
        showNote(shown + 1);
      });
      dialog.addEventListener("click", function(event) {
        if (event.target !== dialog) return;
        const box = dialog.getBoundingClientRect();
        const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
        if (!inside) dialog.close();
      });
      dialog.addEventListener("close", function() {
        document.documentElement.classList.remove(OWN.sheetOpen);
        if (opener) opener.focus({ preventScroll: true });
        opener = null;
      });
      return dialog;
    };
    const open = function(title, content, from) {
      const dialog = sheet || (sheet = build2());
      const heading = dialog.querySelector(".ed-sheet-title");
      if (heading) heading.textContent = title;
      const body = (
        /** @type {HTMLElement} */
        dialog.querySelector(".ed-sheet-body")
      );
      body.replaceChildren(content);
      body.scrollTop = 0;
      dialog.classList.toggle("ed-sheet-notes", shown >= 0);
      if (shown >= 0) {
        button(dialog, ".ed-sheet-prev").disabled = shown === 0;
        button(dialog, ".ed-sheet-next").disabled = shown === markers.length - 1;
      }
      const first = !dialog.open;
      if (first) {
        opener = from;
        document.documentElement.classList.add(OWN.sheetOpen);
        dialog.showModal();
      }
      const active = document.activeElement;
      if (first || !dialog.contains(active) || active instanceof HTMLButtonElement && active.disabled) {
        body.focus({ preventScroll: true });
      }
      return dialog;
    };
    const showNote = function(index) {
      if (index < 0 || index >= markers.length) return;
      const marker = markers[index];
      const note = footnoteOf(marker);
      if (!note) return;
      shown = index;
      const content = document.createDocumentFragment();
      const quote = quoteOf(marker);
      if (quote) {
        const words = document.createElement("blockquote");
        words.className = OWN.sheetQuote;
        words.textContent = "“" + (quote.textContent || "").trim() + "”";
        content.appendChild(words);
      }
      content.appendChild(noteBody(note));
      const dialog = open("Note " + marker.getAttribute(DATA.number) + " of " + markers.length, content, marker);
      keepInView(marker, quote, dialog);
    };
    const showTerm = function(link) {
      shown = -1;
      const href = link.getAttribute("href") || "";
      const text = termText(href) || link.getAttribute(DATA.title) || link.getAttribute("title") || "";
      const cut = text.indexOf(": ");
      const content = document.createElement("div");
      content.innerHTML = "<p><strong>" + escapeHTML(cut > 0 ? text.slice(0, cut) : link.textContent || "") + "</strong>" + escapeHTML(cut > 0 ? text.slice(cut) : "") + "</p>";
      if (webAddress(href)) {
        content.insertAdjacentHTML("beforeend", '<p><a class="ed-sheet-more" href="' + escapeHTML(href) + '">Read the glossary entry</a></p>');
      }
      termShown = text ? null : link;
      open("Glossary", content, link);
    };
    let termShown = null;
    const showCorrection = function(span) {
      shown = -1;
      const words = function(tag) {
        const el = span.querySelector(tag);
        const text = el ? (el.getAttribute("data-original") || el.textContent || "").trim() : "";
        return text ? "“" + escapeHTML(text) + "”" : "(removed)";
      };
      const toggle = document.getElementById(ID.originalsSwitch);
      const checked = toggle instanceof HTMLInputElement && toggle.checked;
      const content = document.createElement("div");
      content.innerHTML = "<p><strong>Reading text:</strong> " + words("ins") + "</p><p><strong>Original reading:</strong> " + words("del") + "</p>" + (toggle ? '<p><label class="ed-switch"><input type="checkbox" ' + DATA.mirror + '="' + ID.originalsSwitch + '"' + (checked ? " checked" : "") + "> Show all original readings inline</label></p>" : "");
      open("Correction", content, span);
    };
    let pressed = null;
    document.addEventListener("pointerdown", function(event) {
      pressed = targetOf(event);
    }, true);
    document.addEventListener("click", function(event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const clicked = targetOf(event);
      const target = pressed && clicked && pressed !== clicked && clicked.contains(pressed) ? pressed : clicked;
      pressed = null;
      if (!target || sheet && sheet.contains(target)) return;
      const marker = target.closest(SELECT.noteMarker);
      const touch = event instanceof PointerEvent && event.pointerType === "touch" || HOVERLESS.matches;
      const term = target.closest(".ed-para a." + CLASS.term);
      const correction = target.closest(".ed-para ." + CLASS.correction);
      if (marker instanceof HTMLAnchorElement) {
        event.preventDefault();
        event.stopPropagation();
        showNote(markers.indexOf(marker));
      } else if (touch && term instanceof HTMLAnchorElement) {
        event.preventDefault();
        event.stopPropagation();
        showTerm(term);
      } else if (correction instanceof HTMLElement) {
        showCorrection(correction);
      }
    }, true);
    document.addEventListener("keydown", function(event) {
      const target = targetOf(event);
      const span = target && target.closest("." + CLASS.correction);
      if (span instanceof HTMLElement && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        showCorrection(span);
      }
    });
    document.addEventListener("change", function(event) {
      const target = targetOf(event);
      const id = target && target.getAttribute(DATA.mirror);
      const original = id === ID.originalsSwitch ? document.getElementById(id) : null;
      if (!(original instanceof HTMLInputElement) || !(target instanceof HTMLInputElement)) return;
      original.checked = target.checked;
      original.dispatchEvent(new Event("change", { bubbles: true }));
    });
    document.addEventListener(EVENT.notesFilled, function() {
      if (!sheet || !sheet.open) return;
      if (shown >= 0) showNote(shown);
      else if (termShown) showTerm(termShown);
    });
  }
  function button(dialog, selector) {
    return (
      /** @type {HTMLButtonElement} */
      dialog.querySelector(selector)
    );
  }

  // reader/filter.js
  var FIELDS = ["kind", "verdict"];
  function setUpNoteFilter() {
    const form = document.querySelector("form." + CLASS.filter);
    if (!(form instanceof HTMLFormElement)) return;
    const field = function(name) {
      return (
        /** @type {HTMLSelectElement} */
        form.elements.namedItem(name)
      );
    };
    const count = (
      /** @type {HTMLOutputElement} */
      form.elements.namedItem("count")
    );
    const items = document.querySelectorAll("." + CLASS.noteItem);
    const query = new URLSearchParams(location.search);
    FIELDS.forEach(function(name) {
      const wanted = query.get(name);
      const select = field(name);
      if (wanted && Array.from(select.options).some(function(o) {
        return o.value === wanted;
      })) {
        select.value = wanted;
      }
    });
    const empty = document.createElement("p");
    empty.className = "ed-filter-empty";
    empty.setAttribute("role", "status");
    empty.hidden = true;
    empty.innerHTML = 'No note has this kind and verdict. <button type="button">Show all notes</button>';
    form.insertAdjacentElement("afterend", empty);
    const apply = function() {
      const kind = field("kind").value;
      const verdict = field("verdict").value;
      let shown = 0;
      items.forEach(function(item) {
        const match = (!kind || item.dataset.kind === kind) && (!verdict || item.dataset.verdict === verdict);
        item.hidden = !match;
        if (match) shown += 1;
      });
      document.querySelectorAll("." + CLASS.noteList).forEach(function(list) {
        const none = !list.querySelector("." + CLASS.noteItem + ":not([hidden])");
        list.hidden = none;
        const heading = list.previousElementSibling;
        if (heading instanceof HTMLElement && heading.tagName === "H2") heading.hidden = none;
      });
      count.value = shown + " of " + items.length + " notes shown";
      empty.hidden = shown > 0;
      const params = new URLSearchParams(location.search);
      FIELDS.forEach(function(name) {
        const value = field(name).value;
        if (value) params.set(name, value);
        else params.delete(name);
      });
      const search = params.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    };
    empty.querySelector("button").addEventListener("click", function() {
      field("kind").value = "";
      field("verdict").value = "";
      apply();
      field("kind").focus();
    });
    form.classList.add(OWN.filterReady);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function(event) {
      event.preventDefault();
    });
    apply();
  }

  // reader/suggest.js
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
  function setUpSuggestLinks() {
    const fill2 = function(event) {
      const link = closestTo(event, "a." + CLASS.suggest + ":not([" + DATA.filled + "])");
      const paragraph = link && link.closest("." + CLASS.paragraph);
      if (!(link instanceof HTMLAnchorElement) || !paragraph || !webAddress(link.href)) return;
      const exact = (paragraph.textContent || "").trim().split(/\s+/).slice(0, OPENING_WORDS).join(" ");
      link.href += "&value=" + encodeURIComponent(noteTemplate(paragraph.id.slice(1), exact));
      link.setAttribute(DATA.filled, "");
    };
    document.addEventListener("pointerover", fill2);
    document.addEventListener("focusin", fill2);
  }

  // reader/copy.js
  var LINK_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0-5 5 5 5 0 0 0 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 5-5 5 5 0 0 0-5-5"/></svg>';
  function announce(text) {
    let status = document.getElementById(OWN.copyStatus);
    if (!status) {
      status = document.createElement("div");
      status.id = OWN.copyStatus;
      status.className = OWN.copyStatus;
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    const region = status;
    region.textContent = "";
    window.setTimeout(function() {
      region.textContent = text;
    }, 50);
  }
  function copyButton(label, text, what) {
    const button2 = document.createElement("button");
    button2.type = "button";
    button2.className = OWN.copy;
    button2.setAttribute("aria-label", label);
    button2.innerHTML = LINK_ICON;
    button2.addEventListener("click", function() {
      const value = text();
      const done = function() {
        announce(what + " copied: " + value);
        button2.setAttribute(DATA.done, "Copied");
        window.setTimeout(function() {
          button2.removeAttribute(DATA.done);
        }, 2e3);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(value).then(done, function() {
          announce("Copy failed: " + value);
        });
      } else {
        const field = document.createElement("textarea");
        field.value = value;
        document.body.appendChild(field);
        field.select();
        document.execCommand("copy");
        field.remove();
        done();
      }
    });
    return button2;
  }
  function linkButton(label, fragment) {
    return copyButton(label, function() {
      const canonical = document.querySelector("link[rel=canonical]");
      const base = canonical instanceof HTMLLinkElement ? canonical.href : location.href;
      return base.split("#")[0] + (fragment ? "#" + fragment : "");
    }, "Link");
  }
  function setUpCopyLinks() {
    document.querySelectorAll("." + CLASS.paragraph).forEach(function(paragraph) {
      const tools = paragraph.querySelector("." + CLASS.paragraphTools);
      const number = paragraph.id.slice(1);
      if (tools) tools.appendChild(linkButton("Copy link to paragraph " + number, paragraph.id));
    });
    document.querySelectorAll(SELECT.footnoteItem).forEach(function(note) {
      const list = note.parentNode;
      const index = list ? Array.prototype.indexOf.call(list.children, note) + 1 : 0;
      note.appendChild(linkButton("Copy link to note " + index, note.id));
    });
    const heading = document.querySelector("article h1");
    if (heading && document.querySelector("." + CLASS.context + ", ." + CLASS.short)) {
      heading.appendChild(linkButton("Copy link to this page", ""));
    }
    document.querySelectorAll(SELECT.citationBlock).forEach(function(block) {
      if (!(block instanceof HTMLElement)) return;
      const text = block.textContent || "";
      const button2 = copyButton("Copy citation as " + block.dataset.edFormat, function() {
        return text;
      }, "Citation");
      button2.innerHTML = '<span class="ed-copy-icon"></span>';
      block.appendChild(button2);
    });
  }

  // reader/main.js
  setUpTooltips();
  followFragmentRedirects();
  setUpSwitches();
  setUpSidenotes();
  setUpSheet();
  setUpNoteFilter();
  setUpSuggestLinks();
  var afterLoad = function() {
    setUpCopyLinks();
    loadNoteTexts();
  };
  if (document.readyState === "complete") afterLoad();
  else window.addEventListener("load", afterLoad);
})();
