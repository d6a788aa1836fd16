"""Citations: ``[@key]`` and ``[@a; @b]`` in note and term bodies become links to the Sources page,
and each source's full reference is written once, here, for every page that lists it."""

from __future__ import annotations

import re
from collections.abc import Mapping

from scripts.ingest.validate import CITATION, CITED_KEY
from scripts.model import Source
from scripts.render.markdown import escape_text, page_href, relative_link

SOURCES_SRC = "sources.md"


def render_citations(
    body: str, page_src: str, shorts: Mapping[str, str], *, published: bool = False
) -> str:
    """Replace each citation group with linked short labels, e.g. (Smith and Jones 2024).

    Links name source files for MkDocs to resolve, or, with ``published``, the URLs
    themselves, for Markdown that MkDocs never sees."""
    link = page_href if published else relative_link

    def group(match: re.Match[str]) -> str:
        links = [
            f"[{shorts.get(key, key)}]({link(page_src, SOURCES_SRC, key)}){{: .ed-cite }}"
            for key in CITED_KEY.findall(match.group(1))
        ]
        return "(" + "; ".join(links) + ")"

    return CITATION.sub(group, body)


def source_reference(source: Source, url_as_text: bool = True) -> str:
    """A full reference in plain Markdown: authors, year, title, venue, link.

    With ``url_as_text`` False a URL is the target of an "online" link, not text: the
    stylesheet prints it on paper, and it does not repeat in the page's text words that
    annotation clients and text fragments look for (the author's own link, say)."""
    parts = []
    if source.authors:
        authors = ", ".join(source.authors)
        parts.append(escape_text(authors) + ("" if authors.endswith(".") else "."))
    if source.year:
        parts.append(f"{source.year}.")
    parts.append(f"*{escape_text(source.title)}*.")
    if source.venue:
        parts.append(escape_text(source.venue) + ".")
    if source.doi:
        parts.append(f"DOI [{escape_text(source.doi)}](https://doi.org/{source.doi}).")
    elif source.url:
        parts.append(f"<{source.url}>" if url_as_text else f"[online]({source.url}){{: .ed-url }}")
    return " ".join(parts)
