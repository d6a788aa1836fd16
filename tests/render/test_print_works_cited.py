"""Printing the essay: a works-cited list (each source its notes cite, once, with its DOI or
URL, since paper has no link to follow) and headings kept with the text that follows.

The list travels with the notes' text (NOTE_TEXTS_FILE), after the page's first load."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scripts.model import Edition
from scripts.render.essay import NOTE_TEXTS_FILE, WORKS_CITED_KEY

from ..browser import watched_tab

pytestmark = pytest.mark.browser


def note_texts(site: Path) -> dict[str, str]:
    texts: dict[str, str] = json.loads((site / NOTE_TEXTS_FILE).read_text(encoding="utf-8"))
    return texts


def cited_labels(site: Path) -> set[str]:
    """The short label of every citation in the essay's notes, as the reader sees them."""
    return {
        link.text(strip=True)
        for key, html in note_texts(site).items()
        if not key.startswith("@")  # the works cited and the terms' definitions
        for link in LexborHTMLParser(html).css("a.ed-cite")
    }


def label_of(entry: LexborNode) -> str:
    """An entry opens with its source's short label, in bold, as citations show it."""
    label = entry.css_first("strong")
    assert label is not None, entry.html
    return label.text(strip=True)


def test_works_cited_lists_every_cited_source_once_with_a_link(
    built_site: Path, edition: Edition
) -> None:
    cited = cited_labels(built_site)
    assert cited, "the notes cite nothing: nothing to check"
    entries = LexborHTMLParser(note_texts(built_site)[WORKS_CITED_KEY]).css("li")
    labels = Counter(label_of(entry) for entry in entries)
    assert [label for label, n in labels.items() if n > 1] == []
    assert cited <= set(labels), sorted(cited - set(labels))
    # Each source with a DOI or a URL prints it (a book chapter may have neither).
    sources = {s.short: s for s in edition.sources}
    for entry in entries:
        source = sources[label_of(entry)]
        links = {a.attributes.get("href") or "" for a in entry.css("a")}
        if source.doi:
            assert f"https://doi.org/{source.doi}" in links, entry.text()
        elif source.url:
            assert source.url in links, entry.text()


def test_works_cited_is_printed_and_headings_keep_with_their_text(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.wait_for_selector(".ed-works-cited", state="attached")
    works = page.locator(".ed-works-cited")
    assert works.is_hidden()  # on screen the citations link to the Sources page
    page.emulate_media(media="print")
    assert works.is_visible()
    assert works.locator("li").count() >= 1
    for link in works.locator("a.ed-url").all():  # paper has no link to follow: the URL
        shown = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert shown == f'" <{link.get_attribute("href")}>"'
    breaks = page.locator(".ed-para ~ h2, article h2").evaluate_all(
        "hs => hs.map(h => getComputedStyle(h).breakAfter)"
    )
    assert breaks and set(breaks) == {"avoid"}
    # With the works cited printed, the line that names the Sources page instead is not.
    assert page.locator(".ed-print-sources").is_hidden()
    # Printed notes are black, as the text, not the theme's grey.
    colours = page.locator(".footnote li p").evaluate_all(
        "ps => ps.map(p => getComputedStyle(p).color)"
    )
    assert colours and set(colours) == {"rgb(0, 0, 0)"}


def test_a_print_without_the_script_names_the_sources_page(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    """Without JavaScript the works cited never arrive: the print says where they are, by
    the Sources page's full address (paper has no link to follow)."""
    watch, opened = tabs
    tab = watched_tab(chromium, watch, java_script_enabled=False)
    opened.append(tab)
    tab.goto(site_url)
    line = tab.locator(".ed-print-sources")
    assert line.is_hidden()  # on screen each citation links to the Sources page
    tab.emulate_media(media="print")
    assert line.is_visible()
    address = line.inner_text().rsplit(" ", 1)[-1]
    assert re.fullmatch(r"https://[^\s/]+/(\S+/)?sources/", address), line.inner_text()
    assert tab.locator(".ed-works-cited").count() == 0
