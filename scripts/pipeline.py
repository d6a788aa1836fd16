"""The whole pipeline, read top to bottom: seed + data files -> one validated ``Edition``.

Every stage returns its problems instead of raising, so that a contributor sees
all of them at once; ``build_edition`` raises a single ``EditionError`` at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import anchor, correct, link, load, segment, validate
from .model import (
    Anchor,
    Correction,
    Note,
    Occurrence,
    ReadingText,
    Redirect,
    Section,
    Seed,
    Source,
    Term,
)
from .problems import EditionError, Problem

CORRECTIONS_PATH = "docs/edition/corrections.yml"
SECTIONS_PATH = "docs/edition/sections.yml"
SOURCES_PATH = "docs/edition/sources.yml"
REDIRECTS_PATH = "docs/edition/redirects.yml"
NOTES_DIR = "docs/notes"
GLOSSARY_DIR = "docs/glossary"


@dataclass(frozen=True)
class Edition:
    """Everything the render stage needs, already checked."""

    seed: Seed
    reading: ReadingText
    corrections: tuple[Correction, ...]
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    notes: tuple[Note, ...]
    anchors: dict[str, Anchor]
    terms: tuple[Term, ...]
    occurrences: tuple[Occurrence, ...]
    redirects: tuple[Redirect, ...]
    warnings: tuple[Problem, ...]

    def source(self, key: str) -> Source:
        return next(s for s in self.sources if s.key == key)

    @property
    def short_labels(self) -> dict[str, str]:
        return {s.key: s.short for s in self.sources}

    def term(self, slug: str) -> Term:
        return next(t for t in self.terms if t.slug == slug)


def _records(root: Path, relative: str) -> tuple[list[load.Record], list[Problem]]:
    return load.parse_record_list(relative, load.read_text(root, relative))


def _pages(root: Path, folder: str) -> list[tuple[str, str, load.Record | None, list[Problem]]]:
    """(slug, src_uri, record, problems) for every Markdown page in a folder, sorted by name."""
    pages = []
    for path in sorted((root / folder).glob("*.md")):
        if path.name == "index.md":
            continue
        relative = f"{folder}/{path.name}"
        record, problems = load.parse_front_matter(relative, path.read_text(encoding="utf-8"))
        src_uri = relative.removeprefix("docs/")
        pages.append((path.stem, src_uri, record, problems))
    return pages


def build_edition(root: Path) -> Edition:
    """Load, validate, correct, segment, anchor and link; raise once with every problem."""
    problems: list[Problem] = []
    seed, found = load.load_seed(root)
    problems += found
    if seed is None:
        raise EditionError(problems)

    records, found = _records(root, CORRECTIONS_PATH)
    problems += found
    corrections, found = validate.validate_corrections(records, len(seed.paragraphs))
    problems += found
    reading, found = correct.build_reading_text(seed, corrections)
    # Stages that read the reading text would only echo a broken corrections file.
    reading_is_complete = not problems and not found
    problems += found

    records, found = _records(root, SECTIONS_PATH)
    problems += found
    specs, found = validate.validate_sections(records)
    problems += found
    sections, found = segment.resolve_sections(reading, specs) if reading_is_complete else ([], [])
    problems += found

    records, found = _records(root, SOURCES_PATH)
    problems += found
    sources, found = validate.validate_sources(records)
    problems += found
    known_sources = {s.key for s in sources}

    # Notes and terms with problems still take part in cross-reference checks, so that
    # one run reports everything; only clean ones go on to the next stages.
    notes: list[Note] = []
    notes_seen: list[Note] = []
    for _slug, src_uri, record, found in _pages(root, NOTES_DIR):
        problems += found
        if record is not None:
            note, found = validate.validate_note(record, src_uri, known_sources)
            problems += found
            if note is not None:
                notes_seen.append(note)
                if not found:
                    notes.append(note)
    problems += validate.check_unique_notes(notes_seen)
    anchors, found = anchor.anchor_notes(reading, notes) if reading_is_complete else ({}, [])
    problems += found

    terms: list[Term] = []
    terms_seen: list[Term] = []
    for slug, src_uri, record, found in _pages(root, GLOSSARY_DIR):
        problems += found
        if record is not None:
            term, found = validate.validate_term(record, slug, src_uri, known_sources)
            problems += found
            if term is not None:
                terms_seen.append(term)
                if not found:
                    terms.append(term)
    matcher, found = link.build_matcher(terms_seen)
    problems += found
    occurrences = link.find_occurrences(reading, matcher)
    problems += validate.check_cross_references(notes_seen, terms_seen)

    records, found = _records(root, REDIRECTS_PATH)
    problems += found
    redirects, found = validate.validate_redirects(records)
    problems += found

    if problems:
        raise EditionError(problems)
    return Edition(
        seed=seed,
        reading=reading,
        corrections=tuple(corrections),
        sections=tuple(sections),
        sources=tuple(sources),
        notes=tuple(notes),
        anchors=anchors,
        terms=tuple(terms),
        occurrences=tuple(occurrences),
        redirects=tuple(redirects),
        warnings=tuple(validate.unused_warnings(notes, terms, sources, occurrences)),
    )
