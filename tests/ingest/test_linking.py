"""Linking and citing: share previews, sitemap, suggest-a-note links, Cite this, history."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest
import yaml

from scripts.ingest import load
from scripts.ingest.git_history import CONTENT_PATHS
from scripts.model import Edition

from ..conftest import ROOT
from ..html import one, pages, parse

SITE_URL = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["site_url"]
REPO_URL = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["repo_url"]


def test_every_page_has_its_own_preview_metadata(built_site: Path) -> None:
    seen_titles = set()
    for page in pages(built_site):
        if page.name == "404.html":
            continue
        tree = parse(page)
        url = SITE_URL + page.relative_to(built_site).as_posix().removesuffix("index.html")
        meta = {
            (m.attributes.get("property") or m.attributes.get("name")): m.attributes["content"]
            for m in tree.css("meta[property], meta[name]")
        }
        assert one(tree, 'link[rel="canonical"]').attributes["href"] == url
        assert meta["og:url"] == url
        assert meta["og:title"] and meta["twitter:card"] == "summary"
        assert meta["og:description"] == meta["description"]
        seen_titles.add(meta["og:title"])
    assert len(seen_titles) == len([p for p in pages(built_site) if p.name != "404.html"])


def test_sitemap_lists_every_page(built_site: Path) -> None:
    tree = ElementTree.parse(built_site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.findall(".//s:loc", namespace)}
    expected = {
        SITE_URL + p.relative_to(built_site).as_posix().removesuffix("index.html")
        for p in pages(built_site)
        if p.name != "404.html"
    }
    assert listed == expected


def test_suggest_a_note_links_name_the_paragraph(edition: Edition, built_site: Path) -> None:
    tree = parse(built_site / "index.html")
    for number in range(1, len(edition.reading.paragraphs) + 1):
        link = one(tree, f"#p{number} a.ed-suggest")
        # Without JavaScript: the repository's new-file form, named for the paragraph.
        assert link.attributes["href"] == (
            f"{REPO_URL}/new/main/docs/notes?filename=note-on-paragraph-{number}.md"
        )
        assert link.attributes["aria-label"] == f"Suggest a note on paragraph {number}"


@pytest.mark.browser
def test_suggest_a_note_opens_a_prefilled_note_that_the_build_accepts(
    page: Any, site_url: str, edition: Edition
) -> None:
    page.goto(site_url)
    for number in (1, 3, 12, len(edition.reading.paragraphs)):
        link = page.locator(f"#p{number} a.ed-suggest")
        link.focus()
        href = link.get_attribute("href") or ""
        parts = urlsplit(href)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/new/main/docs/notes"
        query = parse_qs(parts.query)
        assert query["filename"] == [f"note-on-paragraph-{number}.md"]
        record, problems = load.parse_front_matter("new.md", query["value"][0])
        assert problems == [] and record is not None
        assert record.fields["id"].value == f"note-on-paragraph-{number}"
        target = record.fields["target"].value
        assert isinstance(target, load.Record)
        exact = str(target.fields["exact"].value)
        assert edition.reading.paragraphs[number - 1].startswith(exact) and len(exact) > 20
        link.blur()
        link.focus()  # a second use leaves the link as it was
        assert link.get_attribute("href") == href


def test_cite_this_names_the_edition_by_date_and_commit(
    edition: Edition, built_site: Path, synthetic_root: Path
) -> None:
    commit = subprocess.run(
        ["git", "log", "-1", "--format=%cs %h", "--", *CONTENT_PATHS],
        cwd=synthetic_root, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    note, term = edition.notes[0].id, edition.terms[0].slug
    for page in ("index.html", f"notes/{note}/index.html", f"glossary/{term}/index.html"):
        block = one(parse(built_site / page), "details.ed-cite-this")
        codes = [c.text() for c in block.css("pre.ed-citation")]
        assert len(codes) == 2
        plain, bibtex = codes
        assert f"edition of {commit[0]} ({commit[1]})" in plain
        assert bibtex.startswith("@misc{edition-") and f"{SITE_URL}" in bibtex
    history = parse(built_site / "history/index.html")
    rows = history.css("article table tbody tr")
    assert rows and commit[1] in rows[0].text()
    link = rows[0].css("a")[-1].attributes["href"] or ""  # the difference, in the last column
    assert re.fullmatch(re.escape(REPO_URL) + r"/commit/[0-9a-f]{40}", link)
    # the notes the change added link to their pages
    assert f"../notes/{note}/" in [a.attributes["href"] for a in rows[0].css("a")]


@pytest.mark.browser
def test_copy_link_buttons_copy_the_full_address(
    chromium: Any, site_url: str, edition: Edition
) -> None:
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url)
    # The page's canonical address, whatever address it was reached by.
    canonical = page.locator("link[rel=canonical]").get_attribute("href") or ""
    assert canonical.startswith("https://")
    button = page.get_by_role("button", name="Copy link to paragraph 12")
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == canonical + "#p12"
    status = page.locator("#ed-copy-status")
    assert status.get_attribute("role") == "status"
    page.wait_for_function("() => document.getElementById('ed-copy-status').textContent.length")
    assert status.inner_text() == f"Link copied: {canonical}#p12"
    page.get_by_role("button", name="Copy link to note 1", exact=True).click()
    assert page.evaluate("navigator.clipboard.readText()").startswith(canonical + "#fn:")
    page.locator("details.ed-cite-this summary").click()
    page.get_by_role("button", name="Copy citation as BibTeX").click()
    bibtex = page.evaluate("navigator.clipboard.readText()")
    assert bibtex.startswith("@misc{edition-essay,") and bibtex.endswith("}")
    assert bibtex == page.locator("pre.ed-citation").nth(1).text_content()
    term = f"glossary/{edition.terms[0].slug}/"
    page.goto(site_url + term)
    page.get_by_role("button", name="Copy link to this page").click()
    assert page.evaluate("navigator.clipboard.readText()") == canonical + term
    context.close()


@pytest.mark.browser
def test_text_fragment_links_scroll_to_the_quoted_words(page: Any, site_url: str) -> None:
    page.goto(site_url + "#:~:text=flashing%20twice%20every%20ten%20seconds")
    page.wait_for_timeout(500)
    box = page.locator("#p13").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
