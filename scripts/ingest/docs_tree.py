"""Checks of the docs tree itself: files the build would skip, override or fail on.

These need no rendering, so ``make check`` runs them with everything else and never
says "ok" where the build would fail.
"""

from __future__ import annotations

import os
from pathlib import Path

from scripts.ingest import schema
from scripts.ingest.load import parse_front_matter, read_text
from scripts.model import VERDICTS
from scripts.problems import Problem

# The line of docs/index.md where the build puts the essay's reading text.
READING_TEXT_MARKER = "<!-- reading-text -->"
ESSAY_PATH = "docs/index.md"
# The page that defines each verdict; every verdict badge links to its definition there.
METHOD_PATH = "docs/how-we-check.md"
BUILT_INDEXES = {"docs/notes": "Notes", "docs/glossary": "Glossary"}
# Only what an edition is made of is published. Folders that may hold no symbolic link
# (a link could publish any file of the machine that builds the site):
NO_LINKS = ("docs", "seeds", "overrides")
ENTRY_FOLDERS = ("docs/notes", "docs/glossary")  # <slug>.md only
ASSETS = "docs/assets"
# Static files an edition may publish, from docs/assets/ only: styles, scripts of the
# maintainers, fonts and raster images (no SVG, HTML or other file a browser runs).
ASSET_TYPES = frozenset({".css", ".js", ".woff2", ".png", ".jpg", ".jpeg", ".webp", ".ico"})


def check_published_files(root: Path) -> list[Problem]:
    """Symbolic links refused under docs/, seeds/ and overrides/; docs/ holds pages (.md),
    the edition's data (docs/edition/*.yml), <slug>.md entries and allowed static files."""
    problems = []
    for top in NO_LINKS:
        base = root / top
        if base.is_symlink():
            problems.append(_link_problem(top))
            continue
        for folder, dirs, files in os.walk(base):  # never follows a link
            for name in sorted(dirs + files):
                path = Path(folder) / name
                relative = path.relative_to(root).as_posix()
                if path.is_symlink():
                    problems.append(_link_problem(relative))
                elif top == "docs" and name in files:
                    problems += _docs_file_problems(relative)
            dirs[:] = [d for d in dirs if not (Path(folder) / d).is_symlink()]
    return problems


def _link_problem(relative: str) -> Problem:
    return Problem(
        relative,
        1,
        "a symbolic link; the build publishes only files of the edition itself",
        "replace it with the file it points at, or remove it",
    )


def _docs_file_problems(relative: str) -> list[Problem]:
    folder, _, name = relative.rpartition("/")
    if folder in ENTRY_FOLDERS:
        if name.endswith(".md"):
            return []  # a bad slug or an index.md has its own message
        what = "notes" if folder.endswith("notes") else "terms"
        return [
            Problem(
                relative,
                1,
                f"only <name>.md files are read in {folder}/, and this file would be published "
                "as it is",
                f"remove it; {what} are Markdown files named after their id",
            )
        ]
    if folder.startswith(("docs/notes/", "docs/glossary/")):
        return []  # a file in a subfolder: check_folders says so
    suffix = Path(name).suffix.lower()
    if folder == "docs" and suffix == ".md":
        return []
    if folder == "docs/edition" and suffix == ".yml":
        return []
    if (folder == ASSETS or folder.startswith(ASSETS + "/")) and suffix in ASSET_TYPES:
        return []
    return [
        Problem(
            relative,
            1,
            "this file would be published as it is, and the edition publishes only its pages, "
            "its data and static files of known types",
            "remove it; pages are .md files in docs/, and styles, scripts, fonts and images "
            f"({', '.join(sorted(ASSET_TYPES))}) go in {ASSETS}/",
        )
    ]


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


def check_page_front_matter(root: Path) -> list[Problem]:
    """A hand-written page (docs/*.md) is contributed data: it must read cleanly (no hidden
    characters), and its front matter may set only what the templates show as plain text
    (schema.PAGE), never what the compiler writes for them (an edit link, structured
    data), which the templates print as it is."""
    problems: list[Problem] = []
    for path in sorted((root / "docs").glob("*.md")):
        relative = f"docs/{path.name}"
        if path.is_symlink():
            continue  # check_published_files names it
        text, found = read_text(root, relative)
        # The essay's page and the method page are read, and their problems named, by the
        # checks above; every other page's (a hidden character, bad encoding) only here.
        if relative not in (ESSAY_PATH, METHOD_PATH):
            problems += found
        if text is None or not text.startswith("---"):
            continue
        record, found = parse_front_matter(relative, text)
        problems += found
        if record is not None:
            problems += schema.check(record, schema.SCHEMAS["page"])[1]
    return problems
