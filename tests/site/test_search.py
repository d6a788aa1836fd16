"""The search index: every page a reader looks for, each text once.

The theme's search fetches the whole index as the page starts; copies of the essay
(the original text, quotes in context, occurrence snippets) and of the citations on
every page made it 250 KB, which slowed the essay's largest paint on a phone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scripts.model import Edition
from scripts.render.meta import HISTORY_SRC
from scripts.render.pages import ORIGINAL_SRC


def index(site: Path) -> list[dict[str, Any]]:
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert isinstance(docs, list)
    return docs


def page_of(location: str) -> str:
    return location.split("#")[0]


def test_every_note_and_term_page_can_be_found(edition: Edition, built_site: Path) -> None:
    found = {page_of(doc["location"]) for doc in index(built_site)}
    sources = [n.src_uri for n in edition.notes] + [t.src_uri for t in edition.terms]
    for src in sources:
        assert src.removesuffix(".md") + "/" in found, src


def test_the_essay_is_indexed_once_and_copies_of_it_are_not(
    edition: Edition, built_site: Path
) -> None:
    docs = index(built_site)
    # Paragraphs without notes: the Notes page rightly shows the words a note quotes.
    quoted = {anchor.paragraph for anchor in edition.anchors.values()}
    plain = [p for n, p in enumerate(edition.reading.paragraphs, 1) if n not in quoted]
    assert len(plain) >= 2
    for paragraph in (plain[0], plain[-1]):
        words = " ".join(paragraph.split()[:6])
        where = {page_of(doc["location"]) for doc in docs if words in doc["text"]}
        assert where == {""}, words  # the essay page, not notes quoting it in context
    pages = {page_of(doc["location"]) for doc in docs}
    for src in (ORIGINAL_SRC, HISTORY_SRC):
        assert src.removesuffix(".md") + "/" not in pages
    assert not [doc["location"] for doc in docs if "@misc{" in doc["text"]]  # Cite this
