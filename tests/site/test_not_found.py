"""The page for an address the site does not have leads somewhere: the essay, the notes,
the glossary and the sources, each a page the build published."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..html import parse


def test_the_not_found_page_offers_the_essay_notes_glossary_and_sources(
    built_site: Path,
) -> None:
    page = parse(built_site / "404.html")
    links = {a.text(strip=True): a.attributes.get("href") or "" for a in page.css("article a")}
    assert list(links) == ["the essay", "the notes", "the glossary", "the sources"]
    base = urlsplit(links["the essay"]).path
    for href in links.values():
        path = urlsplit(href).path
        assert path.startswith(base), href
        assert (built_site / path.removeprefix(base) / "index.html").is_file(), href
