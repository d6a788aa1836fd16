"""Golden files: the generated Markdown of the essay, Corrections and Original text pages
(and, for the synthetic edition, a note's page and the Sources page).

The tool's golden files (tests/golden/) hold the synthetic edition's pages, this edition's
(tests/edition/golden/) its own. After an intended change, regenerate both with
``pytest --update-golden`` and review the diff like any other change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from scripts import render_essay, render_notes, render_pages
from scripts.git_history import Version
from scripts.pipeline import Edition
from scripts.render_meta import Site

# A fixed site and version, so that golden files do not change with every commit.
SITE = Site(
    name="Test edition",
    url="https://example.org/edition/",
    repo_url="https://github.com/example/edition",
    version=Version("2026-01-02", "0123456789abcdef"),
)

PAGES: dict[str, Callable[[Edition], str]] = {
    "essay-reading-text.md": lambda e: render_essay.render_reading_text(e, SITE),
    "corrections.md": render_pages.render_corrections_page,
    "original.md": lambda e: render_pages.render_original_page(e, "0" * 64),
}


def _fact_check_with_evidence(edition: Edition) -> str:
    """The page of the first fact-check (by id) that logs a revision: its citations' evidence,
    its sources with their quotes, and its changes."""
    note = min((n for n in edition.notes if n.revisions), key=lambda n: n.id)
    return render_notes.render_note_page(edition, SITE, note)


# Pages whose golden files only the synthetic edition keeps (tests/golden/).
TOOL_PAGES: dict[str, Callable[[Edition], str]] = {
    "note-with-evidence.md": _fact_check_with_evidence,
    "sources.md": render_notes.render_sources_page,
}


def compare_with_golden(
    name: str,
    edition: Edition,
    folder: Path,
    update: bool,
    pages: dict[str, Callable[[Edition], str]] = PAGES,
) -> None:
    actual = pages[name](edition)
    golden = folder / name
    if update:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run pytest --update-golden"
    assert actual == golden.read_text(encoding="utf-8")
