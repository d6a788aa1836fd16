"""Golden tests: the generated Markdown of each page, compared with tests/golden/.

After an intended change, regenerate with ``pytest tests/test_golden.py --update-golden``
and review the diff like any other change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scripts import render_essay, render_pages
from scripts.git_history import Version
from scripts.pipeline import Edition
from scripts.render_meta import Site

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"

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


@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_markdown_matches_golden(
    name: str, edition: Edition, update_golden: bool
) -> None:
    actual = PAGES[name](edition)
    golden = GOLDEN / name
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run pytest --update-golden"
    assert actual == golden.read_text(encoding="utf-8")
