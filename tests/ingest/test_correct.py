"""Stage 3: corrections are placed exactly, and the seed comes back byte for byte."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from scripts.ingest.correct import (
    apply_corrections,
    build_reading_text,
    occurrences,
    restore_paragraph,
    restore_seed,
)
from scripts.model import Correction, Edition, Seed, Where


def correction(
    cid: str, paragraph: int, original: str, corrected: str, prefix: str = "", suffix: str = ""
) -> Correction:
    return Correction(
        cid, paragraph, original, corrected, "test", prefix, suffix, Where("c.yml", 1)
    )


def test_an_edition_restores_its_seed_byte_for_byte(edition: Edition, synthetic_root: Path) -> None:
    rebuilt = restore_seed(edition.reading)
    assert rebuilt.encode("utf-8") == (synthetic_root / "seeds/essay.txt").read_bytes()
    assert edition.reading.paragraphs != edition.seed.paragraphs


def test_prefix_and_suffix_pick_one_occurrence() -> None:
    seed = Seed("feed the feed back\nsecond")
    reading, problems = build_reading_text(
        seed, [correction("x", 1, "feed", "feeds", suffix=" back")]
    )
    assert problems == []
    assert reading.paragraphs == ("feed the feeds back", "second")
    (placed,) = reading.corrections
    assert (placed.seed_start, placed.reading_start, placed.reading_end) == (9, 9, 14)


def test_ambiguous_missing_misplaced_and_overlapping_corrections() -> None:
    seed = Seed("a a b\nc d")
    _, problems = build_reading_text(
        seed,
        [
            correction("twice", 1, "a", "A"),
            correction("absent", 1, "z", "Z"),
            correction("elsewhere", 1, "c d", "C"),
            correction("one", 2, "c d", "x"),
            correction("two", 2, "d", "y"),
        ],
    )
    assert [p.message for p in problems] == [
        "the original reading “a” occurs 2 times in paragraph 1",
        "the original reading “z” is not in paragraph 1",
        "the original reading “c d” is not in paragraph 1",
        "this correction overlaps 'one' (line 1) in paragraph 2",
    ]
    assert problems[2].fix == "it is in paragraph 2: correct 'paragraph'"


def test_occurrences_counts_overlapping_matches() -> None:
    assert occurrences("aaa", "aa") == [0, 1]
    assert occurrences("abc", "") == []


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    """A random text and random non-overlapping, non-empty spans with random replacements."""
    text = draw(st.text(min_size=1, max_size=80))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    spans = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start < end:
            spans.append((start, end, draw(st.text(max_size=6))))
    return text, spans


@given(text_and_spans())
def test_restore_inverts_apply_on_generated_texts(
    case: tuple[str, list[tuple[int, int, str]]],
) -> None:
    text, spans = case
    reading, starts = apply_corrections(text, spans)
    back = [
        (start, start + len(replacement), text[s:e])
        for start, (s, e, replacement) in zip(starts, spans, strict=True)
    ]
    assert restore_paragraph(reading, back) == text


@given(
    st.lists(st.text(alphabet="abc xyz\u2019", min_size=1, max_size=30), min_size=1, max_size=5),
    st.data(),
)
def test_whole_pipeline_round_trips_generated_seeds(
    paragraphs: list[str], data: st.DataObject
) -> None:
    """Place corrections by their words, as contributors write them, then restore the seed."""
    seed = Seed("\n".join(paragraphs))
    corrections = []
    for number, paragraph in enumerate(paragraphs, start=1):
        start = data.draw(st.integers(0, len(paragraph) - 1))
        end = data.draw(st.integers(start + 1, len(paragraph)))
        original = paragraph[start:end]
        if len(occurrences(paragraph, original)) == 1:
            replacement = data.draw(st.text(alphabet="ABC ", max_size=5))
            corrections.append(correction(f"c{number}", number, original, replacement))
    reading, problems = build_reading_text(seed, corrections)
    assert problems == []
    assert restore_seed(reading) == seed.text
