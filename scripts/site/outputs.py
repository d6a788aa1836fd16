"""The one registry of what the compiler adds to the site besides the files in ``docs/``.

The compiler renders every entry of ``OUTPUTS`` into the docs tree, and the address registry
reads the same entries to know the edition's addresses without rendering anything. Adding
a generated page or an export format is one module and one entry here.

Roles: a *page* is Markdown with front matter (a permanent address); a *file* is published
as it is, at a permanent address (a download, a data export); an *asset* is data a page
fetches for itself: published, but not an address anyone should keep.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from scripts.exports import bibtex, csl_json, hypothesis, publish, ris, tei, web_annotations
from scripts.exports.bibliography import bibliography
from scripts.exports.paths import BIBLIOGRAPHY_STEM, HYPOTHESIS_FILE, TEI_FILE
from scripts.ingest.git_history import Change
from scripts.model import Edition
from scripts.render import cite as render_cite
from scripts.render import essay as render_essay
from scripts.render import glossary as render_glossary
from scripts.render import history as render_history
from scripts.render import meta as render_meta
from scripts.render import notes as render_notes
from scripts.render import pages as render_pages

Role = Literal["page", "file", "asset"]


@dataclass(frozen=True)
class Context:
    """What an output may read: the edition and where it lives, never the file system."""

    edition: Edition
    site: render_meta.Site
    history: tuple[Change, ...]
    seed_sha256: str
    edit_url: Callable[[str], str]  # the edit form of a file given relative to docs/
    new_file_url: Callable[[str], str]  # the new-file form of a docs/ folder
    to_html: Callable[[str, str], str]  # the site's own Markdown, for a page's source path


def _no_meta(_: Context) -> Mapping[str, Any]:
    return {}


@dataclass(frozen=True)
class Output:
    """One generated page or file: its source path in the tree, its role, how to make it."""

    src: str
    role: Role
    render: Callable[[Context], str]
    meta: Callable[[Context], Mapping[str, Any]] = field(default=_no_meta)


# The theme's icon for a pencil that starts a new file rather than editing one.
NEW_FILE_ICON = "material/file-plus-outline"

OUTPUTS: tuple[Output, ...] = (
    Output(
        render_pages.CORRECTIONS_SRC,
        "page",
        lambda c: render_pages.render_corrections_page(c.edition),
        lambda c: {
            "edit_url": c.edit_url("edition/corrections.yml"),
            "edit_label": "Edit the list of corrections",
        },
    ),
    Output(
        render_pages.ORIGINAL_SRC,
        "page",
        lambda c: render_pages.render_original_page(c.edition, c.seed_sha256),
        # The essay's source text: the reading text is what to find.
        lambda c: {
            "edit_url": c.edit_url("../seeds/essay.txt"),
            "edit_label": "Edit the file of the original text",
            "search": {"exclude": True},
        },
    ),
    Output(
        render_notes.NOTES_INDEX_SRC,
        "page",
        lambda c: render_notes.render_notes_index(c.edition),
        # A page built from every note's file: its pencil starts a new one.
        lambda c: {
            "edit_url": c.new_file_url("notes"),
            "edit_label": "Write a new note",
            "edit_icon": NEW_FILE_ICON,
        },
    ),
    Output(
        render_cite.SOURCES_SRC,
        "page",
        lambda c: render_notes.render_sources_page(c.edition),
        lambda c: {
            "edit_url": c.edit_url("edition/sources.yml"),
            "edit_label": "Edit the list of sources",
        },
    ),
    Output(
        render_glossary.GLOSSARY_INDEX_SRC,
        "page",
        lambda c: render_glossary.render_glossary_index(c.edition),
        lambda c: {
            "edit_url": c.new_file_url("glossary"),
            "edit_label": "Add a new term",
            "edit_icon": NEW_FILE_ICON,
            "ed_jsonld": render_glossary.defined_term_set_jsonld(c.edition, c.site.url),
        },
    ),
    Output(
        render_meta.HISTORY_SRC,
        "page",
        lambda c: render_history.render_history_page(
            c.history,
            c.site.repo_url,
            {f"docs/{item.src_uri}": item.title for item in c.edition.notes}
            | {f"docs/{term.src_uri}": term.term for term in c.edition.terms},
        ),
        # Commit lists: written by git, not by a file; not what a reader searches for.
        lambda c: {"edit_url": "", "search": {"exclude": True}},
    ),
    Output(render_pages.SEED_COPY, "file", lambda c: c.edition.seed.text),
    Output(
        render_essay.NOTE_TEXTS_FILE,
        "asset",
        lambda c: render_essay.render_note_texts(
            c.edition, lambda text: c.to_html(text, render_essay.ESSAY_SRC)
        ),
    ),
    Output(
        render_glossary.TERM_DEFINITIONS_FILE,
        "asset",
        lambda c: render_glossary.render_term_definitions_css(c.edition),
    ),
    Output(
        web_annotations.ANNOTATIONS_FILE,
        "file",
        lambda c: web_annotations.render_annotations(c.edition, c.site.url),
    ),
    # The formats scholars' tools read (scripts/exports/), listed on the Data page.
    Output(
        publish.DATA_SRC,
        "page",
        lambda c: publish.render_data_page(c.edition, c.site),
        lambda c: {"edit_url": ""},
    ),
    Output(
        BIBLIOGRAPHY_STEM + ".csl.json",
        "file",
        lambda c: csl_json.render(bibliography(c.edition)),
    ),
    Output(BIBLIOGRAPHY_STEM + ".bib", "file", lambda c: bibtex.render(bibliography(c.edition))),
    Output(BIBLIOGRAPHY_STEM + ".ris", "file", lambda c: ris.render(bibliography(c.edition))),
    Output(TEI_FILE, "file", lambda c: tei.render(c.edition, c.site)),
    Output(HYPOTHESIS_FILE, "file", lambda c: hypothesis.render(c.edition, c.site)),
)


def sources_of(role: Role) -> tuple[str, ...]:
    """The source paths of every output with that role, in registry order."""
    return tuple(output.src for output in OUTPUTS if output.role == role)
