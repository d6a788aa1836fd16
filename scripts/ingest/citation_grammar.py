"""The one citation grammar: ``[@key]``, ``[@a; @b]`` and the edition's own mark ``[@edition]``.

The check, the validate stage, the citation check and the renderers all read citations
through this module, so that what ``make check`` accepts is exactly what the pages show.
``[@edition]`` marks a sentence as the edition's own reading or judgement: it is never a
source key (sources.yml refuses the key), and it counts as a citation for the check that
every sentence cites a source or speaks as the edition.
"""

from __future__ import annotations

import re

# A citation group: "[@a; @b]"; group 1 holds the keys with their "@".
CITATION = re.compile(r"\[(@[^\]]*)\]")
CITED_KEY = re.compile(r"@([A-Za-z0-9_]+)")
EDITION_MARK = "edition"


def group_keys(group: str) -> list[str]:
    """Every key of one citation group's inner text ("@a; @b"), the edition's mark included."""
    return CITED_KEY.findall(group)


def cited_keys(body: str) -> list[str]:
    """The source keys cited in a Markdown body, in order, without the edition's mark."""
    return [
        key for group in CITATION.findall(body) for key in group_keys(group) if key != EDITION_MARK
    ]


def has_citation(text: str) -> bool:
    """True when the text holds a citation group: a source's or the edition's mark."""
    return CITATION.search(text) is not None


def without_citations(text: str) -> str:
    return CITATION.sub("", text)


def says_something(body: str) -> bool:
    """A body has words of its own once its citations are set aside."""
    return bool(re.search(r"\w", without_citations(body)))
