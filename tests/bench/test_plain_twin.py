"""The plain twin that ``make bench`` scores the edition against (bench/plain_twin.py): the
benchmarked pages' text, at the same paths, under the same theme settings.

Built from the synthetic edition's site; no Lighthouse and no timing here.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from bench.plain_twin import (
    Block,
    article_blocks,
    benchmarked_pages,
    html_path,
    read_engine_config,
    to_markdown,
    write_plain_twin,
)
from scripts.model import Edition
from scripts.site.compile import BUILD_DIR, ENGINE_CONFIG

from ..conftest import mkdocs_build
from ..html import one, parse, parse_text, text_of


@pytest.fixture(scope="module")
def twin(
    built_site: Path,
    synthetic_root: Path,
    edition: Edition,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """The synthetic edition's plain twin, written and built by MkDocs (--strict)."""
    folder = tmp_path_factory.mktemp("twin")
    engine_config = synthetic_root / BUILD_DIR / ENGINE_CONFIG["mkdocs"]
    config = write_plain_twin(built_site, engine_config, benchmarked_pages(edition), folder)
    result = mkdocs_build(folder, folder / "site", config=config)
    assert result.returncode == 0, result.stderr
    return folder


def test_the_pages_are_the_essay_the_first_note_and_the_first_term(
    edition: Edition, synthetic_root: Path
) -> None:
    """Chosen by kind, not by name: the first note and term file of the edition's folders."""
    first = {
        folder: sorted(p.name for p in (synthetic_root / "docs" / folder).glob("*.md"))[0]
        for folder in ("notes", "glossary")
    }
    assert benchmarked_pages(edition) == (
        "index.md",
        f"notes/{first['notes']}",
        f"glossary/{first['glossary']}",
    )


def test_each_page_is_written_at_its_own_path_and_nothing_else(
    twin: Path, edition: Edition
) -> None:
    written = sorted(p.relative_to(twin / "docs").as_posix() for p in (twin / "docs").rglob("*"))
    pages = benchmarked_pages(edition)
    folders = sorted({page.rpartition("/")[0] for page in pages} - {""})
    assert written == sorted([*pages, *folders])
    for page in pages:
        assert (twin / "site" / html_path(page)).is_file()


def test_the_twin_reads_as_the_edition_reads(
    twin: Path, built_site: Path, edition: Edition
) -> None:
    """The headings, paragraphs and list items of each page's article, word for word, once
    the twin is built: the note's title, the term, the essay's sections and every paragraph."""
    for page in benchmarked_pages(edition):
        original = article_blocks((built_site / html_path(page)).read_text(encoding="utf-8"))
        plain = article_blocks((twin / "site" / html_path(page)).read_text(encoding="utf-8"))
        assert plain == original, page
    essay = article_blocks((twin / "site" / "index.html").read_text(encoding="utf-8"))
    headings = [b.text for b in essay if b.tag == "h2"]
    titles = [s.title for s in edition.sections if s.title]
    sections = [h for h in headings if any(h.endswith(title) for title in titles)]
    assert titles and len(sections) == len(titles)
    assert all(h.endswith(title) for h, title in zip(sections, titles, strict=True))
    assert sum(b.tag == "p" for b in essay) >= len(edition.reading.paragraphs)
    assert not any("¶" in b.text for b in essay)  # the permalink marks stay out
    note, term = edition.notes[0], edition.terms[0]
    note_page = article_blocks((twin / "site" / html_path(note.src_uri)).read_text("utf-8"))
    term_page = article_blocks((twin / "site" / html_path(term.src_uri)).read_text("utf-8"))
    assert note_page[0] == Block("h1", note.title)
    assert term_page[0] == Block("h1", term.term)


def test_the_twin_has_the_editions_theme_settings(
    twin: Path, built_site: Path, synthetic_root: Path
) -> None:
    """The theme block as the compiler wrote it, less the edition's templates; the same search
    and minified HTML; and so the same palette on the built page."""
    engine = read_engine_config(synthetic_root / BUILD_DIR / ENGINE_CONFIG["mkdocs"])
    config = yaml.safe_load((twin / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "custom_dir" in engine["theme"] and engine["theme"]["palette"]
    assert config["theme"] == {k: v for k, v in engine["theme"].items() if k != "custom_dir"}
    assert config["plugins"] == ["search", {"minify": {"minify_html": True}}]
    attributes = ("data-md-color-scheme", "data-md-color-primary", "data-md-color-accent")
    edition_body = one(parse(built_site / "index.html"), "body")
    twin_body = one(parse(twin / "site" / "index.html"), "body")
    shown = [edition_body.attributes.get(a) for a in attributes]
    assert shown == [twin_body.attributes.get(a) for a in attributes]
    assert "indigo" in shown
    # Minified: the page is one line, as the edition's is (no <pre> in either essay).
    assert "\n" not in (twin / "site" / "index.html").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize(
    "text",
    [
        "# not a heading, *not emphasis*, _nor this_, [no](link) and `no code`",
        "1. not a list item; - nor + this; > nor a quote",
        "<b>not bold</b> & a back\\slash! {braces}",
    ],
)
def test_text_that_looks_like_markdown_stays_text(text: str) -> None:
    rendered = markdown.markdown(to_markdown([Block("p", text)]))
    assert text_of(one(parse_text(rendered), "p")) == text
