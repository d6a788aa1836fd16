"""The policy for contributed input, in one place: how contributed Markdown is read, and
which ids, classes and attributes belong to the site and never to a contributor.

``make check`` (``sanitize.body_problems``), the build (``compile.markdown_converter``,
``sanitize.clean_html``) read these names, and the reader's script reads only what the
compiler and the templates write (reader/names.js, checked against the built site), so that what the check accepts is
exactly what the build renders, and no contributed text can pose as the site's own markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# The one Markdown configuration for contributed text (note and term bodies), used by
# `make check` and by the build alike: MkDocs' built-in extensions first, then those of
# mkdocs.yml that contributed text may use, then typographers' quotes (smarty), which the
# edition's own text gets and the essay's page does not (its words are the author's).
CONTRIBUTED_MARKDOWN: tuple[tuple[str, Mapping[str, Any]], ...] = (
    ("toc", {"permalink": True, "permalink_title": "Link to this section"}),
    ("tables", {}),
    ("fenced_code", {}),
    ("abbr", {}),
    ("attr_list", {}),
    ("footnotes", {}),
    ("md_in_html", {}),
    ("pymdownx.superfences", {}),
    # Typographers' quotes, apostrophes, dashes and ellipses in the edition's own text, as
    # the essay has them (code spans and blocks are left as they are).
    ("smarty", {}),
)
# The Markdown extensions mkdocs.yml may name (it is checked against this list): each is a
# module of Python-Markdown or pymdown-extensions, imported by the engine.
ALLOWED_EXTENSIONS = frozenset(
    {
        "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
        "toc", "pymdownx.details", "pymdownx.superfences", "pymdownx.highlight",
        "pymdownx.inlinehilite",
    }
)  # fmt: skip

# The small, named set of attributes a contributor may give with an attribute list
# (`{: lang="fr" }`, to mark words of another language). Nothing else: no id, no class, no
# data-* or event attribute. Footnotes (`[^x]`) are not used: a note is itself a footnote.
CONTRIBUTED_ATTRIBUTES = frozenset({"lang"})

# Ids the compiler and the templates write. A contributed heading's own address (made by
# the toc extension from its words) may never be one of them.
RESERVED_ID_PREFIXES = ("ed-", "fn:", "fnref:", "fn-", "corr-", "line-", "verdict-", "letter-")
RESERVED_IDS = frozenset(
    {"notes", "sources", "in-the-essay", "see-also", "reading-text", "__search", "__drawer"}
)
PARAGRAPH_ID = re.compile(r"p[0-9]+")
# Classes the compiler itself writes into the HTML of contributed text (a citation's link,
# a reference's address, a heading's permalink, the edition's own-voice mark, a citation's
# evidence); the sanitizer keeps these and no other.
COMPILER_CLASSES: Mapping[str, frozenset[str]] = {
    "a": frozenset({"ed-cite", "ed-url", "headerlink", "ed-own-voice"}),
    "span": frozenset(
        {"ed-cite-group", "ed-evidence", "ed-evidence-item", "ed-evidence-at", "ed-evidence-label"}
    ),
}
# Attributes the compiler writes beside them (the mark's name for screen readers, the
# evidence's role); contributed text cannot give them (no raw HTML, attribute lists: lang).
COMPILER_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "a": frozenset({"aria-label"}),
    "span": frozenset({"role"}),
}


def is_reserved_id(value: str) -> bool:
    """An id that the site's own markup uses, or may use, on some page."""
    return (
        value in RESERVED_IDS
        or value.startswith(RESERVED_ID_PREFIXES)
        or PARAGRAPH_ID.fullmatch(value) is not None
    )


def contributed_heading_id(tag: str, value: str) -> bool:
    """An id the sanitizer keeps: a heading's address, made from its words, not reserved."""
    return (
        tag in ("h2", "h3", "h4", "h5", "h6")
        and re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", value) is not None
        and not is_reserved_id(value)
    )


def contributed_markdown_extensions() -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The extensions and their settings, as Python-Markdown takes them."""
    return (
        [name for name, _ in CONTRIBUTED_MARKDOWN],
        {name: dict(options) for name, options in CONTRIBUTED_MARKDOWN if options},
    )
