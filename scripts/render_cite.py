"""Citations: ``[@key]`` and ``[@a; @b]`` in note and term bodies become links to the Sources page,
each carrying the evidence its file records for that source; ``[@edition]`` becomes the
edition's own mark, a link to where How we check explains it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .citation_grammar import CITATION, EDITION_MARK, group_keys
from .docs_tree import METHOD_PATH
from .markdown_text import attr, escape_text, page_href, relative_link
from .model import Evidence

SOURCES_SRC = "sources.md"
OWN_VOICE_ANCHOR = "the-editions-own-voice"  # a heading of How we check
OWN_VOICE_LABEL = "ed.: the edition’s own reading, not a source’s"


def own_voice_mark(page_src: str) -> str:
    """The quiet mark on a sentence that is the edition's reading: "ed.", named in full for
    screen readers, linking to where How we check explains it."""
    href = page_href(page_src, METHOD_PATH.removeprefix("docs/"), OWN_VOICE_ANCHOR)
    return f'<a class="ed-own-voice" href={attr(href)} aria-label={attr(OWN_VOICE_LABEL)}>ed.</a>'


def evidence_html(items: Sequence[Evidence], short: str) -> str:
    """The source's own words for one citation, marked as a quotation, each with its place.

    Hidden until the citation is hovered or focused on a wide screen; shown in the phone
    sheet and in print (edition.css). Every value is escaped for HTML and Markdown."""
    quotes = "".join(
        '<span class="ed-evidence-item">'
        f"<q>{escape_text(item.quote)}</q> "
        f'<span class="ed-evidence-at">{escape_text(short)}, {escape_text(item.at)}</span>'
        "</span>"
        for item in items
    )
    return (
        '<span class="ed-evidence" role="note">'
        '<span class="ed-evidence-label">The source’s words</span>'
        f"{quotes}</span>"
    )


def render_citations(
    body: str,
    page_src: str,
    shorts: Mapping[str, str],
    *,
    published: bool = False,
    evidence: Sequence[Evidence] = (),
) -> str:
    """Replace each citation group with linked short labels, e.g. (Smith and Jones 2024), each
    followed by its evidence when the file records some for that source.

    Links name source files for MkDocs to resolve, or, with ``published``, the URLs
    themselves, for Markdown that MkDocs never sees."""
    link = page_href if published else relative_link
    quoted: dict[str, list[Evidence]] = {}
    for item in evidence:
        quoted.setdefault(item.source, []).append(item)

    def one(key: str) -> str:
        if key == EDITION_MARK:
            return own_voice_mark(page_src)
        short = shorts.get(key, key)
        cite = f"[{escape_text(short)}]({link(page_src, SOURCES_SRC, key)}){{: .ed-cite }}"
        if key not in quoted:
            return cite
        return f'<span class="ed-cite-group">{cite}{evidence_html(quoted[key], short)}</span>'

    def group(match: re.Match[str]) -> str:
        return "(" + "; ".join(one(key) for key in group_keys(match.group(1))) + ")"

    return CITATION.sub(group, body)
