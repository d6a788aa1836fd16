"""Stage 4: sections resolve to paragraph ranges from their opening words."""

from __future__ import annotations

from scripts.ingest.segment import resolve_sections
from scripts.model import ReadingText, Section, SectionSpec, Where

READING = ReadingText(("One two.", "Three four.", "Five six. Three four.", "Seven."), ())


def spec(sid: str, start: str, line: int = 1) -> SectionSpec:
    return SectionSpec(sid, sid.title(), start, Where("docs/edition/sections.yml", line))


def test_sections_cover_the_text_in_order() -> None:
    sections, problems = resolve_sections(READING, [spec("a", "One"), spec("b", "Five six")])
    assert problems == []
    assert sections == [Section("a", "A", 1, 2), Section("b", "B", 3, 4)]


def test_start_inside_a_paragraph_is_refused_with_a_hint() -> None:
    _, problems = resolve_sections(READING, [spec("a", "One"), spec("b", "six. Three", 5)])
    assert [str(p) for p in problems] == [
        "docs/edition/sections.yml:5: the section 'b' starts at “six. Three”, which does not "
        "begin a paragraph; “six. Three” is inside paragraph 3, not at its start; copy the first "
        "words of the paragraph where the section should begin"
    ]


def test_order_and_first_paragraph() -> None:
    _, problems = resolve_sections(READING, [spec("a", "Three", 2), spec("b", "One", 4)])
    assert [str(p) for p in problems] == [
        "docs/edition/sections.yml:4: the section 'b' starts at paragraph 1, not after 'a' "
        "(paragraph 2); list the sections in the order of the essay, each at a different paragraph",
        "docs/edition/sections.yml:2: the first section starts at paragraph 2, so paragraphs "
        "before it belong to no section; begin the first section at the essay's first paragraph",
    ]
