"""Stage 3, correct: place each recorded slip in the seed and build the reading text.

``apply_corrections`` and ``restore_seed`` are exact inverses: the reading text
plus the apparatus gives back the seed byte for byte (tested with hypothesis).
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Correction, PlacedCorrection, ReadingText, Seed
from .problems import Problem


def occurrences(text: str, needle: str) -> list[int]:
    """Every start index of ``needle`` in ``text``, overlapping ones included."""
    found, start = [], text.find(needle)
    while needle and start != -1:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def locate_correction(seed: Seed, correction: Correction) -> tuple[int | None, Problem | None]:
    """The seed offset of a correction's original reading, or the problem that prevents it."""
    paragraph = seed.paragraphs[correction.paragraph - 1]
    context = correction.prefix + correction.original + correction.suffix
    hits = occurrences(paragraph, context)
    where = correction.where
    shown = f"“{context}”"
    if len(hits) == 1:
        return hits[0] + len(correction.prefix), None
    if hits:
        return None, Problem(
            where.path,
            where.line,
            f"the original reading {shown} occurs {len(hits)} times in paragraph {correction.paragraph}",
            "add a few neighbouring words as 'prefix' or 'suffix' so that it occurs once",
        )
    elsewhere = [n for n, text in enumerate(seed.paragraphs, start=1) if context in text]
    if elsewhere:
        fix = f"it is in paragraph {', '.join(map(str, elsewhere))}: correct 'paragraph'"
    else:
        fix = f"copy the words exactly from line {correction.paragraph} of seeds/essay.txt"
    return None, Problem(
        where.path,
        where.line,
        f"the original reading {shown} is not in paragraph {correction.paragraph}",
        fix,
    )


def check_kept_readings(seed: Seed, kept: Sequence[Correction]) -> list[Problem]:
    """A reading considered and kept must still point at the author's words, exactly once."""
    return [problem for c in kept if (problem := locate_correction(seed, c)[1]) is not None]


def apply_corrections(
    paragraph: str, spans: Sequence[tuple[int, int, str]]
) -> tuple[str, list[int]]:
    """Replace non-overlapping ``(start, end, replacement)`` spans; return the text and new starts."""
    pieces, starts, cursor, length = [], [], 0, 0
    for start, end, replacement in sorted(spans):
        kept = paragraph[cursor:start]
        pieces += [kept, replacement]
        starts.append(length + len(kept))
        length += len(kept) + len(replacement)
        cursor = end
    pieces.append(paragraph[cursor:])
    return "".join(pieces), starts


def build_reading_text(
    seed: Seed, corrections: Sequence[Correction]
) -> tuple[ReadingText, list[Problem]]:
    """Place every correction, refuse overlaps, and apply them paragraph by paragraph."""
    problems: list[Problem] = []
    located: dict[int, list[tuple[int, Correction]]] = {}
    for correction in corrections:
        start, problem = locate_correction(seed, correction)
        if problem is not None or start is None:
            problems.append(problem)  # type: ignore[arg-type]
            continue
        located.setdefault(correction.paragraph, []).append((start, correction))
    placed: list[PlacedCorrection] = []
    paragraphs = list(seed.paragraphs)
    for number, items in sorted(located.items()):
        items.sort(key=lambda item: (item[0], item[1].id))
        clean: list[tuple[int, Correction]] = []
        for start, correction in items:
            if clean and start < clean[-1][0] + len(clean[-1][1].original):
                other = clean[-1][1]
                problems.append(
                    Problem(
                        correction.where.path,
                        correction.where.line,
                        f"this correction overlaps '{other.id}' (line {other.where.line}) "
                        f"in paragraph {number}",
                        "merge the two into one correction, or narrow them so they do not overlap",
                    )
                )
                continue
            clean.append((start, correction))
        text, reading_starts = apply_corrections(
            paragraphs[number - 1],
            [(s, s + len(c.original), c.corrected) for s, c in clean],
        )
        paragraphs[number - 1] = text
        placed += [
            PlacedCorrection(c, s, r) for (s, c), r in zip(clean, reading_starts, strict=True)
        ]
    return ReadingText(tuple(paragraphs), tuple(placed)), problems


def restore_paragraph(paragraph: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """Inverse of ``apply_corrections``: put each original back over its corrected span."""
    text = paragraph
    for start, end, original in sorted(spans, reverse=True):
        text = text[:start] + original + text[end:]
    return text


def restore_seed(reading: ReadingText) -> str:
    """The verbatim seed, rebuilt from the reading text and the apparatus alone."""
    paragraphs = [
        restore_paragraph(
            text,
            [
                (p.reading_start, p.reading_end, p.correction.original)
                for p in reading.corrections_in(number)
            ],
        )
        for number, text in enumerate(reading.paragraphs, start=1)
    ]
    return "\n".join(paragraphs)
