"""Stage 7a: notes, terms, URLs and corrections laid over one paragraph."""

from __future__ import annotations

import pytest

from scripts.model import (
    UNKNOWN_ESSAY,
    Anchor,
    Correction,
    Edition,
    Note,
    Occurrence,
    PlacedCorrection,
    QuoteSelector,
    ReadingText,
    Seed,
    Term,
    Where,
)
from scripts.render.essay import Span, paragraph_spans, render_spans

TEXT = "stuck in a local optimum forever, see https://example.org/x and a local optimum"
WHERE = Where("t", 1)


def edition(note_span: tuple[int, int]) -> Edition:
    term = Term("local-optimum", "local optimum", (), "short", (), (), "", "glossary/l.md", WHERE)
    note = Note("n", "t", QuoteSelector(TEXT[slice(*note_span)]), "context", "", "", (), (), "b",
                "notes/n.md", WHERE)  # fmt: skip
    first = TEXT.index("local optimum")
    second = TEXT.rindex("local optimum")
    occurrences = tuple(
        Occurrence("local-optimum", 1, start, start + len("local optimum"))
        for start in (first, second)
    )
    correction = Correction("c", 1, "forevr", "forever", "spelling", "", "", WHERE)
    placed = PlacedCorrection(correction, TEXT.index("forever"), TEXT.index("forever"))
    return Edition(Seed(TEXT), UNKNOWN_ESSAY, ReadingText((TEXT,), (placed,)), (correction,), (), (), (note,),
                   {"n": Anchor(1, *note_span)}, (term,), occurrences, (), ())  # fmt: skip


def rendered(note_span: tuple[int, int]) -> str:
    e = edition(note_span)
    return render_spans(TEXT, paragraph_spans(e, 1, "index.md"))


def test_term_inside_a_quote_is_linked_inside_the_mark() -> None:
    out = rendered((0, 32))  # "stuck in a local optimum forever"
    assert out.startswith('<mark class="ed-quote">stuck in a [local optimum](')
    assert out.count("[local optimum]") == 1


def test_term_crossing_a_quote_is_not_linked_there_but_at_its_next_occurrence() -> None:
    out = rendered((0, 17))  # "stuck in a local " ends inside the term
    assert out.startswith('<mark class="ed-quote">stuck in a local </mark><sup id="fnref:n">')
    assert out.endswith("and a [local optimum](glossary/l.md){: .ed-term }")


def test_term_around_a_quote_is_not_linked_so_no_link_holds_a_marker() -> None:
    out = rendered((17, 24))  # "optimum" inside the first occurrence of the term
    assert "[local <mark" not in out
    assert out.count("[local optimum]") == 1 and '</mark><sup id="fnref:n">' in out


def test_urls_and_corrections_keep_their_markup() -> None:
    out = rendered((0, 5))
    assert (
        '<a href="https://example.org/x" aria-label="https://example.org/x (link given by the author)">'
        in out
    )
    assert '<del data-original="forevr"></del><ins>forever</ins>' in out
    # The marker's number is an attribute, so that it is not in the paragraph's text.
    assert (
        '<sup id="fnref:n"><a class="footnote-ref" href="#fn:n" data-n="1" aria-label="Note 1">'
        "</a></sup>" in out
    )


def test_a_note_that_would_be_dropped_is_an_error_not_a_silent_loss() -> None:
    spans = [Span(0, 10, 1, "<a>", "</a>"), Span(5, 15, 0, "<mark>", "</mark>")]
    with pytest.raises(ValueError, match="crosses another"):
        render_spans("0123456789abcdef", spans)
