"""The notes as others read them: the Web Annotation export anchored by a real client
(Apache Annotator, from the npm lock) and the note pages' text-fragment links followed in
Chromium, on the built site. Over whatever notes the build exports: no note is named here."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from ..annotator import anchor_collection, bundle_annotator
from ..html import one, parse

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def annotator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield bundle_annotator(tmp_path_factory.mktemp("annotator"))


def load_collection(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "annotations.jsonld").read_text(encoding="utf-8")))


def published_path(collection: dict[str, Any], url: str) -> str:
    """A URL of the published site as a path under the site's root (the collection's folder)."""
    root = collection["id"].rsplit("/", 1)[0] + "/"
    assert url.startswith(root), url
    return url.removeprefix(root)


def note_id(annotation_id: str) -> str:
    """Each annotation is a note's page, .../notes/<id>/: reports name the note."""
    return urlsplit(annotation_id).path.rstrip("/").rsplit("/", 1)[-1]


def orphans(results: list[dict[str, Any]], collection: dict[str, Any]) -> list[str]:
    """Every annotation that does not anchor exactly once, by both of its selectors, on the
    same words, as ``note id: what went wrong``."""
    exact = {
        item["id"]: next(s for s in item["target"]["selector"] if s["type"] == "TextQuoteSelector")[
            "exact"
        ]
        for item in collection["first"]["items"]
    }
    problems = []
    for result in results:
        found, refined = result["quote"], result["refined"]
        name = note_id(result["id"])
        if len(found) != 1:
            problems.append(f"{name}: the TextQuoteSelector matches {len(found)} times")
        elif found[0] != exact[result["id"]]:
            problems.append(f"{name}: the TextQuoteSelector finds {found[0]!r}")
        if result["refinedBy"] is None:
            problems.append(f"{name}: no FragmentSelector refined by a text selector")
        elif len(refined) != 1:
            problems.append(
                f"{name}: the refined {result['refinedBy']} matches {len(refined)} times"
            )
        elif not result["same"]:
            problems.append(f"{name}: the refined {result['refinedBy']} finds {refined[0]!r}")
    return problems


def open_with_notes(page: Any, url: str) -> None:
    """Open a page and wait for the notes' full text, which may quote the essay too."""
    page.goto(url)
    page.wait_for_function(
        "() => document.querySelectorAll('.footnote li').length > 0 && "
        "document.querySelectorAll('.footnote li:not(.ed-note-full)').length === 0"
    )


@pytest.mark.parametrize("width", [390, 1440])  # a phone, and wide enough for sidenotes
def test_every_exported_annotation_anchors_once_in_apache_annotator(
    page: Any, site_url: str, built_site: Path, annotator: Path, width: int
) -> None:
    collection = load_collection(built_site)
    items = collection["first"]["items"]
    assert collection["total"] == len(items) > 0
    sources = {published_path(collection, item["target"]["source"]) for item in items}
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for source in sorted(sources):
        open_with_notes(page, site_url + source)
        if width >= 1400:
            assert page.locator("aside.ed-sidenote").count() > 0  # their text is there too
        on_page = {**collection, "first": {**collection["first"], "items": [
            item for item in items
            if published_path(collection, item["target"]["source"]) == source
        ]}}  # fmt: skip
        problems += orphans(anchor_collection(page, annotator, on_page), collection)
    assert problems == []


def test_an_orphan_is_reported_by_its_note(
    page: Any, site_url: str, built_site: Path, annotator: Path
) -> None:
    """The check above can fail: words that are not on the page, and words that are on it
    many times over without context, are each reported by note."""
    collection = load_collection(built_site)
    first = collection["first"]["items"][0]
    base = collection["id"].rsplit("/", 1)[0] + "/"

    def annotation(name: str, exact: str) -> dict[str, Any]:
        return {
            **first,
            "id": f"{base}notes/{name}/",
            "target": {
                **first["target"],
                "selector": [{"type": "TextQuoteSelector", "exact": exact}],
            },
        }

    broken = {**collection, "first": {**collection["first"], "items": [
        annotation("missing", "words that are on no page \u2063"),
        annotation("everywhere", " "),
    ]}}  # fmt: skip
    open_with_notes(page, site_url + published_path(collection, first["target"]["source"]))
    problems = orphans(anchor_collection(page, annotator, broken), broken)
    assert problems[0] == "missing: the TextQuoteSelector matches 0 times"
    assert problems[1] == "missing: no FragmentSelector refined by a text selector"
    assert problems[2].startswith("everywhere: the TextQuoteSelector matches ")
    assert int(problems[2].split()[-2]) > 1
    assert len(problems) == 4


def text_fragment_links(built_site: Path) -> dict[str, str]:
    """Each note page's link to its quote in the essay, by note, resolved to a site path."""
    collection = load_collection(built_site)
    links = {}
    for item in collection["first"]["items"]:
        path = published_path(collection, item["id"])
        tree = parse(built_site / path / "index.html")
        assert len(tree.css("a.ed-text-fragment")) == 1, path
        href = one(tree, "a.ed-text-fragment").attributes["href"] or ""
        links[note_id(item["id"])] = urljoin("/" + path, href).removeprefix("/")
    return links


def landed_on(page: Any, note: str) -> dict[str, Any]:
    """Where Chromium took the reader: the scroll, and whether the element it marks as the
    target (the one holding the found words) is the note's quote, in view."""
    return dict(
        page.evaluate(
            """(note) => {
          // The quote is the mark before the note's marker (or before the markers of the
          // other notes on exactly the same words).
          let mark = document.getElementById("fnref:" + note).previousElementSibling;
          while (mark.tagName === "SUP") mark = mark.previousElementSibling;
          const target = document.querySelector(":target");
          const box = mark.getBoundingClientRect();
          return {
            scrolled: window.scrollY > 0,
            onQuote: Boolean(target) && (mark.contains(target) || target.contains(mark)),
            inView: box.top >= 0 && box.bottom <= window.innerHeight,
          };
        }""",
            note,
        )
    )


def test_each_note_page_links_to_its_quote_highlighted_in_the_essay(
    page: Any, site_url: str, built_site: Path
) -> None:
    links = text_fragment_links(built_site)
    for href in links.values():
        fragment = urlsplit(href).fragment
        assert fragment.startswith(":~:text=")
        directive = fragment.removeprefix(":~:text=")
        # '-', ',' and '&' are the directive's syntax: in the words they are escaped.
        assert all(part.count("&") == 0 for part in directive.split(","))
    from playwright.sync_api import TimeoutError as Timeout

    wrong = []
    for note, href in links.items():
        # A fresh load each time: going from one fragment of the essay to another is a
        # same-document navigation, where the previous note's :target may still stand
        # when the check runs.
        page.goto("about:blank")
        page.goto(site_url + href)
        with contextlib.suppress(Timeout):  # reported below, with every other note
            page.wait_for_function("() => document.querySelector(':target')", timeout=5000)
        where = landed_on(page, note)
        if where != {"scrolled": True, "onQuote": True, "inView": True}:
            wrong.append(f"{note}: {where}")
    assert wrong == []


def test_a_text_fragment_that_does_not_match_moves_nothing(
    page: Any, site_url: str, built_site: Path
) -> None:
    """The check above can fail: the same link with a suffix that is not in the essay."""
    note, href = next(iter(text_fragment_links(built_site).items()))
    parts = href.split(",")
    if parts[-1].startswith("-"):
        parts.pop()
    page.goto(site_url + ",".join(parts) + ",-%E2%81%A3")  # an invisible separator: in no text
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    where = landed_on(page, note)
    assert (where["scrolled"], where["onQuote"]) == (False, False)


def test_following_a_note_page_link_highlights_the_quote(
    page: Any, site_url: str, built_site: Path
) -> None:
    collection = load_collection(built_site)
    item = collection["first"]["items"][-1]
    page.goto(site_url + published_path(collection, item["id"]))
    page.get_by_role("link", name="show these words highlighted in the essay").click()
    page.wait_for_function("() => document.querySelector(':target')")
    assert landed_on(page, note_id(item["id"])) == {
        "scrolled": True,
        "onQuote": True,
        "inView": True,
    }
