"""Start a new edition from an essay: ``python -m scripts new-edition ESSAY [--title T]``.

The seed is replaced and its checksums recorded; the editorial data is emptied to a valid
minimal state (one section, no corrections, notes, terms or sources); the address registry
starts afresh, since the old one belongs to the old site; the essay page, About and the
edition metadata are written from templates that name nothing of the old essay; and the
old edition's own tests (tests/edition/) go, since they hold the old essay's content.
The method page (docs/how-we-check.md) is the edition's policy and is kept: what it says of
one edition (the dispute form's address, the log of changes to the scale) comes from the
edition's data and mkdocs.yml, and the log starts empty; text it marks as this edition's own
(between ``<!-- edition-specific -->`` and ``<!-- /edition-specific -->``: examples drawn from
the old essay's notes, a disclosure about its subject) goes from every kept page. The edition starts with no sections,
so that no section address is registered before an editor chose one, and with an empty
history (``git_history.EDITION_START``); seeds/README.md describes the new seed.

``starter_files`` is pure, and the tool's tests build their synthetic editions with it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from scripts.ingest import load
from scripts.ingest.git_history import EDITION_START
from scripts.ingest.pipeline import (
    CORRECTIONS_PATH,
    ESSAY_INFO_PATH,
    GLOSSARY_DIR,
    NOTES_DIR,
    REDIRECTS_PATH,
    SCALE_LOG_PATH,
    SECTIONS_PATH,
    SOURCES_PATH,
)
from scripts.problems import Problem
from scripts.render.meta import PROVENANCE_MARKER
from scripts.site.addresses import REGISTRY_PATH

EDITION_TESTS = "tests/edition"
ESSAY_HINT = "give a UTF-8 text file with the essay, one paragraph per line"


def _yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def seed_readme(essay: str, title: str, sha256: str) -> str:
    """seeds/README.md for the new essay: what the seed is, and how it is kept."""
    lines = essay.count("\n") + 1
    return (
        "# The seed: the essay, verbatim\n\n"
        f"`essay.txt` is the essay *{title}* exactly as the edition received it: {lines} "
        f"line{'s' if lines != 1 else ''}, one per paragraph, UTF-8, no final newline "
        f"(SHA-256 `{sha256}`). What is known of where and when it appeared is recorded in "
        "`docs/edition/edition.yml`; say here where this copy was taken from.\n\n"
        "This file is never edited. Slips in it are corrected in\n"
        "`docs/edition/corrections.yml`, and the site shows each correction with the\n"
        "original reading beside it.\n\n"
        "Every build checks the file against two records:\n\n"
        "- `essay.txt.sha256`: the SHA-256 of the whole file (`sha256sum -c` reads it);\n"
        "- `essay.lines.sha256`: the SHA-256 of each line, so that a changed file is\n"
        "  reported line by line.\n\n"
        "To accept a new revision of the source (the author republished it), replace\n"
        "`essay.txt`, run `make accept-seed`, check that the corrections still apply\n"
        "(`make check`), and commit the three files together with a message that says\n"
        "where the new revision comes from.\n\n"
        "`edition-start.txt` marks where this edition began: the Edition history lists the\n"
        "changes from the commit that wrote it. Leave it as it is.\n"
    )


def starter_files(essay: str, title: str) -> dict[str, str]:
    """Every file of a minimal, valid edition of ``essay``, by path."""
    whole, per_line = load.seed_manifest(essay)
    return {
        load.SEED_PATH: essay,
        load.CHECKSUM_PATH: whole,
        load.LINES_PATH: per_line,
        CORRECTIONS_PATH: "# yaml-language-server: $schema=../../schemas/corrections.schema.json\n"
        "# Slips in the essay, each corrected in the reading text (see CONTRIBUTING.md).\n[]\n",
        SECTIONS_PATH: "# yaml-language-server: $schema=../../schemas/sections.schema.json\n"
        "# The editor's sections; each starts at a paragraph's opening words. None yet: the\n"
        "# essay reads as one part until the first is added (see CONTRIBUTING.md).\n[]\n",
        SCALE_LOG_PATH: "# yaml-language-server: $schema=../../schemas/scale-log.schema.json\n"
        "# Changes to the verdict scale of How we check, oldest first (see CONTRIBUTING.md).\n"
        "[]\n",
        "seeds/README.md": seed_readme(essay, title, whole.split()[0]),
        EDITION_START: f"The edition of “{title}” starts with the commit that wrote this file.\n",
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
        "Show original readings inline</label>\n"
        '<label class="ed-switch"><input type="checkbox" id="ed-markers-only-switch"> '
        "Markers only (no underlines)</label>\n\n<!-- reading-text -->\n",
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
    for page in sorted((root / "docs").glob("*.md")):
        if not page.is_symlink():
            kept = page.read_text(encoding="utf-8")
            page.write_text(without_edition_specific(kept), encoding="utf-8")
    config = root / "mkdocs.yml"
    if config.exists():
        config.write_text(site_config(config.read_text(encoding="utf-8"), title), encoding="utf-8")
    return []


EDITION_SPECIFIC = re.compile(r"<!-- edition-specific -->.*?<!-- /edition-specific -->", re.DOTALL)


def without_edition_specific(page: str) -> str:
    """A kept hand-written page without what it says of the old edition only."""
    return EDITION_SPECIFIC.sub("", page)


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
