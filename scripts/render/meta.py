"""Stage 7e, render what helps people cite and improve the edition: "Cite this" blocks
and each paragraph's "suggest a note" link (the Edition history is render_history's).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from scripts.exports.latex import escape as escape_latex
from scripts.exports.paths import citation_stem, download_links
from scripts.ingest.git_history import Version
from scripts.model import EssayInfo
from scripts.render.markdown import escape_text, page_href, page_url

HISTORY_SRC = "history.md"
OPENING_WORDS = 8
# A hand-written page shows what is known of the essay's provenance where this line stands.
PROVENANCE_MARKER = "<!-- provenance -->"


@dataclass(frozen=True)
class Site:
    """What the pages need to know about where the edition lives (one setting each)."""

    name: str
    url: str  # site_url, ending in "/"
    repo_url: str
    version: Version
    branch: str = "main"  # the repository's branch that edit and new-file links lead to

    def page_url(self, src_uri: str) -> str:
        """The published, absolute URL of a page, from its source path."""
        return self.url + page_url(src_uri).removeprefix("/")


def branch_of(edit_uri: str, default: str = "main") -> str:
    """The branch named in an ``edit_uri`` such as ``edit/main/docs/`` (GitHub, GitLab)."""
    parts = [p for p in edit_uri.split("/") if p and p != "-"]
    return parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob") else default


def essay_author(info: EssayInfo) -> str:
    return info.author if info.known(info.author) else "Author unknown"


def provenance(info: EssayInfo) -> str:
    """One paragraph of Markdown: what is known of the essay, and plainly what is not."""
    facts = (  # (value, said when known, said when not)
        (info.author, f"written by {escape_text(info.author)}", "its author is unknown"),
        (info.venue, f"it appeared in {escape_text(info.venue)}", "where it first appeared is unknown"),
        (info.published, f"it is dated {info.published}", "its date is unknown"),
        (info.original_url, f"its original address is <{info.original_url}>", "no original address is known"),
        (info.licence, f"its licence: {escape_text(info.licence)}", "no licence or permission to republish is recorded"),
    )  # fmt: skip
    said = [known if info.known(value) else unknown for value, known, unknown in facts]
    text = f"**The essay.** *{escape_text(info.title)}*: " + "; ".join(said) + "."
    if info.remarks:
        text += " " + escape_text(info.remarks)
    return f'<p class="ed-provenance" markdown>{text}</p>'


def essay_jsonld(info: EssayInfo, site: Site, page_src: str) -> dict[str, object]:
    """schema.org for the essay as the edition presents it: only what is known is stated."""
    work: dict[str, object] = {
        "@type": "CreativeWork",
        "name": info.title,
        "inLanguage": "en",
    }
    if info.known(info.author):
        work["author"] = {"@type": "Person", "name": info.author}
    if info.known(info.published):
        work["datePublished"] = info.published
    if info.known(info.original_url):
        work["url"] = info.original_url
    if info.known(info.licence):
        work["license"] = info.licence
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "name": info.title,
        "headline": info.title,
        "url": site.page_url(page_src),
        "inLanguage": "en",
        "isBasedOn": work,
        "editor": [{"@type": "Organization", "name": name} for name in info.editors],
        "publisher": {"@type": "Organization", "name": site.name, "url": site.url},
        **({"author": work["author"]} if "author" in work else {}),
        **({"dateModified": site.version.date} if site.version.date else {}),
    }


def cite_block(
    site: Site,
    page_src: str,
    *,
    key: str,
    title: str,
    what: str,
    container: str | None = None,
    essay: EssayInfo | None = None,
) -> str:
    """A collapsible "Cite this" with a plain reference and BibTeX, each with a copy button
    (added by edition.js). Plain <pre> blocks, not code blocks: the theme sets up every
    code block as a page starts, which cost the essay's start-up more than its tooltips.

    With ``essay`` the reference is to the essay itself: its author first (or "Author
    unknown"), then the edition that presents it."""
    version = site.version
    url = site.page_url(page_src)
    container = f"“{site.name}”" if container is None else container
    year = version.date[:4] or "n.d."
    edition = version.label
    author = "The edition's contributors"
    if essay is None:
        plain = f"{author}, “{title}”, {what}{container}, {edition}. {url}"
        note = f"{what}{container}, {edition}"
    else:
        author = essay_author(essay)
        dated = essay.published if essay.known(essay.published) else "n.d."
        editors = ", ".join(essay.editors)
        plain = f"{author}, “{essay.title}” ({dated}), {what}, ed. {editors}, {edition}. {url}"
        note = f"{what}, ed. {editors}, {edition}"
        title = essay.title
    bibtex = "\n".join(
        [
            f"@misc{{{key},",
            f"  title = {{{escape_latex(title)}}},",
            f"  author = {{{{{escape_latex(author)}}}}},",
            f"  year = {{{year}}},",
            f"  note = {{{escape_latex(note)}}},",
            f"  howpublished = {{\\url{{{url}}}}},",
            f"  url = {{{url}}}",
            "}",
        ]
    )
    history = page_href(page_src, HISTORY_SRC)
    downloads = " · ".join(
        f'<a href="{html.escape(href)}" type="{media}" download>{label}</a>'
        for href, media, label in download_links(page_src, citation_stem(page_src))
    )
    return (
        '<details class="ed-cite-this" data-search-exclude>\n<summary>Cite this</summary>\n'
        f'<pre class="ed-citation" data-ed-format="plain text">{html.escape(plain, quote=False)}</pre>\n'
        f'<pre class="ed-citation" data-ed-format="BibTeX">{html.escape(bibtex, quote=False)}</pre>\n'
        f"<p>For a reference manager: {downloads}.</p>\n"
        f"<p>Cite the {html.escape(edition, quote=False)}: later changes are listed in the "
        f'<a href="{html.escape(history)}">edition history</a>.</p>\n</details>'
    )


def suggest_note_url(repo_url: str, paragraph: int, branch: str = "main") -> str:
    """The repository's new-file form for a note on this paragraph.

    edition.js fills in the note's front matter when the link is used, quoting the
    paragraph's opening words: the template is written once, not once per paragraph."""
    query = urlencode({"filename": f"note-on-paragraph-{paragraph}.md"}, quote_via=quote)
    return f"{repo_url}/new/{branch}/docs/notes?{query}"
