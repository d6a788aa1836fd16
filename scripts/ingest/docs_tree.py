"""Checks of the docs tree itself: files the build would skip, override or fail on.

These need no rendering, so ``make check`` runs them with everything else and never
says "ok" where the build would fail.
"""

from __future__ import annotations

from pathlib import Path

from scripts.ingest.load import read_text
from scripts.model import VERDICTS
from scripts.problems import Problem

# The line of docs/index.md where the build puts the essay's reading text.
READING_TEXT_MARKER = "<!-- reading-text -->"
ESSAY_PATH = "docs/index.md"
# The page that defines each verdict; every verdict badge links to its definition there.
METHOD_PATH = "docs/how-we-check.md"
BUILT_INDEXES = {"docs/notes": "Notes", "docs/glossary": "Glossary"}


def check_folders(root: Path, folders: tuple[str, ...]) -> list[Problem]:
    """One file per note or term, directly in its folder; the folder's index page is built."""
    problems = []
    for folder in folders:
        base = root / folder
        for path in sorted(base.rglob("*")):
            relative = path.relative_to(root).as_posix()
            if path.is_file() and path.parent != base:
                problems.append(
                    Problem(
                        relative,
                        1,
                        f"files in a subfolder of {folder}/ are not read as "
                        f"{'notes' if folder.endswith('notes') else 'terms'}",
                        f"move it to {folder}/{path.name} (one file per entry, no subfolders)",
                    )
                )
            elif path.name == "index.md" and path.parent == base:
                problems.append(
                    Problem(
                        relative,
                        1,
                        f"the {BUILT_INDEXES.get(folder, 'index')} page is built from the files "
                        "in this folder, so this file would be replaced",
                        "remove it; write its words in the notes or terms themselves",
                    )
                )
    return problems


def check_reading_text_marker(root: Path) -> list[Problem]:
    text, problems = read_text(root, ESSAY_PATH)
    if text is None or READING_TEXT_MARKER in text:
        return problems
    return [
        *problems,
        Problem(
            ESSAY_PATH,
            1,
            f"the line {READING_TEXT_MARKER} is missing",
            "put it back where the essay's reading text should appear",
        ),
    ]


def verdict_anchor(verdict: str) -> str:
    return "verdict-" + verdict.replace(" ", "-")


def check_verdict_definitions(root: Path) -> list[Problem]:
    """The method page defines every verdict under its own address (``#verdict-<slug>``)."""
    text, problems = read_text(root, METHOD_PATH)
    if text is None:
        return problems
    return [
        Problem(
            METHOD_PATH,
            1,
            f"the verdict '{verdict}' has no definition here",
            f"add a heading such as '### {verdict.capitalize()} {{ #{verdict_anchor(verdict)} }}' "
            "followed by one or two sentences that define it",
        )
        for verdict in VERDICTS
        if f"#{verdict_anchor(verdict)} " not in text
        and f"#{verdict_anchor(verdict)}}}" not in text
    ]
