"""The whole pipeline, read top to bottom: seed + data files -> one validated ``Edition``.

Every stage returns its problems instead of raising, so that a contributor sees
all of them at once; ``build_edition`` raises a single ``EditionError`` at the end.
"""

from __future__ import annotations

from pathlib import Path

from scripts.ingest import anchor, correct, docs_tree, load, segment, site_config, validate
from scripts.ingest.terms import build_matcher, find_occurrences
from scripts.model import (
    Edition,
    Note,
    ScaleChange,
    Term,
)
from scripts.problems import EditionError, Problem

CORRECTIONS_PATH = "docs/edition/corrections.yml"
SECTIONS_PATH = "docs/edition/sections.yml"
SOURCES_PATH = "docs/edition/sources.yml"
REDIRECTS_PATH = "docs/edition/redirects.yml"
SCALE_LOG_PATH = "docs/edition/scale-log.yml"  # optional: no file, no change to the scale yet
ESSAY_INFO_PATH = "docs/edition/edition.yml"
REGISTRY_PATH = "addresses.txt"
NOTES_DIR = "docs/notes"
GLOSSARY_DIR = "docs/glossary"


def _records(root: Path, relative: str) -> tuple[list[load.Record] | None, list[Problem]]:
    """The entries of a YAML list file; None when the file cannot be read at all."""
    text, problems = load.read_text(root, relative)
    if text is None:
        return None, problems
    records, found = load.parse_record_list(relative, text)
    unreadable = any(p.message.startswith("the YAML cannot be read") for p in found) or (
        not records and bool(found)  # not a list at all
    )
    return (None if unreadable else records), problems + found


def _pages(root: Path, folder: str) -> list[tuple[str, str, load.Record | None, list[Problem]]]:
    """(slug, src_uri, record, problems) for every Markdown page in a folder, sorted by name."""
    pages = []
    for path in sorted((root / folder).glob("*.md")):
        if path.name == "index.md" or path.is_symlink():
            continue  # refused by docs_tree.check_folders, check_published_files
        relative = f"{folder}/{path.name}"
        text, problems = load.read_text(root, relative)
        record = None
        if text is not None:
            record, found = load.parse_front_matter(relative, text)
            problems += found
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

    text, found = load.read_text(root, ESSAY_INFO_PATH)
    problems += found
    record, found = load.parse_mapping(ESSAY_INFO_PATH, text) if text is not None else (None, [])
    problems += found
    info, found = validate.validate_essay_info(record)
    problems += found

    problems += docs_tree.check_published_files(root)
    problems += site_config.config_problems(root)
    problems += docs_tree.check_folders(root, (NOTES_DIR, GLOSSARY_DIR))
    problems += docs_tree.check_reading_text_marker(root)
    problems += docs_tree.check_verdict_definitions(root)
    problems += docs_tree.check_page_front_matter(root)
    edited = load.edited_files(root)

    records, found = _records(root, CORRECTIONS_PATH)
    problems += found
    recorded, found = validate.validate_corrections(records or [], len(seed.paragraphs))
    problems += found
    corrections = [c for c in recorded if not c.kept]
    kept_readings = [c for c in recorded if c.kept]
    problems += correct.check_kept_readings(seed, kept_readings)
    reading, found = correct.build_reading_text(seed, corrections)
    # Stages that read the reading text would only echo a broken corrections file.
    reading_is_complete = not problems and not found
    problems += found

    records, found = _records(root, SECTIONS_PATH)
    problems += found
    specs, found = validate.validate_sections(records or [])
    problems += found
    sections, found = (
        segment.resolve_sections(reading, specs)
        if reading_is_complete and records is not None  # an unreadable file: one message
        else ([], [])
    )
    problems += found

    records, found = _records(root, SOURCES_PATH)
    problems += found
    sources, found = validate.validate_sources(records or [])
    problems += found
    # Every key written in sources.yml, even on an entry with a problem of its own; none at
    # all when the file cannot be read, so that its one problem is not echoed by every note.
    known_sources = (
        None
        if records is None
        else {str(r.fields["key"].value) for r in records if "key" in r.fields}
    )

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
    problems += validate.check_unique_notes(notes_seen, edited)
    anchors, found = anchor.anchor_notes(reading, notes) if reading_is_complete else ({}, [])
    problems += found

    terms: list[Term] = []
    terms_seen: list[Term] = []
    glossary_pages = _pages(root, GLOSSARY_DIR)
    for slug, src_uri, record, found in glossary_pages:
        problems += found
        if record is not None:
            term, found = validate.validate_term(record, slug, src_uri, known_sources)
            problems += found
            if term is not None:
                terms_seen.append(term)
                if not found:
                    terms.append(term)
    matcher, found = build_matcher(terms_seen, edited)
    problems += found
    occurrences = find_occurrences(reading, matcher)
    # Slugs of every glossary file, readable or not, so a broken term is reported only once.
    problems += validate.check_cross_references(
        notes_seen, terms_seen, {slug for slug, *_ in glossary_pages}
    )

    if (root / REGISTRY_PATH).exists():  # read again by the build's registry check
        problems += load.read_text(root, REGISTRY_PATH)[1]

    records, found = _records(root, REDIRECTS_PATH)
    problems += found
    redirects, found = validate.validate_redirects(records or [])
    problems += found

    scale_log: list[ScaleChange] = []
    if (root / SCALE_LOG_PATH).exists():
        records, found = _records(root, SCALE_LOG_PATH)
        problems += found
        scale_log, found = validate.validate_scale_log(
            records or [], {note.id for note in notes_seen}
        )
        problems += found

    if problems or info is None:
        raise EditionError(problems)
    return Edition(
        seed=seed,
        info=info,
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
        kept_readings=tuple(kept_readings),
        scale_log=tuple(scale_log),
    )
