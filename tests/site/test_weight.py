"""The essay page's weight budget: its first load against the plain essay, and our own assets.

Measured here on the synthetic edition (the tool's cost on a short essay with notes, terms
and corrections); tests/edition/test_weight.py holds this edition's essay to the same budget.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.ingest import load
from scripts.render.essay import NOTE_TEXTS_FILE

from ..conftest import SUMMARY, mkdocs_build
from ..html import parse
from ..weight import (
    OWN_ASSETS_BUDGET,
    PAGE_BUDGET,
    Weight,
    essay_weight,
    first_load,
    gzip_size,
    write_plain_project,
)


def plain_site_of(tmp_path_factory: pytest.TempPathFactory, essay: str) -> Path:
    """The same essay as plain Markdown under the bare theme, built by MkDocs."""
    folder = tmp_path_factory.mktemp("plain")
    config = write_plain_project(folder, essay)
    site = folder / "site"
    result = mkdocs_build(folder, site, config=config)
    assert result.returncode == 0, result.stderr
    return site


def check_weight(site: Path, plain_site: Path) -> Weight:
    """The essay's first load within the budgets, and no file the plain page does not load
    beyond our CSS and JS and the theme's palette (dark mode)."""
    weight = essay_weight(site, plain_site, [NOTE_TEXTS_FILE])
    assert weight.ratio <= PAGE_BUDGET, weight.table()
    assert weight.own <= OWN_ASSETS_BUDGET, weight.table()
    extra = set(weight.annotated) - set(weight.plain)
    unexpected = sorted(
        n for n in extra if not re.match(r"assets/(edition\.|stylesheets/palette\.)", n)
    )
    assert not unexpected, f"the essay loads files the plain page does not: {unexpected}"
    return weight


def test_essay_first_load_stays_within_budget(
    built_site: Path, synthetic_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    essay = (synthetic_root / load.SEED_PATH).read_text(encoding="utf-8")
    weight = check_weight(built_site, plain_site_of(tmp_path_factory, essay))
    SUMMARY.append("Synthetic essay page weight (gzip bytes):")
    SUMMARY.extend(weight.table().splitlines())


def test_first_load_counts_every_file_the_page_asks_for(built_site: Path) -> None:
    """The measure itself: each stylesheet, script and icon of the page is counted."""
    loaded = first_load(built_site, "index.html")
    tree = parse(built_site / "index.html")
    asked = [n.attributes.get("href") for n in tree.css("link[rel=stylesheet], link[rel=icon]")]
    asked += [n.attributes.get("src") for n in tree.css("script[src]")]
    # Besides: the page itself, the search worker and the search index, which the theme
    # fetches as it starts; the edition's pages hold the index until search is wanted.
    assert len(asked) == len(loaded) - 3
    assert "search/search_index.json" in loaded
    held = first_load(built_site, "index.html", index_at_start=False)
    assert set(loaded) - set(held) == {"search/search_index.json"}
    assert all(size > 0 for size in loaded.values())


def test_without_the_script_the_first_load_is_lighter_than_the_plain_essay(
    built_site: Path, synthetic_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A reader without JavaScript loads no script, but the stylesheet a <noscript> imports
    (the terms' definitions, which the script brings after load otherwise): that first
    load stays under the plain essay's own (which loads the theme's script)."""
    essay = (synthetic_root / load.SEED_PATH).read_text(encoding="utf-8")
    plain = first_load(plain_site_of(tmp_path_factory, essay), "index.html")
    loaded = {
        n: s
        for n, s in first_load(built_site, "index.html", index_at_start=False).items()
        if not n.endswith(".js")
    }
    imported = [
        url
        for node in parse(built_site / "index.html").css("head noscript")
        for url in re.findall(r'@import url\("([^"]+)"\)', node.text())
    ]
    assert imported, "no stylesheet for readers without JavaScript"
    for url in imported:
        loaded[url] = gzip_size(built_site / url)
    assert sum(loaded.values()) <= sum(plain.values()), (loaded, plain)
