"""What this edition promises about its notes and terms: every checkable claim of the
research brief has a note where the essay makes it, and the glossary covers its terms."""

from __future__ import annotations

from pathlib import Path

from scripts.model import VERDICTS, Edition

from ..html import parse

# The paragraph(s) where the essay makes each checkable claim (research brief, claims.md).
CLAIM_PARAGRAPHS = {
    "C1": {1, 3},
    "C2": {4},
    "C3": {1},
    "C4": {6},
    "C5": {7},
    "C6": {8},
    "C7": {8},
    "C8": {9},
    "C9": {10},
    "C10": {11},
    "C11": {12, 18},
    "C12": {13, 14},
    "C13": {14, 15},
    "C14": {16},
    "C15": {20},
    "C16": {21},
    "C17": {2},
}
REQUIRED_TERMS = {
    "fixed-point", "base-case", "recursion", "local-optimum", "global-optimum",
    "borrow-checker", "lifetime", "static", "tokio", "async-runtime", "race-condition",
    "data-race", "blocking", "recursive-self-improvement", "model-collapse",
    "reinforcement-learning", "large-language-model", "next-token-prediction",
    "positive-feedback-loop", "overshooting", "map-and-territory", "ipo",
}  # fmt: skip


def test_every_claim_has_a_note_where_the_essay_makes_it(real_edition: Edition) -> None:
    assert len(real_edition.notes) >= 20
    for claim, paragraphs in CLAIM_PARAGRAPHS.items():
        placed = {
            real_edition.anchors[n.id].paragraph for n in real_edition.notes if n.claim == claim
        }
        assert placed & paragraphs, f"{claim} has no note in paragraph {sorted(paragraphs)}"
    for note in real_edition.notes:
        if note.kind == "fact-check":
            assert note.verdict in VERDICTS and note.sources, note.id


def test_the_linked_page_is_described_as_reported(real_edition: Edition) -> None:
    (note,) = [n for n in real_edition.notes if n.claim == "C17"]
    assert "as reported" in note.body.lower() or "reporting" in note.body.lower()


def test_at_least_24_terms_including_the_required_ones(real_edition: Edition) -> None:
    slugs = {t.slug for t in real_edition.terms}
    assert len(slugs) >= 24
    assert slugs >= REQUIRED_TERMS


def test_longest_term_wins_and_static_keeps_its_apostrophe(real_site: Path) -> None:
    tree = parse(real_site / "index.html")
    texts = {a.text() for a in tree.css("#p16 a.ed-term, #p9 a.ed-term")}
    assert "local optimum" in texts and "optimum" not in texts
    assert "'static" in texts
