"""The compiler: seed + editorial data -> a complete Markdown docs tree that any engine renders.

``compile_tree`` is pure: from the validated edition, the site settings and the files of
``docs/`` it returns every file of the tree (each page as Markdown with its metadata in
YAML front matter, the generated data files, the static assets, a static redirect page
for each page that moved), plus one configuration per engine. ``write_tree`` is the
thin writer: it makes the build folder hold exactly those files, touching only the ones
that changed, so that an engine's live reload sees real changes only.

Contributors' Markdown never reaches an engine: note and term texts are rendered here,
with the site's own Markdown extensions, and go into the tree as HTML that has passed
the sanitizer's allow-list, so that every engine serves the same sanitized text.
"""

from __future__ import annotations

import html
import os
import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import yaml
from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from scripts.exports import publish, web_annotations
from scripts.ingest import git_history, load, schema
from scripts.ingest.docs_tree import READING_TEXT_MARKER
from scripts.model import Edition, Evidence, Redirect
from scripts.problems import Problem
from scripts.render import cite as render_cite
from scripts.render import essay as render_essay
from scripts.render import glossary as render_glossary
from scripts.render import handwritten as render_handwritten
from scripts.render import meta as render_meta
from scripts.render import notes as render_notes
from scripts.render.markdown import page_href, page_url, script_safe_json
from scripts.security import policy, sanitize
from scripts.site import addresses, outputs

CONFIG_PATH = "mkdocs.yml"
BUILD_DIR = "build"  # never docs/: writing there would loop an engine's live reload
DOCS = "docs"
OVERRIDES = "overrides"
ENGINES = ("mkdocs", "zensical")
# Each engine reads the configuration written for it, beside the tree.
ENGINE_CONFIG = {"mkdocs": "mkdocs.yml", "zensical": "zensical.yml"}
# libyaml's safe loader and dumper where PyYAML was built with it: the same safe
# constructors and the same output, in C. The compiler reads and writes every page's
# front matter; in pure Python that was 0.25 s of the 3.3 s `make compile` takes here.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# Template overrides an engine must not get. Material's search partial leaves its dialog
# unnamed, so the project has its own; Zensical's already names it, and ours (written
# for Material's markup) breaks Zensical's header search.
NOT_FOR_ENGINE = {"zensical": frozenset({"partials/search.html"})}
# What an engine's configuration adds to the project's mkdocs.yml: Zensical's default
# look is its own; "classic" is Material's.
ENGINE_THEME = {"zensical": {"variant": "classic"}}
# Settings of mkdocs.yml that only concern the source folders, not the compiled tree.
SOURCE_ONLY_SETTINGS = ("hooks", "watch", "exclude_docs")
EDITION_DATA = "edition/"  # docs/edition/*.yml: read by the compiler, not published
# MkDocs adds these to every site's Markdown extensions; so does SiteConfig, so that the
# link check renders a hand-written page as the engine will (contributed text has its own
# configuration, security/policy.py).
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


@dataclass(frozen=True)
class SiteConfig:
    """What the compiler needs from mkdocs.yml (the one place that says where the site lives)."""

    settings: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.settings.get("site_name") or "")

    @property
    def url(self) -> str:
        url = str(self.settings.get("site_url") or "/")
        return url if url.endswith("/") else url + "/"

    @property
    def repo_url(self) -> str:
        return str(self.settings.get("repo_url") or "").rstrip("/")

    @property
    def edit_uri(self) -> str:
        return str(self.settings.get("edit_uri") or "edit/main/docs/")

    def edit_url(self, docs_path: str) -> str:
        """The repository's edit form for a file given relative to docs/ (``../seeds/x``)."""
        path = posixpath.normpath(self.edit_uri + docs_path)
        return f"{self.repo_url}/{path}"

    def new_file_url(self, folder: str) -> str:
        """The repository's form for a new file in a docs/ folder (pages built from many files)."""
        return f"{self.repo_url}/new/{render_meta.branch_of(self.edit_uri)}/docs/{folder}"

    def markdown_extensions(self) -> tuple[list[str], dict[str, dict[str, Any]]]:
        """The extensions and their settings, as MkDocs passes them to Python-Markdown."""
        names: list[str] = list(BUILTIN_EXTENSIONS)
        configs: dict[str, dict[str, Any]] = {}
        for entry in self.settings.get("markdown_extensions") or []:
            if isinstance(entry, dict):
                for name, options in entry.items():
                    names.append(name)
                    configs[name] = dict(options or {})
            else:
                names.append(str(entry))
        return list(dict.fromkeys(names)), configs


def read_config(root: Path) -> tuple[SiteConfig | None, list[Problem]]:
    text, problems = load.read_text(root, CONFIG_PATH)
    if text is None:
        return None, problems
    settings, problems = load.safe_yaml(CONFIG_PATH, text)  # no tags, aliases or bombs
    if problems:
        return None, problems
    if not isinstance(settings, dict):
        return None, [Problem(CONFIG_PATH, 1, "is not a mapping of settings", "restore the file")]
    return SiteConfig(settings), []


class _PageLinks(Treeprocessor):
    """Links to the site's Markdown files (``../glossary/x.md#y``) as the published pages'
    addresses, relative to the page being rendered: what MkDocs does for the pages it
    renders, done here for the text the compiler renders itself."""

    def __init__(self, md: Markdown, page: dict[str, str]) -> None:
        super().__init__(md)
        self.page = page

    def run(self, root: Element) -> None:
        src = self.page["src"]
        for link in root.iter("a"):
            parts = urlsplit(link.get("href") or "")
            if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(src), parts.path))
            link.set("href", page_href(src, target, parts.fragment) or "./")


def markdown_converter(config: SiteConfig) -> Callable[[str, str], str]:
    """(Markdown, source path of the page it appears on) -> HTML, with the one Markdown
    configuration for contributed text that `make check` reads it with too."""
    names, configs = policy.contributed_markdown_extensions()
    converter = Markdown(extensions=names, extension_configs=configs)
    page = {"src": render_essay.ESSAY_SRC}
    converter.treeprocessors.register(_PageLinks(converter, page), "edition-page-links", 1)

    def to_html(text: str, src: str) -> str:
        page["src"] = src
        return str(converter.reset().convert(text))

    return to_html


def split_front_matter(path: str, text: str) -> tuple[dict[str, Any], str, list[Problem]]:
    """A page's front matter (as a mapping) and the Markdown after it."""
    if not text.startswith("---\n"):
        return {}, text, []
    end = text.find("\n---\n", 3)
    if end < 0:
        return {}, text, [Problem(path, 1, "the front matter has no closing ---", "add it")]
    try:
        meta = yaml.load(text[4 : end + 1], Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        return {}, text, [Problem(path, line, "the front matter cannot be read", "fix its YAML")]
    if not isinstance(meta, dict):
        return {}, text, [Problem(path, 2, "the front matter is not a mapping", "write key: value")]
    return meta, text[end + 5 :], []


def with_front_matter(meta: Mapping[str, Any], body: str) -> str:
    """A page with its metadata as YAML front matter, keys sorted so that builds repeat."""
    if not meta:
        return body
    block = yaml.dump(
        dict(meta),
        Dumper=SAFE_DUMPER,
        allow_unicode=True,
        sort_keys=True,
        width=1_000_000,
        default_flow_style=False,
    )
    return f"---\n{block}---\n{body}"


def redirect_page(target: str, canonical: str) -> str:
    """A static page that sends a reader to ``target`` (relative), as mkdocs-redirects wrote
    them: a refresh without JavaScript, and with it a replace that keeps the fragment."""
    href = html.escape(target, quote=True)
    keep_fragment = "" if "#" in target else "+location.hash"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Redirecting…</title>\n"
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n'
        '<meta name="robots" content="noindex">\n'
        f"<script>location.replace({script_safe_json(target)}{keep_fragment})</script>\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'</head>\n<body>\n<p>This page has moved: <a href="{href}">{href}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def redirect_pages(redirects: Iterable[Redirect], site_url: str) -> dict[str, str]:
    """tree path -> redirect page, for every whole page that moved."""
    pages = {}
    for r in redirects:
        if r.source.fragment:
            continue  # fragments are followed by edition.js, from the page's ed_redirects
        target = page_href(
            addresses.src_of(r.source.page), addresses.src_of(r.target.page), r.target.fragment
        )
        canonical = site_url + r.target.page.removeprefix("/")
        canonical += f"#{r.target.fragment}" if r.target.fragment else ""
        path = posixpath.join(r.source.page.strip("/"), "index.html").removeprefix("/")
        pages[path] = redirect_page(target or "./", canonical)
    return pages


def engine_settings(config: SiteConfig, engine: str, site_dir: str) -> dict[str, Any]:
    """The project's mkdocs.yml for one engine, over the compiled tree."""
    settings = {k: v for k, v in config.settings.items() if k not in SOURCE_ONLY_SETTINGS}
    settings["docs_dir"] = DOCS
    settings["site_dir"] = site_dir
    theme = dict(settings.get("theme") or {})
    theme["custom_dir"] = f"{OVERRIDES}/{engine}"
    theme.update(ENGINE_THEME.get(engine, {}))
    settings["theme"] = theme
    return settings


@dataclass(frozen=True)
class Tree:
    """The compiled edition: files of the build folder, and what the site checks need."""

    files: dict[str, bytes]  # path in the build folder -> content
    pages: tuple[str, ...]  # source paths of every page and published data file (for addresses)
    redirects: tuple[str, ...]  # site paths of the redirect pages (not the edition's pages)


@dataclass(frozen=True)
class Inputs:
    """Everything compile_tree reads besides the edition: no file system, no clock."""

    config: SiteConfig
    docs: Mapping[str, bytes]  # docs/ files by path relative to docs/
    overrides: Mapping[str, bytes]  # overrides/ files by path relative to overrides/
    history: tuple[git_history.Change, ...]
    seed_sha256: str
    # First and latest commit of each note file ("docs/notes/x.md"); none outside git.
    note_dates: Mapping[str, git_history.FileDates] = field(default_factory=dict)


def _page(edition: Edition, src: str, markdown: str, meta: dict[str, Any]) -> str:
    """A page with its metadata, and the fragments that moved away from it (for edition.js)."""
    moved = addresses.fragment_redirects(edition.redirects, page_url(src))
    if moved:
        meta["ed_redirects"] = script_safe_json(moved)
    return with_front_matter(meta, markdown)


def compile_tree(edition: Edition, inputs: Inputs) -> tuple[Tree, list[Problem]]:
    """Every file of the build folder, or the problems that stop it."""
    config = inputs.config
    to_html = markdown_converter(config)
    site = render_meta.Site(
        name=config.name,
        url=config.url,
        repo_url=config.repo_url,
        version=git_history.version_of(inputs.history),
        branch=render_meta.branch_of(config.edit_uri),
    )
    problems: list[Problem] = []
    pages: dict[str, str] = {}
    data: dict[str, str] = {}
    shorts = edition.short_labels

    def safe_body(body: str, src: str, evidence: tuple[Evidence, ...]) -> str:
        rendered = render_cite.render_citations(
            body, src, shorts, published=True, evidence=evidence
        )
        return sanitize.clean_html(to_html(rendered, src))

    notes = {n.src_uri: n for n in edition.notes}
    terms = {t.src_uri: t for t in edition.terms}
    static: dict[str, bytes] = {}
    for src, raw in sorted(inputs.docs.items()):
        if src.startswith(EDITION_DATA):
            continue
        if not src.endswith(".md"):
            static[src] = raw
            continue
        text = raw.decode("utf-8")  # build_edition has read every page as UTF-8 already
        if src in notes:
            note = notes[src]
            anchor = edition.anchors[note.id]
            body = safe_body(note.body, src, note.evidence)
            dates = inputs.note_dates.get(f"{DOCS}/{src}")
            review = render_notes.claim_review_jsonld(edition, site, note, dates)
            pages[src] = _page(
                edition,
                src,
                render_notes.render_note_page(edition, site, note, body=body, dates=dates),
                {
                    **({"ed_jsonld": script_safe_json(review)} if review else {}),
                    "title": sanitize.page_title(note.title),
                    "description": sanitize.page_title(
                        f"{render_essay.note_label(note)}. {note.title}. A note on paragraph "
                        f"{anchor.paragraph} of the essay “{edition.info.title}”."
                    ),
                    "edit_url": config.edit_url(src),
                    "edit_label": "Edit this note",
                },
            )
            continue
        if src in terms:
            term = terms[src]
            pages[src] = _page(
                edition,
                src,
                render_glossary.render_term_page(
                    edition, site, term, body=safe_body(term.body, src, term.evidence)
                ),
                {
                    "description": sanitize.page_title(f"{term.term}: {term.short}"),
                    "ed_jsonld": render_glossary.defined_term_jsonld(edition, term, config.url),
                    "edit_url": config.edit_url(src),
                    "edit_label": "Edit this term",
                },
            )
            continue
        meta, markdown, found = split_front_matter(f"{DOCS}/{src}", text)
        problems += found
        meta["edit_url"] = config.edit_url(src)
        if src == render_essay.ESSAY_SRC:
            # The page's text is the author's: what an editor changes here is the
            # introduction (this file) and the corrections, each behind its own pencil.
            meta["edit_label"] = "Edit the introduction"
            meta["edit_more"] = [
                {
                    "url": config.edit_url("edition/corrections.yml"),
                    "label": "Edit the corrections to the essay’s text",
                    "icon": "material/playlist-edit",
                }
            ]
            meta["ed_annotations"] = web_annotations.ANNOTATIONS_FILE  # <link rel="alternate">
            meta["ed_homepage"] = True  # Zensical's templates leave page.is_homepage empty
            meta["ed_jsonld"] = script_safe_json(render_meta.essay_jsonld(edition.info, site, src))
            markdown = markdown.replace(
                READING_TEXT_MARKER, render_essay.render_reading_text(edition, site)
            )
        # What the edition's data says, wherever a hand-written page asks for it.
        markdown = render_handwritten.fill_page(markdown, edition, config.repo_url, src)
        pages[src] = _page(edition, src, markdown, meta)

    context = outputs.Context(
        edition=edition,
        site=site,
        history=inputs.history,
        seed_sha256=inputs.seed_sha256,
        edit_url=config.edit_url,
        new_file_url=config.new_file_url,
        to_html=to_html,
    )
    for output in outputs.OUTPUTS:
        text = output.render(context)
        if output.role != "page":
            data[output.src] = text
            continue
        meta, markdown, found = split_front_matter(output.src, text)
        problems += found
        pages[output.src] = _page(edition, output.src, markdown, {**meta, **output.meta(context)})
    # Each page's citation tags and alternate files, for reference managers (Zotero).
    for src, text in pages.items():
        meta, markdown, _ = split_front_matter(src, text)
        meta.update(publish.page_meta(edition, site, src, publish.page_title(meta, markdown)))
        pages[src] = with_front_matter(meta, markdown)
    # Every page the compiler generates, and the generated parts of note and term pages, pass
    # the sanitizer's script check as the engine will render them.
    generated = set(outputs.sources_of("page"))
    for src in sorted(generated | set(notes) | set(terms)):
        _, markdown, _ = split_front_matter(src, pages[src])
        for markup in sanitize.script_markup(to_html(markdown, src)):
            problems.append(
                Problem(
                    f"{DOCS}/{src}",
                    1,
                    f"the generated page would carry markup that can run script ({markup})",
                    "a value of the edition's data is not escaped: report it to the maintainers",
                )
            )
    # One citation per essay, note and term in three formats: files, not addresses.
    data.update(publish.citation_files(edition, site))
    data.update(schema.published_files())
    moved = redirect_pages(edition.redirects, config.url)

    tree: dict[str, bytes] = {}
    for src, text in {**pages, **data, **moved}.items():
        tree[f"{DOCS}/{src}"] = text.encode("utf-8")
    for src, raw in static.items():
        tree[f"{DOCS}/{src}"] = raw
    for engine in ENGINES:
        skipped = NOT_FOR_ENGINE.get(engine, frozenset())
        for path, raw in inputs.overrides.items():
            if path not in skipped:
                tree[f"{OVERRIDES}/{engine}/{path}"] = raw
        # Relative to build/: Zensical writes only inside its configuration's folder.
        settings = engine_settings(config, engine, f".site-{engine}")
        header = (
            f"# Written by 'python -m scripts compile' from {CONFIG_PATH} for {engine}: "
            "edit that file, not this one.\n"
        )
        tree[ENGINE_CONFIG[engine]] = (
            header + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=1_000_000)
        ).encode("utf-8")
    published = sorted(
        {*pages, *(src for src in data if src in outputs.sources_of("file"))} - set(moved)
    )
    return (
        Tree(
            files=tree,
            pages=tuple(published),
            redirects=tuple(sorted("/" + p.removesuffix("index.html") for p in moved)),
        ),
        problems,
    )


def read_folder(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by its path relative to it (no caches)."""
    if not folder.is_dir() or folder.is_symlink():
        return {}
    files = {}
    for parent, dirs, names in os.walk(folder):  # never follows a symbolic link
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in names:
            path = Path(parent) / name
            if path.is_file() and not path.is_symlink():
                files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return dict(sorted(files.items()))


class OutsideFolderError(ValueError):
    """A path the writer refuses: it would resolve outside the build folder."""


def inside(folder: Path, relative: str) -> Path:
    """``folder / relative``, refused unless it stays inside ``folder`` (no '..', no
    absolute path, no symbolic link on the way out)."""
    parts = relative.split("/")
    if relative.startswith("/") or "\\" in relative or any(p in ("", ".", "..") for p in parts):
        raise OutsideFolderError(relative)
    target = folder / relative
    if not target.resolve().is_relative_to(folder.resolve()):
        raise OutsideFolderError(relative)
    return target


def write_tree(files: Mapping[str, bytes], folder: Path) -> int:
    """Make ``folder`` hold exactly ``files``: write what changed, remove what is gone.

    Returns how many files were written or removed. Untouched files keep their times, so
    that an engine watching the folder rebuilds only on a real change. Hidden entries at
    the top (an engine's output or cache, such as .site-zensical/) are left alone."""
    changed = 0
    folder.mkdir(parents=True, exist_ok=True)
    targets = {relative: inside(folder, relative) for relative in files}  # all, before writing
    for path in sorted(folder.rglob("*"), reverse=True):
        relative = path.relative_to(folder).as_posix()
        if relative.startswith("."):
            continue
        if path.is_file() and relative not in files:
            path.unlink()
            changed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for relative, content in sorted(files.items()):
        target = targets[relative]
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        changed += 1
    return changed
