"""The essay's weight budget: its first load against the plain essay, and our own assets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.render_essay import NOTE_TEXTS_FILE

from .conftest import ROOT, SUMMARY, mkdocs_build
from .html import parse
from .weight import OWN_ASSETS_BUDGET, PAGE_BUDGET, essay_weight, first_load, write_plain_project


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plain")
    config = write_plain_project(folder, (ROOT / "seeds/essay.txt").read_text(encoding="utf-8"))
    site = folder / "site"
    result = mkdocs_build(folder, site, config=config)
    assert result.returncode == 0, result.stderr
    return site


def test_essay_first_load_stays_within_budget(built_site: Path, plain_site: Path) -> None:
    weight = essay_weight(built_site, plain_site, [NOTE_TEXTS_FILE])
    SUMMARY.append("Essay page weight (gzip bytes):")
    SUMMARY.extend(weight.table().splitlines())
    assert weight.ratio <= PAGE_BUDGET, weight.table()
    assert weight.own <= OWN_ASSETS_BUDGET, weight.table()
    # Beyond the plain page's files: our CSS and JS, and the theme's palette (dark mode).
    extra = set(weight.annotated) - set(weight.plain)
    unexpected = sorted(
        n for n in extra if not re.match(r"assets/(edition\.|stylesheets/palette\.)", n)
    )
    assert not unexpected, f"the essay loads files the plain page does not: {unexpected}"


def test_first_load_counts_every_file_the_page_asks_for(built_site: Path) -> None:
    """The measure itself: each stylesheet, script and icon of the page is counted."""
    loaded = first_load(built_site, "index.html")
    tree = parse(built_site / "index.html")
    asked = [n.attributes.get("href") for n in tree.css("link[rel=stylesheet], link[rel=icon]")]
    asked += [n.attributes.get("src") for n in tree.css("script[src]")]
    assert len(asked) == len(loaded) - 2  # besides: the page itself and the search worker
    assert all(size > 0 for size in loaded.values())
