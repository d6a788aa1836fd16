"""Permanent addresses: the registry of every published URL and fragment, and redirects.

``addresses.txt`` lists each address ever published, one per line (``/notes/x/``,
``/#p12``). A build fails when a listed address no longer resolves, unless
``docs/edition/redirects.yml`` records where it went. New addresses are added to the
registry with ``make addresses``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from . import (
    load,
    render_cite,
    render_essay,
    render_glossary,
    render_meta,
    render_notes,
    render_pages,
)
from .exports import outputs as exports
from .markdown_text import page_url
from .model import Address, Redirect
from .pipeline import REDIRECTS_PATH, Edition
from .pipeline import REGISTRY_PATH as REGISTRY_PATH  # where the registry lives, for its users
from .problems import Problem

# What the compiler adds to the site besides the files in docs/ (pages, then other files).
GENERATED_PAGES = (
    render_pages.CORRECTIONS_SRC,
    render_pages.ORIGINAL_SRC,
    render_notes.NOTES_INDEX_SRC,
    render_cite.SOURCES_SRC,
    render_glossary.GLOSSARY_INDEX_SRC,
    render_meta.HISTORY_SRC,
    exports.DATA_SRC,  # exports (issue 22)
)
GENERATED_FILES = (
    render_pages.SEED_COPY,
    render_notes.ANNOTATIONS_FILE,
    *exports.PUBLISHED_FILES,  # exports (issue 22): bibliography, TEI, Hypothesis
)
# Data a page fetches for itself: published, but not an address anyone should keep.
GENERATED_ASSETS = (render_essay.NOTE_TEXTS_FILE,)
GENERATED = GENERATED_PAGES + GENERATED_FILES + GENERATED_ASSETS


def site_files(docs: Path) -> list[str]:
    """Source paths of every page and generated file, as the engines will publish them."""
    written = [
        p.relative_to(docs).as_posix()
        for p in docs.rglob("*.md")
        if p.relative_to(docs).parts[0] != "edition"
    ]
    return sorted({*written, *GENERATED_PAGES, *GENERATED_FILES})


def current_addresses(edition: Edition, src_uris: Iterable[str]) -> set[Address]:
    """Every address the edition publishes: its pages and the fragments it promises."""
    addresses = {Address(page_url(s)) for s in src_uris}
    addresses |= {Address("/", s.id) for s in edition.sections}
    addresses |= {Address("/", f"p{n}") for n in range(1, len(edition.seed.paragraphs) + 1)}
    addresses |= {Address("/", f"fn:{n.id}") for n in edition.notes}
    addresses |= {Address("/", f"corr-{c.id}") for c in edition.corrections}
    addresses |= {Address("/sources/", s.key) for s in edition.sources}
    addresses |= {
        Address("/original/", f"line-{n}") for n in range(1, len(edition.seed.paragraphs) + 1)
    }
    return addresses


def parse_registry(text: str) -> list[tuple[int, Address]]:
    """(line, address) for each address; blank lines and lines starting with '# ' are skipped."""
    return [
        (number, Address.parse(line))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("# ")
    ]


def render_registry(addresses: Iterable[Address]) -> str:
    header = (
        "# Every address this edition has published. Never remove a line: when an address\n"
        "# moves, record it in docs/edition/redirects.yml. Add new ones with 'make addresses'.\n"
    )
    return header + "".join(f"{a}\n" for a in sorted(set(addresses)))


def resolves(address: Address, page_ids: Mapping[str, set[str]]) -> bool:
    if address.page not in page_ids:
        return False
    return not address.fragment or address.fragment in page_ids[address.page]


def check_registry(
    registry: Sequence[tuple[int, Address]],
    redirects: Sequence[Redirect],
    page_ids: Mapping[str, set[str]],
) -> list[Problem]:
    """Every registered address must resolve, directly or through a redirect that resolves."""
    moved = {r.source: r for r in redirects}
    problems = []
    for line, address in registry:
        if resolves(address, page_ids):
            continue
        redirect = moved.get(address) or moved.get(Address(address.page))
        if redirect is None:
            problems.append(
                Problem(
                    REGISTRY_PATH,
                    line,
                    f"the published address {address} no longer exists",
                    f"restore it, or record where it went in {REDIRECTS_PATH} "
                    f'(- from: "{address}" and to: its new address)',
                )
            )
    for redirect in redirects:
        if resolves(redirect.source, page_ids):
            problems.append(
                Problem(
                    REDIRECTS_PATH,
                    redirect.line,
                    f"the redirect starts at {redirect.source}, which the site still publishes",
                    "a redirect would hide it: remove the redirect, or first remove what lives "
                    "at that address",
                )
            )
        if not resolves(redirect.target, page_ids):
            problems.append(
                Problem(
                    REDIRECTS_PATH,
                    redirect.line,
                    f"the redirect from {redirect.source} goes to {redirect.target}, which does "
                    "not exist",
                    "point 'to' at a page and fragment that the site has",
                )
            )
    return problems


def model_page_ids(current: Iterable[Address]) -> dict[str, set[str]]:
    """Pages and their fragments as the edition model knows them, without rendering."""
    page_ids: dict[str, set[str]] = {}
    for address in current:
        page_ids.setdefault(address.page, set())
        if address.fragment:
            page_ids[address.page].add(address.fragment)
    return page_ids


def registry_text(root: Path) -> str:
    """The registry's text; no registry yet counts as nothing recorded (an unreadable one
    is reported by build_edition)."""
    return (load.read_text(root, REGISTRY_PATH)[0] or "") if (root / REGISTRY_PATH).exists() else ""


def unrecorded(current: set[Address], registry_file: str) -> list[Problem]:
    """A warning naming the addresses the edition publishes but the registry lacks."""
    new = sorted(current - {a for _, a in parse_registry(registry_file)})
    if not new:
        return []
    shown = ", ".join(map(str, new[:5])) + (" …" if len(new) > 5 else "")
    return [
        Problem(
            REGISTRY_PATH,
            len(registry_file.splitlines()) or 1,
            f"{len(new)} new address{'es' if len(new) != 1 else ''} not yet recorded ({shown})",
            f"run 'make addresses' and commit {REGISTRY_PATH}",
        )
    ]


def check_addresses(root: Path, edition: Edition) -> tuple[list[Problem], list[Problem]]:
    """The registry and redirects checked against the edition model (no rendering): the
    problems, and a warning for addresses not yet recorded. The build checks the same
    registry again on the rendered pages."""
    text = registry_text(root)
    registry = parse_registry(text)
    current = current_addresses(edition, site_files(root / "docs"))
    page_ids = model_page_ids(current)
    # Fragments of hand-written pages are only known once rendered: the build checks those.
    fragment_pages = {a.page for a in current if a.fragment}
    checkable = [
        (line, a)
        for line, a in registry
        if not (a.fragment and a.page in page_ids and a.page not in fragment_pages)
    ]
    problems = check_registry(checkable, edition.redirects, page_ids)
    return problems, unrecorded(current, text)


def src_of(page: str) -> str:
    """``/notes/x/`` -> ``notes/x.md``; ``/`` -> ``index.md`` (the inverse of ``page_url``)."""
    return (page.strip("/") or "index") + ".md"


def fragment_redirects(redirects: Sequence[Redirect], page: str) -> dict[str, str]:
    """For one page: old fragment -> new address, relative to that page (for edition.js)."""
    moved = {}
    for r in redirects:
        if r.source.page == page and r.source.fragment:
            base = "" if r.target.page == page else posixpath.relpath(r.target.page, page) + "/"
            moved[r.source.fragment] = base + (f"#{r.target.fragment}" if r.target.fragment else "")
    return moved
