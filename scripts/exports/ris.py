"""RIS: the bibliography as Zotero, EndNote and most reference managers import it."""

from __future__ import annotations

from collections.abc import Iterable

from scripts.exports.bibliography import EDITION_NOTE, ESSAY_IN_EDITION, GLOSSARY_ENTRY, Name, Work

# The edition's source types as RIS reference types (as Zotero's RIS translator writes them).
RIS_TYPES = {
    "article": "JOUR",
    "blog": "BLOG",
    "book": "BOOK",
    "chapter": "CHAP",
    "commentary": "ELEC",
    "conference": "CONF",
    "docs": "ELEC",
    "encyclopedia": "ENCYC",
    "news": "NEWS",
    "preprint": "GEN",
    "report": "RPRT",
    "software": "COMP",
    "source": "COMP",
    "thesis": "THES",
    "web": "ELEC",
    ESSAY_IN_EDITION: "CHAP",
    EDITION_NOTE: "ELEC",
    GLOSSARY_ENTRY: "DICT",
}
MORE_AUTHORS = "The source names further authors, not listed here."


def ris_name(name: Name) -> str:
    return name.literal or f"{name.family}, {name.given}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def record(work: Work) -> str:
    """One record, TY first and ER last; tags the data lacks are left out."""
    container = work.container
    first, _, last = container.pages.partition("-")
    date = ""
    if work.issued:  # YYYY/MM/DD/, with empty parts where the date is less precise
        year, month, day = ([*work.issued.parts, 0, 0])[:3]
        date = f"{year:04d}/{f'{month:02d}' if month else ''}/{f'{day:02d}' if day else ''}/"
    tags: list[tuple[str, str]] = [
        ("TY", RIS_TYPES.get(work.kind, "GEN")),
        *(("AU", ris_name(n)) for n in work.authors),
        *(("A2", ris_name(n)) for n in work.editors),
        ("TI", work.title),
        ("T2", container.title),
        ("PY", work.year),
        ("DA", date),
        ("VL", container.volume),
        ("IS", container.issue),
        ("SP", first),
        ("EP", last),
        ("PB", work.publisher or ("arXiv" if container.arxiv else "")),
        ("M1", f"arXiv:{container.arxiv}" if container.arxiv else ""),
        ("ET", work.version),
        ("DO", work.doi),
        ("UR", work.url or (f"https://doi.org/{work.doi}" if work.doi else "")),
        ("Y2", work.accessed.iso.replace("-", "/") if work.accessed else ""),
        ("N1", container.remark),
        ("N1", MORE_AUTHORS if work.more_authors else ""),
        ("ID", work.key),
    ]
    lines = [f"{tag}  - {_one_line(value)}" for tag, value in tags if value]
    return "\n".join([*lines, "ER  - "]) + "\n"


def render(works: Iterable[Work]) -> str:
    """A .ris file: one record per work, separated by a blank line."""
    return "\n".join(record(w) for w in works)
