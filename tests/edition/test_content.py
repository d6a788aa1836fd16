"""Editorial rules the data must keep: citations where facts are stated."""

from __future__ import annotations

from scripts.model import Edition

ESSAY_USE_HEADING = "## How the essay uses it"


def paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith("#")]


def test_every_paragraph_of_every_note_cites_a_source(real_edition: Edition) -> None:
    uncited = [
        f"{note.where.path}: {text[:60]}…"
        for note in real_edition.notes
        for text in paragraphs(note.body)
        if "[@" not in text
    ]
    assert uncited == []


def test_every_paragraph_explaining_a_term_cites_a_source(real_edition: Edition) -> None:
    """The explanation before "How the essay uses it"; that section may quote the essay first."""
    uncited = []
    for term in real_edition.terms:
        explanation, _, essay_use = term.body.partition(ESSAY_USE_HEADING)
        assert essay_use.strip(), f"{term.where.path} has no '{ESSAY_USE_HEADING}' section"
        assert "[@" in essay_use, (
            f"{term.where.path}: the essay's use is discussed without a source"
        )
        uncited += [
            f"{term.where.path}: {text[:60]}…"
            for text in paragraphs(explanation)
            if "[@" not in text
        ]
    assert uncited == []


def test_the_glossary_has_at_least_40_terms(real_edition: Edition) -> None:
    assert len(real_edition.terms) >= 40
