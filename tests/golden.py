"""Golden files: the generated Markdown of the essay, Corrections and Original text pages,
and every export format.

The tool's golden files (tests/golden/) hold the synthetic edition's pages, this edition's
(tests/edition/golden/) its own. After an intended change, regenerate both with
``pytest --update-golden`` and review the diff like any other change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from scripts import render_essay, render_pages
from scripts.exports import bibliography, bibtex, cff, csl_json, hypothesis, ris, tei
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
    # Export formats (scripts/exports/): one golden file each.
    "sources.csl.json": lambda e: csl_json.render(bibliography.bibliography(e)),
    "sources.bib": lambda e: bibtex.render(bibliography.bibliography(e)),
    "sources.ris": lambda e: ris.render(bibliography.bibliography(e)),
    "CITATION.cff": lambda e: cff.render(e.info, SITE),
    "edition.tei.xml": lambda e: tei.render(e, SITE),
    "notes.hypothesis.json": lambda e: hypothesis.render(e, SITE),
}


def compare_with_golden(name: str, edition: Edition, folder: Path, update: bool) -> None:
    actual = PAGES[name](edition)
    golden = folder / name
    if update:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run pytest --update-golden"
    assert actual == golden.read_text(encoding="utf-8")
