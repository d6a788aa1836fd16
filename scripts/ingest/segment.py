"""Stage 4, segment: resolve editorial sections to the paragraphs they span.

A section names the opening words of its first paragraph, so that the data
reads like the essay; paragraph numbers themselves come from the seed's lines.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from scripts.model import ReadingText, Section, SectionSpec
from scripts.problems import Problem


class _Openings:
    """Paragraphs sorted by their text, to find those that start with given words quickly."""

    def __init__(self, reading: ReadingText) -> None:
        self.sorted = sorted((text, n) for n, text in enumerate(reading.paragraphs, start=1))
        self.texts = [text for text, _ in self.sorted]

    def starting_with(self, opening: str) -> list[int]:
        found = []
        for text, number in self.sorted[bisect.bisect_left(self.texts, opening) :]:
            if not text.startswith(opening):
                break
            found.append(number)
        return sorted(found)


def resolve_sections(
    reading: ReadingText, specs: Sequence[SectionSpec]
) -> tuple[list[Section], list[Problem]]:
    problems: list[Problem] = []
    firsts: list[tuple[int, SectionSpec]] = []
    openings = _Openings(reading)
    for spec in specs:
        matches = openings.starting_with(spec.start)
        where = spec.where
        if len(matches) == 1:
            firsts.append((matches[0], spec))
            continue
        if matches:
            problems.append(
                Problem(
                    where.path,
                    where.line,
                    f"the start “{spec.start}” opens paragraphs {', '.join(map(str, matches))}",
                    "quote more of the paragraph's opening words so that only one matches",
                )
            )
            continue
        inside = [n for n, text in enumerate(reading.paragraphs, start=1) if spec.start in text]
        hint = (
            f"“{spec.start}” is inside paragraph {inside[0]}, not at its start; " if inside else ""
        )
        problems.append(
            Problem(
                where.path,
                where.line,
                f"the section '{spec.id}' starts at “{spec.start}”, which does not begin a paragraph",
                hint + "copy the first words of the paragraph where the section should begin",
            )
        )
    if problems:
        return [], problems
    for (first, spec), (previous_first, previous) in zip(firsts[1:], firsts, strict=False):
        if first <= previous_first:
            problems.append(
                Problem(
                    spec.where.path,
                    spec.where.line,
                    f"the section '{spec.id}' starts at paragraph {first}, not after "
                    f"'{previous.id}' (paragraph {previous_first})",
                    "list the sections in the order of the essay, each at a different paragraph",
                )
            )
    if firsts and firsts[0][0] != 1:
        spec = firsts[0][1]
        problems.append(
            Problem(
                spec.where.path,
                spec.where.line,
                f"the first section starts at paragraph {firsts[0][0]}, so paragraphs before it "
                "belong to no section",
                "begin the first section at the essay's first paragraph",
            )
        )
    if problems or not firsts:  # no sections yet: the essay reads as one part
        return [], problems
    lasts = [first - 1 for first, _ in firsts[1:]] + [len(reading.paragraphs)]
    return [
        Section(spec.id, spec.title, first, last)
        for (first, spec), last in zip(firsts, lasts, strict=True)
    ], []
