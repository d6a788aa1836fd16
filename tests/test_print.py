"""Printing: Chromium's PDF of the essay and of a term page holds the text and its notes,
and none of the screen's navigation, search or buttons."""

from __future__ import annotations

import io
import unicodedata
from typing import Any

import pytest
from pypdf import PdfReader

from scripts.pipeline import build_edition
from scripts.render_essay import note_label

from .conftest import ROOT

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


def pdf_text(page: Any, url: str) -> str:
    page.goto(url)
    if page.locator("[data-ed-texts]").count():  # the essay: its notes' text arrives after load
        page.wait_for_selector(".footnote li.ed-note-full")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    return unicodedata.normalize("NFKC", text)  # a font's ligatures ("ﬁ") read as letters


def test_printed_essay_has_the_text_and_numbered_notes(page: Any, site_url: str) -> None:
    edition = build_edition(ROOT)
    text = pdf_text(page, site_url)
    for paragraph in (edition.reading.paragraphs[4], edition.reading.paragraphs[16]):
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
    assert "(Shumailov et al. 2024)" in text  # the notes' full text, citations legible
    for control in SCREEN_ONLY:
        assert control not in text, control


def test_printed_term_page_has_its_definition_and_occurrences(page: Any, site_url: str) -> None:
    edition = build_edition(ROOT)
    term = edition.term("fixed-point")
    text = pdf_text(page, site_url + "glossary/fixed-point/")
    assert " ".join(term.short.split()) in text
    assert "In the essay" in text and "¶ 14" in text
    for control in SCREEN_ONLY:
        assert control not in text, control
