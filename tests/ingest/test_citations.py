"""Per-sentence citations: what counts as a sentence, a citation and the edition's own voice."""

from __future__ import annotations

from scripts.ingest.citations import uncited_sentences

HINT = (
    "add [@key] for the source that supports it; if it is the edition's own reading or "
    "judgement, mark it [@edition]"
)


def messages(body: str, first_line: int = 10) -> list[str]:
    return [str(p) for p in uncited_sentences("docs/notes/n.md", body, first_line)]


def test_each_sentence_needs_its_own_citation() -> None:
    body = "A fact with its source [@a]. A second fact with none."
    assert messages(body) == [
        f"docs/notes/n.md:10: this sentence cites no source (“A second fact with none.”); {HINT}"
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    body = "As I. J. Good and Smith et al. wrote, e.g. in 1965, machines could improve [@good]."
    assert messages(body) == []


def test_the_line_is_the_line_where_the_sentence_starts() -> None:
    body = "First line cites [@a].\nThen a sentence that runs\nover two lines.\n\nAnother [@b]."
    assert messages(body) == [
        "docs/notes/n.md:11: this sentence cites no source "
        f"(“Then a sentence that runs over two lines.”); {HINT}"
    ]


def test_the_editions_own_reading_carries_its_mark() -> None:
    body = "The essay says otherwise [@edition]. The verdict rates only that part [@edition; @a]."
    assert messages(body) == []


def test_no_word_exempts_a_sentence_from_its_citation() -> None:
    """Naming the essay, a paragraph or the edition once let factual sentences through."""
    body = "The essay's author studied physics. Paragraph 3 cites a 1965 paper. The edition agrees."
    assert messages(body) == [
        "docs/notes/n.md:10: this sentence cites no source "
        f"(“The essay's author studied physics.”); {HINT}",
        "docs/notes/n.md:10: this sentence cites no source "
        f"(“Paragraph 3 cites a 1965 paper.”); {HINT}",
        f"docs/notes/n.md:10: this sentence cites no source (“The edition agrees.”); {HINT}",
    ]


def test_headings_code_and_link_definitions_are_not_prose() -> None:
    body = "## How the essay uses it\n\n```\nlet x = 1;\n```\n\n[r]: https://example.org/"
    assert messages(body) == []


def test_a_long_sentence_is_shown_by_its_first_words() -> None:
    body = "One two three four five six seven eight nine ten."
    assert messages(body) == [
        "docs/notes/n.md:10: this sentence cites no source "
        f"(“One two three four five six seven eight…”); {HINT}"
    ]
