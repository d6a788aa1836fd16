"""Stage 7e, render what helps people cite and improve the edition: "Cite this" blocks,
the Edition history page, and each paragraph's "suggest a note" link.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from .git_history import Change, Version
from .markdown_text import escape_text, page_href, page_url

HISTORY_SRC = "history.md"
OPENING_WORDS = 8


@dataclass(frozen=True)
class Site:
    """What the pages need to know about where the edition lives (one setting each)."""

    name: str
    url: str  # site_url, ending in "/"
    repo_url: str
    version: Version

    def page_url(self, src_uri: str) -> str:
        """The published, absolute URL of a page, from its source path."""
        return self.url + page_url(src_uri).removeprefix("/")


def _bibtex_escape(text: str) -> str:
    return "".join("\\" + c if c in "{}%&$#_" else c for c in text)


def cite_block(
    site: Site, page_src: str, *, key: str, title: str, what: str, container: str | None = None
) -> str:
    """A collapsible "Cite this" with a plain reference and BibTeX, each with a copy button
    (added by edition.js). Plain <pre> blocks, not code blocks: the theme sets up every
    code block as a page starts, which cost the essay's start-up more than its tooltips."""
    version = site.version
    url = site.page_url(page_src)
    container = f"“{site.name}”" if container is None else container
    year = version.date[:4] or "n.d."
    edition = version.label
    plain = f"The edition's contributors, “{title}”, {what}{container}, {edition}. {url}"
    note = f"{what}{container}, {edition}"
    bibtex = "\n".join(
        [
            f"@misc{{{key},",
            f"  title = {{{_bibtex_escape(title)}}},",
            "  author = {{The edition's contributors}},",
            f"  year = {{{year}}},",
            f"  note = {{{_bibtex_escape(note)}}},",
            f"  howpublished = {{\\url{{{url}}}}},",
            f"  url = {{{url}}}",
            "}",
        ]
    )
    history = page_href(page_src, HISTORY_SRC)
    return (
        '<details class="ed-cite-this" data-search-exclude>\n<summary>Cite this</summary>\n'
        f'<pre class="ed-citation" data-ed-format="plain text">{html.escape(plain, quote=False)}</pre>\n'
        f'<pre class="ed-citation" data-ed-format="BibTeX">{html.escape(bibtex, quote=False)}</pre>\n'
        f"<p>Cite the {html.escape(edition, quote=False)}: later changes are listed in the "
        f'<a href="{html.escape(history)}">edition history</a>.</p>\n</details>'
    )


def render_history_page(history: Sequence[Change], repo_url: str) -> str:
    rows = [
        f"| {c.date} | {escape_text(c.summary)} | [{c.short}]({repo_url}/commit/{c.commit}) |"
        for c in history
    ]
    return "\n".join(
        [
            "---",
            "title: Edition history",
            "description: Every change to the essay's edition - corrections, notes, glossary "
            "and pages - with its date and a link to the exact difference.",
            "---",
            "",
            "# Edition history",
            "",
            "Each row is one change to the edition's content (the essay, its corrections, "
            "notes, glossary and pages), newest first. A citation names an edition by its "
            "date and commit; follow the commit to see exactly what the edition said then.",
            "",
            "| Date | Change | Commit |",
            "| --- | --- | --- |",
            *(rows or ["| - | no recorded history (built outside git) | - |"]),
            "",
        ]
    )


def suggest_note_url(repo_url: str, paragraph: int) -> str:
    """The repository's new-file form for a note on this paragraph.

    edition.js fills in the note's front matter when the link is used, quoting the
    paragraph's opening words: the template is written once, not once per paragraph."""
    query = urlencode({"filename": f"note-on-paragraph-{paragraph}.md"}, quote_via=quote)
    return f"{repo_url}/new/main/docs/notes?{query}"
