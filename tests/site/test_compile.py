"""The compiler's pure parts: front matter, redirect pages, engine settings, links in
contributed text, and the writer that touches only what changed."""

from __future__ import annotations

import os
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from scripts.model import Address, Redirect
from scripts.problems import Problem
from scripts.site.compile import (
    SiteConfig,
    engine_settings,
    markdown_converter,
    redirect_pages,
    split_front_matter,
    with_front_matter,
    write_tree,
)

CONFIG = SiteConfig(
    {
        "site_url": "https://example.org/edition/",
        "repo_url": "https://github.com/example/edition/",
        "edit_uri": "edit/main/docs/",
        "hooks": ["x.py"],
        "watch": ["seeds"],
        "theme": {"name": "material", "custom_dir": "overrides"},
        "markdown_extensions": ["attr_list", {"toc": {"permalink": True}}],
    }
)


def test_front_matter_round_trip_keeps_the_page_and_sorts_keys() -> None:
    text = with_front_matter({"title": "A: b", "description": 'say "x"'}, "# Page\n")
    assert text == "---\ndescription: say \"x\"\ntitle: 'A: b'\n---\n# Page\n"
    assert split_front_matter("p.md", text) == (
        {"title": "A: b", "description": 'say "x"'},
        "# Page\n",
        [],
    )
    assert with_front_matter({}, "# Page\n") == "# Page\n"


def test_unreadable_front_matter_is_a_problem_with_its_line() -> None:
    meta, body, problems = split_front_matter("docs/a.md", "---\ntitle: [\n---\ntext\n")
    assert (meta, body) == ({}, "---\ntitle: [\n---\ntext\n")
    assert problems == [Problem("docs/a.md", 3, "the front matter cannot be read", "fix its YAML")]


def test_edit_links_are_normalised_and_new_file_forms_name_the_folder() -> None:
    assert CONFIG.edit_url("notes/a.md") == (
        "https://github.com/example/edition/edit/main/docs/notes/a.md"
    )
    assert CONFIG.edit_url("../seeds/essay.txt") == (
        "https://github.com/example/edition/edit/main/seeds/essay.txt"
    )
    assert CONFIG.new_file_url("notes") == "https://github.com/example/edition/new/main/docs/notes"


def test_each_engine_gets_the_tree_its_overrides_and_no_hooks() -> None:
    mkdocs = engine_settings(CONFIG, "mkdocs", ".site-mkdocs")
    zensical = engine_settings(CONFIG, "zensical", ".site-zensical")
    assert "hooks" not in mkdocs and "watch" not in mkdocs
    assert mkdocs["docs_dir"] == zensical["docs_dir"] == "docs"
    assert mkdocs["theme"] == {"name": "material", "custom_dir": "overrides/mkdocs"}
    assert zensical["theme"] == {
        "name": "material",
        "custom_dir": "overrides/zensical",
        "variant": "classic",
    }


def test_a_moved_page_gets_a_redirect_page_and_a_moved_fragment_none() -> None:
    pages = redirect_pages(
        [
            Redirect(Address("/notes/old/"), Address("/notes/new/", "x"), 1),
            Redirect(Address("/", "gone"), Address("/", "here"), 2),
        ],
        "https://example.org/edition/",
    )
    assert list(pages) == ["notes/old/index.html"]
    tree = LexborHTMLParser(pages["notes/old/index.html"])
    refresh = tree.css_first('meta[http-equiv="refresh"]')
    canonical = tree.css_first('link[rel="canonical"]')
    link = tree.css_first("body a")
    assert refresh is not None and canonical is not None and link is not None
    assert refresh.attributes["content"] == "0; url=../new/#x"
    assert canonical.attributes["href"] == "https://example.org/edition/notes/new/#x"
    assert link.attributes["href"] == "../new/#x"


def test_links_to_site_pages_in_contributed_text_become_page_addresses() -> None:
    to_html = markdown_converter(CONFIG)
    html = to_html(
        "See [tokio](../glossary/tokio.md#use), [home](../index.md) and [web](https://x.org/a.md).",
        "notes/a.md",
    )
    hrefs = [a.attributes["href"] for a in LexborHTMLParser(html).css("a")]
    assert hrefs == ["../../glossary/tokio/#use", "../../", "https://x.org/a.md"]


def test_the_writer_touches_only_what_changed(tmp_path: Path) -> None:
    build = tmp_path / "build"
    assert write_tree({"docs/a.md": b"a", "docs/sub/b.md": b"b"}, build) == 2
    (build / ".site-zensical").mkdir()
    (build / ".site-zensical" / "index.html").write_text("engine output")
    os.utime(build / "docs/a.md", (0, 0))
    assert write_tree({"docs/a.md": b"a", "docs/c.md": b"c"}, build) == 2  # c written, b removed
    assert (build / "docs/a.md").stat().st_mtime == 0  # unchanged: not rewritten
    assert sorted(p.relative_to(build).as_posix() for p in build.rglob("*") if p.is_file()) == [
        ".site-zensical/index.html",
        "docs/a.md",
        "docs/c.md",
    ]
