"""Highwire Press ``citation_*`` tags (and a Dublin Core type) for every page: what Zotero's
Embedded Metadata translator and Google Scholar read.

Zotero takes the item type from the tags: ``citation_book_title`` makes the essay a book
section (a part of the edition); otherwise ``DC.type`` names a Zotero item type (a web
page, a dictionary entry). An author the data does not know is left out, never guessed.
"""

from __future__ import annotations

from scripts.exports.bibliography import (
    Date,
    Name,
    Work,
    cited_on,
    essay_work,
    note_work,
    source_work,
    term_work,
)
from scripts.model import Edition
from scripts.render.essay import ESSAY_SRC
from scripts.render.meta import Site

LANGUAGE = "en"


def _date(date: Date) -> str:
    return "/".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(date.parts))


def _name(name: Name) -> str:
    return name.inverted


def reference(work: Work) -> str:
    """A cited work as one ``citation_reference`` value (Google Scholar's key=value; form)."""
    container = work.container
    first, _, last = container.pages.partition("-")
    journal = work.kind == "article"
    pairs = [
        ("citation_title", work.title),
        *(("citation_author", _name(n)) for n in work.authors),
        ("citation_publication_date", _date(work.issued) if work.issued else ""),
        ("citation_journal_title" if journal else "citation_inbook_title", container.title),
        ("citation_volume", container.volume),
        ("citation_issue", container.issue),
        ("citation_firstpage", first),
        ("citation_lastpage", last),
        ("citation_doi", work.doi),
        ("citation_public_url", work.url),
    ]
    return "; ".join(f"{k}={v.replace(';', ',')}" for k, v in pairs if v)


def page_tags(edition: Edition, site: Site, page_src: str, title: str) -> list[tuple[str, str]]:
    """(meta name, content) for one page, in a fixed order."""
    notes = {n.src_uri: n for n in edition.notes}
    terms = {t.src_uri: t for t in edition.terms}
    zotero_type = "webpage"
    if page_src == ESSAY_SRC:
        work = essay_work(edition, site)
        zotero_type = "bookSection"
    elif page_src in notes:
        work = note_work(edition, site, notes[page_src])
    elif page_src in terms:
        work = term_work(edition, site, terms[page_src])
        zotero_type = "dictionaryEntry"
    else:  # the edition's other pages: written by its editors, like the notes
        work = Work(
            key="",
            kind="web",
            title=title,
            authors=essay_work(edition, site).editors,
            issued=essay_work(edition, site).issued,
            url=site.page_url(page_src),
        )
    tags = [
        ("citation_title", work.title),
        *(("citation_author", _name(n)) for n in work.authors),
        *(("citation_editor", _name(n)) for n in work.editors),
        ("citation_publication_date", _date(work.issued) if work.issued else ""),
        ("citation_book_title", site.name if zotero_type == "bookSection" else ""),
        ("citation_publisher", site.name),
        ("citation_public_url", work.url),
        ("citation_language", LANGUAGE),
        ("DC.type", zotero_type),
        *(("citation_reference", reference(source_work(s))) for s in cited_on(edition, page_src)),
    ]
    return [(name, content) for name, content in tags if content]
