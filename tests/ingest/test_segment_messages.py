"""The one section message test_segment.py does not show: a start that opens two paragraphs."""

from __future__ import annotations

from scripts.ingest.segment import resolve_sections
from scripts.model import ReadingText, SectionSpec, Where


def test_a_start_that_opens_two_paragraphs_is_ambiguous() -> None:
    reading = ReadingText(("Then one.", "Then two.", "Three."), ())
    spec = SectionSpec("a", "A", "Then", Where("docs/edition/sections.yml", 3))
    _, problems = resolve_sections(reading, [spec])
    assert [p.message for p in problems] == ["the start “Then” opens paragraphs 1, 2"]
    assert problems[0].line == 3
