"""BibTeX: the bibliography as LaTeX users and reference managers import it."""

from __future__ import annotations

from collections.abc import Iterable

from scripts.exports.bibliography import EDITION_NOTE, ESSAY_IN_EDITION, GLOSSARY_ENTRY, Name, Work
from scripts.exports.latex import escape

# Entry types, and the field that names the container for each.
ENTRY_TYPES = {
    "article": ("article", "journal"),
    "book": ("book", "publisher"),
    "chapter": ("incollection", "booktitle"),
    "conference": ("inproceedings", "booktitle"),
    "report": ("techreport", "institution"),
    ESSAY_IN_EDITION: ("incollection", "booktitle"),
    EDITION_NOTE: ("misc", "howpublished"),
    GLOSSARY_ENTRY: ("misc", "howpublished"),
}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex_name(name: Name) -> str:
    """``Family, Given``; an organisation in braces, so that it is never split."""
    if name.literal:
        return "{" + escape(name.literal) + "}"
    return f"{escape(name.family)}, {escape(name.given)}"


def entry(work: Work) -> str:
    """One @entry; fields the data lacks are left out."""
    kind, container_field = ENTRY_TYPES.get(work.kind, ("misc", "howpublished"))
    container = work.container
    if kind == "techreport" and not container.title:
        kind, container_field = "misc", "howpublished"  # a report needs its institution
    names = [bibtex_name(n) for n in work.authors] + (["others"] if work.more_authors else [])
    fields: list[tuple[str, str]] = [
        ("title", "{" + escape(work.title) + "}"),  # double braces keep its capitals
        ("author", " and ".join(names)),
        ("editor", " and ".join(bibtex_name(n) for n in work.editors)),
        (container_field, escape(container.title)),
        ("year", work.year),
        ("month", MONTHS[work.issued.month - 1] if work.issued and work.issued.month else ""),
        ("volume", container.volume),
        ("number", container.issue),
        ("pages", container.pages.replace("-", "--")),
        ("publisher", escape(work.publisher) if container_field != "publisher" else ""),
        ("eprint", container.arxiv),
        ("archiveprefix", "arXiv" if container.arxiv else ""),
        ("doi", work.doi),
        ("url", work.url or (f"https://doi.org/{work.doi}" if work.doi else "")),
        ("urldate", work.accessed.iso if work.accessed else ""),
        ("version", work.version),
        ("note", escape(container.remark)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{kind}{{{work.key},\n{body}\n}}\n"


def render(works: Iterable[Work]) -> str:
    """A .bib file: one entry per work."""
    return "\n".join(entry(w) for w in works)
