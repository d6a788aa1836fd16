"""Stage 5, anchor: attach each note to the words its quote selector names.

A selector must match the reading text exactly once, inside one paragraph.
When it does not, the problem says where the closest passage is, or where the
several matches are; nothing is ever attached to a guessed place.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Sequence

from scripts.ingest.correct import occurrences
from scripts.ingest.terms import BARE_URL
from scripts.model import Anchor, Note, ReadingText
from scripts.problems import Problem


def find_quote(
    reading: ReadingText, exact: str, prefix: str = "", suffix: str = ""
) -> list[Anchor]:
    """Every place where ``prefix + exact + suffix`` occurs within one paragraph."""
    context = prefix + exact + suffix
    if "\n" in context:  # paragraphs are lines: a quote never spans two
        return []
    anchors = []
    for offset in occurrences(reading.text, context):
        paragraph, start = reading.locate(offset + len(prefix))
        anchors.append(Anchor(paragraph, start, start + len(exact)))
    return anchors


def closest_passage(reading: ReadingText, exact: str) -> tuple[int, str]:
    """The passage of as many words as ``exact`` that shares the most characters with it."""
    width = max(1, len(exact.split()))
    best: tuple[tuple[int, float], int, str] = ((-1, 0.0), 1, "")
    for number, text in enumerate(reading.paragraphs, start=1):
        words = text.split()
        for i in range(max(1, len(words) - width + 1)):
            passage = " ".join(words[i : i + width])
            matcher = difflib.SequenceMatcher(None, exact.lower(), passage.lower())
            shared = sum(block.size for block in matcher.get_matching_blocks())
            score = (shared, matcher.ratio())
            if score > best[0]:
                best = (score, number, passage)
    return best[1], best[2]


def anchor_note(reading: ReadingText, note: Note) -> tuple[Anchor | None, Problem | None]:
    selector = note.target
    hits = find_quote(reading, selector.exact, selector.prefix, selector.suffix)
    line = note.line_of("target")
    if len(hits) == 1:
        return hits[0], None
    if hits:
        places = ", ".join(f"paragraph {h.paragraph}" for h in hits)
        return None, Problem(
            note.where.path,
            line,
            f"the quote “{selector.exact}” matches {len(hits)} places ({places})",
            "add 'prefix' (the words just before) or 'suffix' (the words just after) "
            "under 'target' so that it matches once",
        )
    if find_quote(reading, selector.exact):
        return None, Problem(
            note.where.path,
            line,
            f"the quote “{selector.exact}” is in the text, but not with this prefix and suffix",
            "copy 'prefix' and 'suffix' exactly from the text around it, or remove them",
        )
    # Paragraphs are lines; a quote copied across two reads, in YAML, with a space between.
    across = occurrences(reading.text.replace("\n", " "), selector.exact.replace("\n", " "))
    if across:
        first, _ = reading.locate(across[0])
        return None, Problem(
            note.where.path,
            line,
            f"a quote cannot span two paragraphs (“{selector.exact}” runs from paragraph "
            f"{first} into paragraph {first + 1})",
            "quote words from one paragraph only; write a second note for the other",
        )
    paragraph, passage = closest_passage(reading, selector.exact)
    return None, Problem(
        note.where.path,
        line,
        f"the quote “{selector.exact}” is not in the reading text",
        f"the closest passage is “{passage}” in paragraph {paragraph}; copy the words exactly "
        "as the essay page shows them (corrections applied)",
    )


def crossing(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two spans overlap without one containing the other."""
    return (
        a[0] < b[1]
        and b[0] < a[1]
        and not (a[0] <= b[0] and b[1] <= a[1])
        and not (b[0] <= a[0] and a[1] <= b[1])
    )


def anchor_notes(
    reading: ReadingText, notes: Sequence[Note]
) -> tuple[dict[str, Anchor], list[Problem]]:
    """Anchor every note; refuse notes whose quotes overlap or cut through a correction."""
    anchors: dict[str, Anchor] = {}
    problems: list[Problem] = []
    for note in notes:
        anchor, problem = anchor_note(reading, note)
        if problem is not None:
            problems.append(problem)
        elif anchor is not None:
            anchors[note.id] = anchor
    by_id = {note.id: note for note in notes}
    placed = sorted(anchors.items(), key=lambda item: (item[1].paragraph, item[1].start, item[0]))
    for (first_id, first), (second_id, second) in itertools.pairwise(placed):
        same = (first.paragraph, first.start, first.end) == (
            second.paragraph,
            second.start,
            second.end,
        )
        if first.paragraph == second.paragraph and second.start < first.end and not same:
            note = by_id[second_id]
            problems.append(
                Problem(
                    note.where.path,
                    note.line_of("target"),
                    f"the quote overlaps the quote of note '{first_id}' in paragraph {first.paragraph}",
                    "quote other words, or exactly the same words as that note",
                )
            )
    for note_id, anchor in anchors.items():
        for url in BARE_URL.finditer(reading.paragraphs[anchor.paragraph - 1]):
            # inside a link or across its edge: its footnote marker would sit in the link
            overlaps = anchor.start < url.end() and url.start() < anchor.end
            if overlaps and not (anchor.start <= url.start() and url.end() <= anchor.end):
                note = by_id[note_id]
                problems.append(
                    Problem(
                        note.where.path,
                        note.line_of("target"),
                        f"the quote begins or ends inside the link {url.group(0)}",
                        "quote the whole link, or words outside it",
                    )
                )
        for placed_correction in reading.corrections_in(anchor.paragraph):
            span = (placed_correction.reading_start, placed_correction.reading_end)
            if crossing((anchor.start, anchor.end), span):
                note = by_id[note_id]
                problems.append(
                    Problem(
                        note.where.path,
                        note.line_of("target"),
                        "the quote begins or ends inside the corrected words "
                        f"“{placed_correction.correction.corrected}”",
                        "start and end the quote on whole words",
                    )
                )
    return anchors, problems
