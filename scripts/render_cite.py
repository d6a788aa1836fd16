"""Citations: ``[@key]`` and ``[@a; @b]`` in note and term bodies become links to the Sources page."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .citation_grammar import CITATION, group_keys
from .markdown_text import page_href, relative_link

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
            for key in group_keys(match.group(1))
        ]
        return "(" + "; ".join(links) + ")"

    return CITATION.sub(group, body)
