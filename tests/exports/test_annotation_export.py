"""What annotation clients and text fragments rely on in the built HTML: the essay's
paragraphs hold exactly the reading text, and the page points to its annotation collection.
(test_annotation_clients anchors the collection in Chromium.)"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

from scripts.model import (
    UNKNOWN_ESSAY,
    Anchor,
    Edition,
    Note,
    QuoteSelector,
    ReadingText,
    Seed,
    Where,
)
from scripts.render.notes import text_fragment

from ..html import one, parse


def test_each_paragraphs_text_is_its_reading_text(edition: Edition, built_site: Path) -> None:
    """Numbers, tools, note markers and original readings are drawn by the stylesheet from
    attributes: none of them is text in the paragraph, which clients match against."""
    tree = parse(built_site / "index.html")
    paragraphs = tree.css("p.ed-para")
    assert len(paragraphs) > 0
    for paragraph in paragraphs:
        number = int((paragraph.attributes["id"] or "").removeprefix("p"))
        assert paragraph.text(deep=True) == edition.reading.paragraphs[number - 1], number


def test_note_markers_show_their_place_in_the_footnote_list(built_site: Path) -> None:
    tree = parse(built_site / "index.html")
    listed = [li.attributes["id"] for li in tree.css(".footnote > ol > li")]
    markers = tree.css(".ed-para sup[id^='fnref:'] > a.footnote-ref")
    assert len(markers) == len(listed) > 0
    for marker in markers:
        href = marker.attributes["href"] or ""
        number = listed.index(href.removeprefix("#")) + 1
        assert marker.attributes["data-n"] == str(number)
        assert marker.attributes["aria-label"] == f"Note {number}"
        assert marker.text() == ""


def test_the_essay_page_links_its_annotation_collection(built_site: Path) -> None:
    tree = parse(built_site / "index.html")
    links = tree.css('head link[rel="alternate"][type="application/ld+json"]')
    assert len(links) == 1
    href = links[0].attributes["href"] or ""
    collection = json.loads((built_site / href).read_text(encoding="utf-8"))
    assert collection["type"] == "AnnotationCollection"
    canonical = one(tree, 'head link[rel="canonical"]').attributes["href"]
    assert collection["id"] == urljoin(canonical or "", href)
    assert {item["target"]["source"] for item in collection["first"]["items"]} == {canonical}
    # Only the annotated page points to it.
    about = parse(built_site / "about" / "index.html")
    assert about.css('head link[rel="alternate"][type="application/ld+json"]') == []


def one_note_edition(text: str, exact: str) -> Edition:
    start = text.index(exact)
    note = Note("n", "t", QuoteSelector(exact), "context", "", "", (), (), "b", "notes/n.md",
                Where("notes/n.md", 1))  # fmt: skip
    return Edition(Seed(text), UNKNOWN_ESSAY, ReadingText((text,), ()), (), (), (), (note,),
                   {"n": Anchor(1, start, start + len(exact))}, (), (), (), ())  # fmt: skip


def test_a_text_fragment_escapes_its_syntax_and_takes_whole_words() -> None:
    text = (
        "A rock-solid, fast & safe runtime: the so-called 'static bound, checked at compile-time."
    )
    edition = one_note_edition(text, "ast & safe run")  # starts and ends inside words
    assert text_fragment(edition, edition.notes[0]) == (
        "text=A%20rock%2Dsolid%2C-,fast%20%26%20safe%20runtime"
        ",-%3A%20the%20so%2Dcalled%20%27static%20bound%2C%20checked"
    )


def test_a_text_fragment_has_no_prefix_or_suffix_past_its_paragraph() -> None:
    edition = one_note_edition("Whole paragraph, quoted.", "Whole paragraph, quoted.")
    assert text_fragment(edition, edition.notes[0]) == "text=Whole%20paragraph%2C%20quoted."
