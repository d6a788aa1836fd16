"""Stage 5: quote selectors attach to exactly one place, or say why not."""

from __future__ import annotations

from scripts.ingest.anchor import anchor_notes, find_quote
from scripts.model import (
    Anchor,
    Correction,
    Note,
    PlacedCorrection,
    QuoteSelector,
    ReadingText,
    Where,
)

READING = ReadingText(
    (
        "The crappy code feeds back into the training pipelines.",
        "It will spew out even more crappy code, and so on.",
    ),
    (
        PlacedCorrection(
            Correction("feeds", 1, "feed", "feeds", "agreement", "", "", Where("c.yml", 3)), 16, 16
        ),
    ),
)


def note(nid: str, exact: str, prefix: str = "", suffix: str = "") -> Note:
    return Note(
        nid,
        "t",
        QuoteSelector(exact, prefix, suffix),
        "context",
        "",
        "",
        (),
        (),
        "body",
        f"notes/{nid}.md",
        Where(f"docs/notes/{nid}.md", 1),
        (("target", 4),),
    )


def test_unique_quote_is_anchored() -> None:
    anchors, problems = anchor_notes(READING, [note("a", "training pipelines")])
    assert problems == []
    assert anchors == {"a": Anchor(1, 36, 54)}


def test_prefix_disambiguates() -> None:
    assert find_quote(READING, "crappy code") == [Anchor(1, 4, 15), Anchor(2, 27, 38)]
    assert find_quote(READING, "crappy code", prefix="more ") == [Anchor(2, 27, 38)]


def test_problems_name_file_line_and_closest_passage() -> None:
    _, problems = anchor_notes(
        READING,
        [
            note("ambiguous", "crappy code"),
            note("missing", "the trainig pipeline"),
            note("context", "crappy code", prefix="less "),
            note("cuts", "eeds back"),
        ],
    )
    assert [str(p) for p in problems] == [
        "docs/notes/ambiguous.md:4: the quote “crappy code” matches 2 places (paragraph 1, "
        "paragraph 2); add 'prefix' (the words just before) or 'suffix' (the words just after) "
        "under 'target' so that it matches once",
        "docs/notes/missing.md:4: the quote “the trainig pipeline” is not in the reading text; "
        "the closest passage is “the training pipelines.” in paragraph 1; copy the words exactly "
        "as the essay page shows them (corrections applied)",
        "docs/notes/context.md:4: the quote “crappy code” is in the text, but not with this prefix "
        "and suffix; copy 'prefix' and 'suffix' exactly from the text around it, or remove them",
        "docs/notes/cuts.md:4: the quote begins or ends inside the corrected words “feeds”; "
        "start and end the quote on whole words",
    ]


def test_overlapping_quotes_are_refused_but_identical_ones_share() -> None:
    anchors, problems = anchor_notes(
        READING,
        [
            note("a", "crappy code feeds"),
            note("b", "code feeds back"),
            note("c", "crappy code feeds"),
        ],
    )
    assert set(anchors) == {"a", "b", "c"}
    assert [str(p) for p in problems] == [
        "docs/notes/b.md:4: the quote overlaps the quote of note 'c' in paragraph 1; "
        "quote other words, or exactly the same words as that note"
    ]
