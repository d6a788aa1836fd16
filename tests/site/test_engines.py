"""MkDocs and Zensical render the same compiled tree into the same site, where it matters.

Both builds go through ``make build`` (``python -m scripts build --engine ...``); the
comparison reads both sites with a real HTML parser and names every difference in words:
a page one engine lacks, an anchor, a note's text, a data file, a title, a description,
a canonical or an edit link.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from scripts.model import Edition
from scripts.site.compile import ENGINES

from ..conftest import copy_project, site_build
from ..html import parse
from ..servers import static_host

# Files the compiler writes: each engine copies them, so they must be the same bytes.
DATA_SUFFIXES = (".json", ".jsonld", ".txt")
# Ids that are addresses: paragraphs, notes and their markers, corrections, source lines,
# sections and headings (heading ids come from the same Markdown on both engines).
ANCHOR = re.compile(
    r"^(p\d+|fn:.+|fnref:.+|corr-.+|line-\d+|[a-z0-9][a-z0-9_-]*)$"
)  # not the theme's own (__skip)
# The theme's own search index and assets are each engine's business.
ENGINE_OWN = ("assets/", "search/", "search.json", "sitemap.xml")


def _pages(site: Path) -> set[str]:
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith(ENGINE_OWN)
    }


def _data_files(site: Path) -> set[str]:
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.suffix in DATA_SUFFIXES and not p.relative_to(site).as_posix().startswith(ENGINE_OWN)
    }


def _attribute(tree: object, selector: str, name: str) -> str | None:
    node = tree.css_first(selector)  # type: ignore[attr-defined]
    return None if node is None else node.attributes.get(name)


def _what_matters(page: Path) -> dict[str, object]:
    tree = parse(page)
    article = tree.css_first("article")
    ids = set() if article is None else {n.attributes.get("id") or "" for n in article.css("[id]")}
    title = tree.css_first("title")
    notes = {
        n.attributes.get("id") or "": " ".join(n.text().split())
        for n in tree.css("article .footnote li[id]")
    }
    return {
        "title": None if title is None else title.text().strip(),
        "description": _attribute(tree, 'meta[name="description"]', "content"),
        "canonical link": _attribute(tree, 'link[rel="canonical"]', "href"),
        "edit link": _attribute(tree, "a.md-content__button[rel=edit]", "href"),
        "anchors": {i for i in ids if ANCHOR.match(i)},
        "note texts": notes,
    }


def differences(left: Path, right: Path, names: tuple[str, str]) -> list[str]:
    """Every way the site in ``right`` differs from the one in ``left``, in words."""
    a, b = names
    found = []
    left_pages, right_pages = _pages(left), _pages(right)
    found += [f"{p}: built by {a}, missing from {b}" for p in sorted(left_pages - right_pages)]
    found += [f"{p}: built by {b}, missing from {a}" for p in sorted(right_pages - left_pages)]
    for name in sorted(_data_files(left) | _data_files(right)):
        one, two = left / name, right / name
        if not (one.is_file() and two.is_file()):
            found.append(f"{name}: a data file only {a if one.is_file() else b} publishes")
        elif one.read_bytes() != two.read_bytes():
            found.append(f"{name}: the data file differs between {a} and {b}")
    for page in sorted(left_pages & right_pages):
        if page == "404.html":
            continue
        mine, theirs = _what_matters(left / page), _what_matters(right / page)
        for what, value in mine.items():
            other = theirs[what]
            if what == "anchors":
                assert isinstance(value, set) and isinstance(other, set)
                if value - other:
                    found.append(f"{page}: anchors only {a} has: {sorted(value - other)[:6]}")
                if other - value:
                    found.append(f"{page}: anchors only {b} has: {sorted(other - value)[:6]}")
            elif what == "note texts":
                assert isinstance(value, dict) and isinstance(other, dict)
                for note in sorted(set(value) | set(other)):
                    if value.get(note) != other.get(note):
                        found.append(f"{page}: the text of note {note} differs")
            elif value != other:
                found.append(f"{page}: the {what} is {value!r} with {a}, {other!r} with {b}")
    return found


@pytest.fixture(scope="module")
def zensical_site(synthetic_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same edition as built_site, rendered by Zensical."""
    site = tmp_path_factory.mktemp("zensical") / "site"
    epoch = subprocess.run(
        ["git", "log", "-1", "--format=%ct"],
        cwd=synthetic_root, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    result = site_build(synthetic_root, site, engine="zensical", epoch=epoch)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.slow
def test_both_engines_publish_the_same_edition(
    edition: Edition, built_site: Path, zensical_site: Path
) -> None:
    assert ENGINES == ("mkdocs", "zensical")
    pages = _pages(built_site)
    # Every note and term has its page: the comparison covers the whole edition.
    sources = [n.src_uri for n in edition.notes] + [t.src_uri for t in edition.terms]
    for src in sources:
        assert src.removesuffix(".md") + "/index.html" in pages
    found = differences(built_site, zensical_site, ("MkDocs", "Zensical"))
    assert not found, f"{len(found)} differences between the engines:\n" + "\n".join(found)


def test_differences_are_named_in_words(tmp_path: Path) -> None:
    """The comparison itself: a missing page, a changed data file and title are each named."""
    left, right = tmp_path / "a", tmp_path / "b"
    for site, title in ((left, "One"), (right, "Two")):
        (site / "x").mkdir(parents=True)
        (site / "x" / "index.html").write_text(
            f"<title>{title}</title><article><p id=p1>text</p></article>", encoding="utf-8"
        )
        (site / "essay.txt").write_text(title, encoding="utf-8")
    (left / "gone").mkdir()
    (left / "gone" / "index.html").write_text("<title>Gone</title>", encoding="utf-8")
    assert differences(left, right, ("A", "B")) == [
        "gone/index.html: built by A, missing from B",
        "essay.txt: the data file differs between A and B",
        "x/index.html: the title is 'One' with A, 'Two' with B",
    ]


@pytest.mark.browser
def test_zensical_header_search_finds_a_glossary_page(chromium: Any, zensical_site: Path) -> None:
    """Zensical's own search dialog works with the project's overrides (Material's search
    partial, which the project overrides for MkDocs, would break it)."""
    term_page = sorted((zensical_site / "glossary").glob("*/index.html"))[0]
    heading = parse(term_page).css_first("article h1")
    assert heading is not None
    term = heading.text(deep=False).strip()
    with static_host(zensical_site) as url:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(url, wait_until="networkidle")
            page.locator(".md-search__button").click()
            page.keyboard.type(term)
            wanted = f"glossary/{term_page.parent.name}/"
            # Zensical draws its results in a shadow root: the page's own links are not results.
            page.wait_for_function(
                """(wanted) => {
                    const found = (root) => [...root.querySelectorAll('*')].some((e) =>
                        e.shadowRoot && ([...e.shadowRoot.querySelectorAll('a')].some(
                            (a) => a.href.includes(wanted)) || found(e.shadowRoot)));
                    return found(document);
                }""",
                arg=wanted,
                timeout=10_000,
            )
        finally:
            page.close()


@pytest.mark.parametrize("engine", ENGINES)
def test_an_engine_failure_leaves_the_previous_site_and_no_traceback(
    engine: str, tmp_path: Path
) -> None:
    """What only the engine sees (a broken template override: a link to a missing page is
    refused by the check first): the engine's message, no traceback, the previous site as
    it was."""
    project = copy_project(tmp_path / "project")
    with (project / "overrides/main.html").open("a", encoding="utf-8") as template:
        template.write("\n{% block broken %}{{ missing_page( }}{% endblock %}\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    result = site_build(project, site, engine=engine)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"the {engine} build failed" in result.stderr
    assert "TemplateSyntaxError" in result.stderr or "main.html" in result.stderr, result.stderr
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert not (project / "build" / f".site-{engine}").exists()
