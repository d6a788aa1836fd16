"""Links of the hand-written pages (``docs/*.md``) and the menu, resolved against the compiled
edition, so that `make check` never says "ok" where the strict build fails on them.

mkdocs.yml's ``validation`` makes the engine warn (and --strict stop) on a link to a file
that does not exist, to a fragment the target page does not have, on an absolute link and on
a link it cannot resolve (``notes/`` for ``notes/index.md``), and on a menu entry with no
page. The same rules are applied here, on the pages as the compiler fills them in, with the
site's own Markdown settings, and each problem is reported at the line of the source page.
Target pages are rendered only when a link names one of their fragments.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from scripts.ingest import git_history, load, schema, site_config
from scripts.ingest.docs_tree import READING_TEXT_MARKER
from scripts.model import Edition
from scripts.problems import Problem
from scripts.render import essay as render_essay
from scripts.render import glossary as render_glossary
from scripts.render import handwritten
from scripts.render import meta as render_meta
from scripts.render import notes as render_notes
from scripts.site import addresses, outputs
from scripts.site.compile import (
    DOCS,
    EDITION_DATA,
    SiteConfig,
    markdown_converter,
    read_folder,
    split_front_matter,
)

ENTRY_FOLDERS = ("notes/", "glossary/")  # pages the compiler writes from one file each


class _Links(Treeprocessor):
    """Every link and image address of a page, as the engine's own link check sees them
    (raw HTML is left alone by the engine, and so here)."""

    def __init__(self, md: Markdown, found: list[str]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: Element) -> None:
        for element in root.iter():
            address = element.get("href") if element.tag == "a" else element.get("src")
            if element.tag in ("a", "img") and address is not None:
                self.found.append(address)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)


def ids_in(html: str) -> set[str]:
    parser = _Ids()
    parser.feed(html)
    return parser.ids


def _line_of(text: str, needle: str, markers: Mapping[str, str]) -> int:
    """The first line of the source that holds the link, or the marker that made it."""
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if needle in line:
            return number
    for marker, filled in markers.items():
        if needle in filled:
            return next((n for n, line in enumerate(lines, start=1) if marker in line), 1)
    return 1


def _suggestion(value: str, choices: set[str]) -> str:
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.8)
    return f"did you mean '{close[0]}'? " if close else ""


class _Site:
    """What the links may lead to: the files of the compiled tree, and each page's ids."""

    def __init__(self, edition: Edition, config: SiteConfig, docs: Mapping[str, bytes]) -> None:
        self.edition = edition
        self.config = config
        self.docs = docs
        self.files = {
            *(src for src in docs if not src.startswith(EDITION_DATA)),
            *(output.src for output in outputs.OUTPUTS),
            *(path for path, _ in schema.published_files()),
        }
        self.pages = {src for src in self.files if src.endswith(".md")}
        self.meta_site = render_meta.Site(
            name=config.name,
            url=config.url,
            repo_url=config.repo_url,
            version=git_history.UNVERSIONED,
            branch=render_meta.branch_of(config.edit_uri),
        )
        self.to_html = markdown_converter(config)
        self._ids: dict[str, set[str]] = {}

    def markdown(self) -> Markdown:
        names, configs = self.config.markdown_extensions()
        return Markdown(extensions=names, extension_configs=configs)

    def source_of(self, src: str) -> str:
        """A hand-written page's Markdown without its front matter, as the compiler fills it."""
        text = self.docs[src].decode("utf-8")
        _, body, _ = split_front_matter(src, text)
        body = body.replace(READING_TEXT_MARKER, "")
        return handwritten.fill_page(body, self.edition, self.config.repo_url, src)

    def ids(self, src: str) -> set[str]:
        if src not in self._ids:
            self._ids[src] = self._render_ids(src)
        return self._ids[src]

    def _render_ids(self, src: str) -> set[str]:
        edition = self.edition
        notes = {n.src_uri: n for n in edition.notes}
        terms = {t.src_uri: t for t in edition.terms}
        generated = {o.src: o for o in outputs.OUTPUTS if o.role == "page"}
        if src in notes:
            text = render_notes.render_note_page(edition, self.meta_site, notes[src])
        elif src in terms:
            text = render_glossary.render_term_page(edition, self.meta_site, terms[src])
        elif src in generated:
            context = outputs.Context(
                edition=edition,
                site=self.meta_site,
                history=(),
                seed_sha256="",
                edit_url=self.config.edit_url,
                new_file_url=self.config.new_file_url,
                to_html=self.to_html,
            )
            text = split_front_matter(src, generated[src].render(context))[1]
        elif src in self.docs:
            text = self.source_of(src)
        else:
            return set()
        found = ids_in(self.markdown().convert(text))
        if src == render_essay.ESSAY_SRC:  # the reading text's addresses, from the model
            current = addresses.current_addresses(edition, ())
            found |= {a.fragment for a in current if a.page == "/" and a.fragment}
            found |= {f"fnref:{n.id}" for n in edition.notes} | {"notes"}
        return found


def _link_problem(site: _Site, path: str, line: int, src: str, href: str) -> Problem | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or "\x02amp\x03" in href:
        return None  # another site, or an e-mail address Markdown has obfuscated
    if href.startswith(("/", "\\")):
        return Problem(
            path,
            line,
            f"the link to '{href}' starts with '/', which leaves the site's own path",
            "write it relative to this page, to the page's Markdown file (such as 'about.md')",
        )
    if not parts.path:
        target = src
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src), unquote(parts.path)))
        if target not in site.files or parts.path.endswith("/"):
            index = posixpath.join(target, "index.md")
            fix = (
                f"link the page's Markdown file, "
                f"'{posixpath.relpath(index, posixpath.dirname(src) or '.')}'"
                if index in site.pages
                else _suggestion(target, site.files)
                + "link the Markdown file of a page that exists, relative to this page "
                "(such as 'notes/<id>.md' or 'sources.md#<key>'), or remove the link"
            )
            return Problem(
                path, line, f"the link to '{href}' leads to no page or file of the site", fix
            )
    if parts.fragment and target in site.pages and parts.fragment not in site.ids(target):
        return Problem(
            path,
            line,
            f"the link to '{href}' names no address on this page"
            if target == src
            else f"the link to '{href}' names '#{parts.fragment}', which the page {target} "
            "does not have",
            _suggestion(parts.fragment, site.ids(target))
            + "link a heading's id or another address the page has, or remove the fragment",
        )
    return None


def hand_written(docs: Mapping[str, bytes]) -> list[str]:
    """The pages written by hand: docs/**/*.md but the notes, the terms and the data."""
    return sorted(
        src
        for src in docs
        if src.endswith(".md") and not src.startswith((*ENTRY_FOLDERS, EDITION_DATA))
    )


def check_links(
    edition: Edition, config: SiteConfig, docs: Mapping[str, bytes], menu: Callable[[], str]
) -> list[Problem]:
    """Every broken link of the hand-written pages, and every menu entry with no page."""
    site = _Site(edition, config, docs)
    problems: list[Problem] = []
    for src in hand_written(docs):
        path = f"{DOCS}/{src}"
        found: list[str] = []
        md = site.markdown()
        md.treeprocessors.register(_Links(md, found), "edition-links", 0)
        md.convert(site.source_of(src))
        source = docs[src].decode("utf-8")
        markers = {
            handwritten.SCALE_LOG_MARKER: handwritten.render_scale_log(edition, src),
            render_meta.PROVENANCE_MARKER: render_meta.provenance(edition.info),
        }
        for href in dict.fromkeys(found):
            problem = _link_problem(site, path, _line_of(source, href, markers), src, href)
            if problem is not None:
                problems.append(problem)
    text = menu()
    for page in site_config.nav_pages(config.settings.get("nav") or []):
        if page not in site.pages:
            line = next((n for n, line in enumerate(text.split("\n"), start=1) if page in line), 1)
            problems.append(
                Problem(
                    site_config.CONFIG_PATH,
                    line,
                    f"the menu ('nav') names '{page}', which is not a page of the site",
                    _suggestion(page, site.pages) + "add the page, or remove it from 'nav'",
                )
            )
    return problems


def link_problems(root: Path, edition: Edition, config: SiteConfig) -> list[Problem]:
    """check_links on the project at ``root`` (the adapter: reads docs/ and mkdocs.yml)."""
    docs = read_folder(root / DOCS)
    unreadable = [src for src, raw in docs.items() if src.endswith(".md") and not _utf8(raw)]
    if unreadable:
        return []  # build_edition has said so, with the line and column
    return check_links(
        edition,
        config,
        docs,
        lambda: load.read_text(root, site_config.CONFIG_PATH)[0] or "",
    )


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
