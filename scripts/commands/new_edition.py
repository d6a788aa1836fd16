"""Start a new edition from an essay: ``python -m scripts new-edition ESSAY [--title T]``.

The seed is replaced and its checksums recorded; the editorial data is emptied to a valid
minimal state (one section, no corrections, notes, terms or sources); the address registry
starts afresh, since the old one belongs to the old site; the essay page, About and the
edition metadata are written from templates that name nothing of the old essay; and the
old edition's own tests (tests/edition/) go, since they hold the old essay's content.
The method page (docs/how-we-check.md) is the edition's policy and is kept.

``starter_files`` is pure, and the tool's tests build their synthetic editions with it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from scripts.ingest import load
from scripts.ingest.pipeline import (
    CORRECTIONS_PATH,
    ESSAY_INFO_PATH,
    GLOSSARY_DIR,
    NOTES_DIR,
    REDIRECTS_PATH,
    SECTIONS_PATH,
    SOURCES_PATH,
)
from scripts.problems import Problem
from scripts.render.meta import PROVENANCE_MARKER
from scripts.site.addresses import REGISTRY_PATH

EDITION_TESTS = "tests/edition"
ESSAY_HINT = "give a UTF-8 text file with the essay, one paragraph per line"
OPENING_WORDS = 6


def _yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def opening_words(paragraph: str, count: int = OPENING_WORDS) -> str:
    return " ".join(paragraph.split()[:count])


def starter_files(essay: str, title: str) -> dict[str, str]:
    """Every file of a minimal, valid edition of ``essay``, by path."""
    first = next(p for p in essay.split("\n") if p.strip())
    whole, per_line = load.seed_manifest(essay)
    return {
        load.SEED_PATH: essay,
        load.CHECKSUM_PATH: whole,
        load.LINES_PATH: per_line,
        CORRECTIONS_PATH: "# yaml-language-server: $schema=../../schemas/corrections.schema.json\n"
        "# Slips in the essay, each corrected in the reading text (see CONTRIBUTING.md).\n[]\n",
        SECTIONS_PATH: "# yaml-language-server: $schema=../../schemas/sections.schema.json\n"
        "# The editor's sections; each starts at a paragraph's opening words.\n"
        f"- id: the-essay\n  title: The essay\n  start: {_yaml_text(opening_words(first))}\n",
        SOURCES_PATH: "# yaml-language-server: $schema=../../schemas/sources.schema.json\n"
        "# Every source a note or a term may cite, each confirmed before it is added.\n[]\n",
        REDIRECTS_PATH: "# yaml-language-server: $schema=../../schemas/redirects.schema.json\n"
        "# Addresses that moved: from the old address to the new one.\n[]\n",
        ESSAY_INFO_PATH: "# yaml-language-server: $schema=../../schemas/edition.schema.json\n"
        "# What is known of the essay. Write unknown for anything not confirmed.\n"
        f"title: {_yaml_text(title)}\n"
        "author: unknown\nvenue: unknown\npublished: unknown\noriginal_url: unknown\n"
        'licence: unknown\neditors: ["The edition\'s contributors"]\n',
        "docs/index.md": "---\ntitle: The essay\ndescription: "
        f"{_yaml_text('The essay ' + title + ', annotated: reading text, notes and glossary.')}"
        f"\n---\n\n# {title}\n\n{PROVENANCE_MARKER}\n\n"
        '<label class="ed-switch"><input type="checkbox" id="ed-show-originals"> '
        "Show original readings inline</label>\n\n<!-- reading-text -->\n",
        "docs/about.md": "---\ndescription: The edition's editorial method.\n---\n\n"
        f"# About this edition\n\n{PROVENANCE_MARKER}\n\n"
        "The reading text is the essay with recorded corrections of clear slips; "
        "[How we check](how-we-check.md) says how notes are written and graded.\n",
        REGISTRY_PATH: "# Every address this edition has published. Never remove a line: when an"
        " address\n# moves, record it in docs/edition/redirects.yml. Add new ones with "
        "'make addresses'.\n",
    }


def new_edition(root: Path, essay_path: Path, title: str) -> list[Problem]:
    """Replace the edition under ``root`` with a fresh one of the essay at ``essay_path``."""
    where = str(essay_path)
    try:
        raw = essay_path.read_bytes()
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        return [Problem(where, 1, f"the essay cannot be read ({reason})", ESSAY_HINT)]
    text, problems = load.decode(where, raw)
    if text is None or problems:
        return problems
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    text = text.rstrip("\n")  # a final newline is not a paragraph
    if not text.strip():
        return [Problem(where, 1, "the essay is empty", ESSAY_HINT)]
    for folder in (NOTES_DIR, GLOSSARY_DIR):
        for page in (root / folder).glob("*.md"):
            page.unlink()
    shutil.rmtree(root / EDITION_TESTS, ignore_errors=True)
    for relative, content in starter_files(text, title).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(content, encoding="utf-8")
    config = root / "mkdocs.yml"
    if config.exists():
        config.write_text(site_config(config.read_text(encoding="utf-8"), title), encoding="utf-8")
    return []


def site_config(config: str, title: str) -> str:
    """mkdocs.yml with the new edition's name and description; everything else kept."""
    name = f"site_name: {_yaml_text(title + ': an annotated edition')}"
    description = f"site_description: {_yaml_text('An annotated edition of ' + title + '.')}"
    config = re.sub(r"^site_name:.*$", lambda _: name, config, count=1, flags=re.M)
    # The description may be folded over several indented lines.
    return re.sub(
        r"^site_description:.*(?:\n[ \t]+.*)*$",
        lambda _: description,
        config,
        count=1,
        flags=re.M,
    )


def title_from(essay_path: Path) -> str:
    """A title from the file's name (my-essay.txt -> My essay) when none is given."""
    words = re.sub(r"[-_]+", " ", essay_path.stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled essay"
