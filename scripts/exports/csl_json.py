"""CSL-JSON: the bibliography as citation processors (citeproc, Zotero, Pandoc) read it."""

from __future__ import annotations

import json
from collections.abc import Iterable

from scripts.exports.bibliography import (
    EDITION_NOTE,
    ESSAY_IN_EDITION,
    GLOSSARY_ENTRY,
    Date,
    Name,
    Work,
)

# The edition's source types as CSL 1.0.2 item types.
CSL_TYPES = {
    "article": "article-journal",
    "blog": "post-weblog",
    "book": "book",
    "chapter": "chapter",
    "commentary": "webpage",
    "conference": "paper-conference",
    "docs": "webpage",
    "encyclopedia": "entry-encyclopedia",
    "news": "article-newspaper",
    "preprint": "article",
    "report": "report",
    "software": "software",
    "source": "software",
    "thesis": "thesis",
    "web": "webpage",
    ESSAY_IN_EDITION: "chapter",
    EDITION_NOTE: "webpage",
    GLOSSARY_ENTRY: "entry-dictionary",
}
MORE_AUTHORS = "The source names further authors, not listed here."


def csl_name(name: Name) -> dict[str, str]:
    return (
        {"literal": name.literal} if name.literal else {"family": name.family, "given": name.given}
    )


def csl_date(date: Date) -> dict[str, list[list[int]]]:
    return {"date-parts": [date.parts]}


def csl_item(work: Work) -> dict[str, object]:
    """One work as a CSL-JSON item; fields the data lacks are left out, never guessed."""
    container = work.container
    item: dict[str, object] = {
        "id": work.key,
        "type": CSL_TYPES.get(work.kind, "document"),
        "title": work.title,
    }
    optional: dict[str, object] = {
        "author": [csl_name(n) for n in work.authors],
        "editor": [csl_name(n) for n in work.editors],
        "issued": csl_date(work.issued) if work.issued else None,
        "original-date": csl_date(work.original_date) if work.original_date else None,
        "accessed": csl_date(work.accessed) if work.accessed else None,
        "container-title": container.title,
        "publisher": work.publisher or ("arXiv" if container.arxiv else ""),
        "volume": container.volume,
        "issue": container.issue,
        "page": container.pages,
        "number": f"arXiv:{container.arxiv}" if container.arxiv else "",
        "version": work.version,
        "DOI": work.doi,
        "URL": work.url or (f"https://doi.org/{work.doi}" if work.doi else ""),
        "note": " ".join(
            part for part in (container.remark, MORE_AUTHORS if work.more_authors else "") if part
        ),
    }
    item.update({k: v for k, v in optional.items() if v})
    return item


def render(works: Iterable[Work]) -> str:
    """A CSL-JSON file: an array of items, one per work."""
    return json.dumps([csl_item(w) for w in works], ensure_ascii=False, indent=2) + "\n"
