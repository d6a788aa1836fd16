"""Printing: Chromium's PDF of the essay and of a term page holds the text and its notes,
and none of the screen's navigation, search or buttons."""

from __future__ import annotations

import io
import unicodedata
from typing import Any

import pytest
from pypdf import PdfReader

from scripts.model import Edition
from scripts.render.essay import note_label

pytestmark = pytest.mark.browser

SCREEN_ONLY = (
    "Skip to content",
    "Search",
    "Show original readings",
    "Copy link",
    "Suggest a note",
    "Cite this",
    "Note page and permanent link",
    "Edition history",
    "Edit this page",
)


# Latin ligatures (U+FB00-FB06: ff, fi, fl, ffi, ffl, long st, st) as the letters they join.
LIGATURES = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}


def pdf_text(page: Any, url: str) -> str:
    page.goto(url)
    if page.locator("[data-ed-texts]").count():  # the essay: its notes' text arrives after load
        page.wait_for_selector(".footnote li.ed-note-full")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    # A font with ligatures (DejaVu Sans has "fi") prints them as one glyph, which pypdf
    # extracts as U+FB01: give back the letters a reader sees.
    return text.translate(LIGATURES)


def test_printed_essay_has_the_text_and_numbered_notes(
    page: Any, site_url: str, edition: Edition
) -> None:
    text = pdf_text(page, site_url)
    # Paragraphs without a note or a deletion: the others print a marker's number or the
    # caret that marks removed words within their text.
    marked = {anchor.paragraph for anchor in edition.anchors.values()}
    marked |= {c.paragraph for c in edition.corrections if not c.corrected}
    plain = [p for n, p in enumerate(edition.reading.paragraphs, 1) if n not in marked]
    assert len(plain) >= 2
    for paragraph in (plain[0], plain[-1]):
        assert " ".join(paragraph.split()) in text
    for number, note in enumerate(
        sorted(
            edition.notes,
            key=lambda n: (edition.anchors[n.id].paragraph, edition.anchors[n.id].start),
        ),
        start=1,
    ):
        label = note_label(note)
        assert f"{number}. {label} {' '.join(note.title.split())}" in text, f"note {number}"
    # The notes' full text, each citation legible by its source's label.
    shorts = {source.key: source.short for source in edition.sources}
    cited = {shorts[key] for note in edition.notes for key in note.sources}
    assert cited and all(label in text for label in cited), cited
    for control in SCREEN_ONLY:
        assert control not in text, control


def test_printed_term_page_has_its_definition_and_occurrences(
    page: Any, site_url: str, edition: Edition
) -> None:
    first = edition.occurrences[-1]  # a term found late in the essay
    term = edition.term(first.slug)
    text = pdf_text(page, site_url + f"glossary/{term.slug}/")
    assert " ".join(term.short.split()) in text
    assert "In the essay" in text and f"¶ {first.paragraph}" in text
    for control in SCREEN_ONLY:
        assert control not in text, control
