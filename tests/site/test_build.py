"""The whole site built with --strict, read back with a real HTML parser."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.ingest import load
from scripts.model import Edition

from ..html import is_external, one, pages, parse, parse_text, resource_urls


def seed_lines(root: Path) -> list[str]:
    return (root / load.SEED_PATH).read_text(encoding="utf-8").split("\n")


def test_essay_is_the_site_root_with_sections_and_paragraphs(
    edition: Edition, built_site: Path, synthetic_root: Path
) -> None:
    tree = parse(built_site / "index.html")
    sections = tree.css("article h2.ed-section, article h2[id]")
    ids = [h.attributes["id"] for h in sections]
    assert [s.id for s in edition.sections] == [i for i in ids if i != "notes"]
    assert len(edition.sections) >= 3
    titles = [h for h in sections if h.attributes["id"] != "notes"]
    # The editor's titles are said to be the editor's once, over the first (shown), and to
    # screen readers at each.
    assert one(titles[0], ".ed-editorial-once").text() == "Section titles are the editor’s:"
    for heading in titles[1:]:
        assert one(heading, ".ed-editorial").text() == "Editor’s title:"
    paragraphs = tree.css("p.ed-para")
    count = len(seed_lines(synthetic_root))
    assert count >= 12
    assert [p.attributes["id"] for p in paragraphs] == [f"p{n}" for n in range(1, count + 1)]
    for number, paragraph in enumerate(paragraphs, start=1):
        link = one(paragraph, "a.ed-pilcrow")
        assert link.attributes["href"] == f"#p{number}"
        assert link.attributes["aria-label"] == f"Link to paragraph {number}"
        assert link.attributes["data-n"] == str(number)  # shown by the stylesheet


def test_original_readings_in_the_html_give_back_the_seed(
    built_site: Path, synthetic_root: Path
) -> None:
    """Reading the page with the originals (del's data-original) instead of the corrections
    is the seed."""
    lines = seed_lines(synthetic_root)
    tree = parse(built_site / "index.html")
    for number, paragraph in enumerate(tree.css("p.ed-para"), start=1):
        clone = parse_text(paragraph.html or "")
        for mark in clone.css(".ed-corr"):
            mark.replace_with(one(mark, "del").attributes["data-original"] or "")
        assert clone.body is not None
        assert clone.body.text() == lines[number - 1], f"paragraph {number}"


def test_corrections_are_marked_with_their_original_reading(
    edition: Edition, built_site: Path
) -> None:
    tree = parse(built_site / "index.html")
    marks = {m.attributes["id"]: m for m in tree.css(".ed-corr")}
    assert len(marks) == len(edition.corrections) >= 3
    assert any(c.corrected == "" for c in edition.corrections), "the edition has a deletion"
    for correction in edition.corrections:
        mark = marks[f"corr-{correction.id}"]
        # Focusable, unless inside a glossary link (which is focusable itself).
        inside_link = mark.parent is not None and mark.parent.tag == "a"
        assert mark.attributes.get("tabindex") == (None if inside_link else "0")
        assert correction.original.strip() in (mark.attributes["title"] or "")
        assert one(mark, "del").attributes["data-original"] == correction.original
        assert one(mark, "del").text() == ""  # not in the page's text: see test_annotation_clients
        assert one(mark, "ins").text() == correction.corrected
    listing = parse(built_site / "corrections/index.html")
    rows = listing.css("article table")[0].css("tbody tr")
    assert len(rows) == len(edition.corrections)
    targets = {one(r, "a").attributes["href"] for r in rows}
    assert targets == {f"../#corr-{c.id}" for c in edition.corrections}


def test_original_text_page_is_verbatim_and_anchored(
    built_site: Path, synthetic_root: Path
) -> None:
    tree = parse(built_site / "original/index.html")
    lines = tree.css("p.ed-line")
    seed = seed_lines(synthetic_root)
    expected = [f"line-{n}" for n in range(1, len(seed) + 1)]
    assert [line.attributes["id"] for line in lines] == expected
    assert [one(line, ".ed-line-text").text() for line in lines] == seed
    essay = (synthetic_root / load.SEED_PATH).read_bytes()
    assert (built_site / "essay.txt").read_bytes() == essay


def test_author_url_is_a_real_link_with_an_accessible_name(
    built_site: Path, synthetic_root: Path
) -> None:
    # The synthetic essay's second paragraph is a bare address, as an author's link often is.
    number, url = next(
        (n, line) for n, line in enumerate(seed_lines(synthetic_root), 1)
        if line.startswith("https://")
    )  # fmt: skip
    tree = parse(built_site / "index.html")
    link = one(tree, f"#p{number} a[aria-label$='(link given by the author)']")
    assert link.attributes["href"] == url
    assert link.text() == url
    assert (link.attributes["aria-label"] or "").startswith(url)


def test_every_page_has_a_description_an_edit_link_and_no_third_party_resources(
    built_site: Path,
) -> None:
    for page in pages(built_site):
        tree = parse(page)
        if page.name == "404.html":
            continue
        # written by git, or by the compiler (the list of data formats): no file to edit
        history = page.parent.name in ("history", "data")
        description = one(tree, 'meta[name="description"]')
        assert description is not None and description.attributes["content"], page
        external = [u for u in resource_urls(tree) if is_external(u)]
        assert external == [], f"{page} loads {external}"
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")
        edit = tree.css_first("a.md-content__button[rel=edit]")
        assert (edit is None) == history, page
        if edit is None:
            continue
        href = edit.attributes["href"] or ""
        # an index built from a folder of files opens the form for a new file there
        assert re.match(r"https://github\.com/[^/]+/[^/]+/(edit/main/|new/main/docs/)", href), href
        assert "/docs/../" not in href
    for css in built_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?https?:", css.read_text(encoding="utf-8")), css


def test_edit_links_point_at_the_files_that_produce_each_page(
    edition: Edition, built_site: Path, synthetic_root: Path
) -> None:
    """Each pencil opens the file behind what it says, and says what it opens."""

    def edits_of(page: str) -> list[tuple[str, str]]:
        nodes = parse(built_site / page).css("a.md-content__button[rel=edit]")
        assert nodes, f"no edit link on {page}"
        for node in nodes:
            assert node.attributes["title"] == node.attributes["aria-label"]
        return [
            ((n.attributes["href"] or "").split("/main/", 1)[1], n.attributes["aria-label"] or "")
            for n in nodes
        ]

    def edit_of(page: str) -> str:
        return edits_of(page)[0][0]

    # The essay's text is the author's: its introduction and its corrections are editable.
    assert edits_of("index.html") == [
        ("docs/index.md", "Edit the introduction"),
        ("docs/edition/corrections.yml", "Edit the corrections to the essay’s text"),
    ]
    assert edits_of("corrections/index.html") == [
        ("docs/edition/corrections.yml", "Edit the list of corrections")
    ]
    assert edits_of("original/index.html") == [
        ("seeds/essay.txt", "Edit the file of the original text")
    ]
    assert edits_of("about/index.html") == [("docs/about.md", "Edit this page")]
    # Pages built from many files: the pencil starts a new one, and says so.
    assert edits_of("notes/index.html") == [("docs/notes", "Write a new note")]
    assert edits_of("glossary/index.html") == [("docs/glossary", "Add a new term")]
    for note in edition.notes:
        assert edits_of(f"notes/{note.id}/index.html") == [
            (f"docs/notes/{note.id}.md", "Edit this note")
        ]
    for term in edition.terms:
        assert edits_of(f"glossary/{term.slug}/index.html") == [
            (f"docs/glossary/{term.slug}.md", "Edit this term")
        ]
    assert edit_of("sources/index.html") == "docs/edition/sources.yml"
    for path in ("docs/about.md", "docs/edition/corrections.yml", "seeds/essay.txt"):
        assert (synthetic_root / path).is_file()
