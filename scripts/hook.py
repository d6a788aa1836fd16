"""The MkDocs adapter: run the pipeline, then hand its pages to MkDocs.

Wired in mkdocs.yml under ``hooks:``, so plain ``mkdocs build`` and ``mkdocs
serve`` run the whole pipeline. The data is validated in ``on_pre_build``,
before MkDocs cleans ``site/``, so a build with bad data leaves the previous
site as it was. Generated pages live in memory (``File.generated``); nothing is
written into ``docs/``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path, not as part of a package
    sys.path.insert(0, str(ROOT))

from markdown import Markdown  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import get_plugin_logger  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from scripts import (  # noqa: E402
    addresses,
    git_history,
    load,
    render_cite,
    render_essay,
    render_glossary,
    render_meta,
    render_notes,
    render_pages,
    sanitize,
    schema,
)
from scripts.markdown_text import page_url, script_safe_json  # noqa: E402
from scripts.pipeline import Edition, build_edition  # noqa: E402
from scripts.problems import EditionError  # noqa: E402

log = get_plugin_logger("edition")

READING_TEXT_MARKER = "<!-- reading-text -->"

_edition: Edition | None = None
_site: render_meta.Site | None = None
_history: tuple[git_history.Change, ...] = ()
_note_dates: dict[str, git_history.FileDates] = {}
_page_ids: dict[str, set[str]] = {}


def current_edition() -> Edition:
    if _edition is None:
        raise PluginError("the edition was not loaded; is the hook listed in mkdocs.yml?")
    return _edition


def current_site() -> render_meta.Site:
    if _site is None:
        raise PluginError("the edition was not loaded; is the hook listed in mkdocs.yml?")
    return _site


def on_pre_build(config: MkDocsConfig) -> None:
    global _edition, _site, _history, _page_ids, _note_dates
    _edition = None  # never carry one build's edition into the next `mkdocs serve` rebuild
    _page_ids = {}
    _history = git_history.content_history(ROOT)
    _note_dates = git_history.file_dates(ROOT, "docs/notes")
    _site = render_meta.Site(
        name=config.site_name,
        url=config.site_url or "/",
        repo_url=(config.repo_url or "").rstrip("/"),
        version=git_history.version_of(_history),
        branch=render_meta.branch_of(config.edit_uri or ""),
    )
    try:
        _edition = build_edition(ROOT)
    except EditionError as error:
        raise PluginError(str(error)) from None
    for warning in _edition.warnings:
        log.warning(str(warning))
    if "redirects" in config.plugins:  # pages that moved; read by mkdocs-redirects in on_files
        maps = config.plugins["redirects"].config["redirect_maps"]
        maps.update(addresses.page_redirect_maps(_edition.redirects))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    edition = current_edition()
    sha256 = (ROOT / load.CHECKSUM_PATH).read_text(encoding="utf-8").split()[0]
    seed_edit = "../" + load.SEED_PATH
    generated = [
        (
            render_pages.CORRECTIONS_SRC,
            render_pages.render_corrections_page(edition),
            "edition/corrections.yml",
        ),
        (render_pages.ORIGINAL_SRC, render_pages.render_original_page(edition, sha256), seed_edit),
        (render_pages.SEED_COPY, edition.seed.text, seed_edit),
        (render_notes.NOTES_INDEX_SRC, render_notes.render_notes_index(edition), None),
        (render_cite.SOURCES_SRC, render_notes.render_sources_page(edition), "edition/sources.yml"),
        (render_glossary.GLOSSARY_INDEX_SRC, render_glossary.render_glossary_index(edition), None),
        (
            render_meta.HISTORY_SRC,
            render_meta.render_history_page(_history, current_site().repo_url),
            None,
        ),
        (
            render_essay.NOTE_TEXTS_FILE,
            render_essay.render_note_texts(edition, _markdown_converter(config)),
            None,
        ),
        (
            render_notes.ANNOTATIONS_FILE,
            render_notes.render_annotations(edition, config.site_url or "/"),
            None,
        ),
    ]
    # addresses.py lists the same files to know the edition's addresses without MkDocs
    assert {g[0] for g in generated} == set(addresses.GENERATED), "update addresses.GENERATED"
    generated += [(path, text, None) for path, text in schema.published_files()]
    for src_uri, content, edit_uri in generated:
        file = File.generated(config, src_uri, content=content)
        file.edit_uri = edit_uri
        files.append(file)
    return files


def _markdown_converter(config: MkDocsConfig) -> Callable[[str], str]:
    """Markdown to HTML with the site's own extensions, for text that no page holds."""
    converter = Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )

    def to_html(text: str) -> str:
        return str(converter.reset().convert(text))

    return to_html


def _edit_url(config: MkDocsConfig, docs_path: str) -> str:
    return f"{(config.repo_url or '').rstrip('/')}/{config.edit_uri}{docs_path}"


def _new_file_url(config: MkDocsConfig, folder: str) -> str:
    """The repository's form for a new file in ``folder`` (for pages built from many files)."""
    branch = render_meta.branch_of(config.edit_uri or "")
    return f"{(config.repo_url or '').rstrip('/')}/new/{branch}/docs/{folder}"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The Markdown MkDocs renders for a page: generated, or the file's own plus metadata."""
    edition = current_edition()
    src = page.file.src_uri
    site_url = config.site_url or "/"
    moved = addresses.fragment_redirects(edition.redirects, page_url(src))
    if moved:
        page.meta["ed_redirects"] = script_safe_json(moved)
    if src == render_essay.ESSAY_SRC:
        # The page's text is the author's; what an editor changes is the apparatus.
        page.edit_url = _edit_url(config, "edition/corrections.yml")
        page.meta["ed_annotations"] = render_notes.ANNOTATIONS_FILE  # <link rel="alternate">
        page.meta["ed_jsonld"] = script_safe_json(
            render_meta.essay_jsonld(edition.info, current_site(), src)
        )
        if READING_TEXT_MARKER not in markdown:
            raise PluginError(
                f"docs/{render_essay.ESSAY_SRC}: the line {READING_TEXT_MARKER} is missing; "
                "put it back where the essay's reading text should appear"
            )
        return markdown.replace(
            READING_TEXT_MARKER, render_essay.render_reading_text(edition, current_site())
        ).replace(render_meta.PROVENANCE_MARKER, render_meta.provenance(edition.info))
    note = next((n for n in edition.notes if n.src_uri == src), None)
    if note is not None:
        anchor = edition.anchors[note.id]
        page.meta["title"] = sanitize.page_title(note.title)
        page.meta["description"] = sanitize.page_title(
            f"{render_essay.note_label(note)}. {note.title}. A note on paragraph "
            f"{anchor.paragraph} of the annotated essay."
        )
        dates = _note_dates.get(f"docs/{note.src_uri}")
        review = render_notes.claim_review_jsonld(edition, current_site(), note, dates)
        if review is not None:
            page.meta["ed_jsonld"] = script_safe_json(review)
        return render_notes.render_note_page(edition, current_site(), note, dates)
    term = next((t for t in edition.terms if t.src_uri == src), None)
    if term is not None:
        page.meta["description"] = sanitize.page_title(f"{term.term}: {term.short}")
        page.meta["ed_jsonld"] = render_glossary.defined_term_jsonld(edition, term, site_url)
        return render_glossary.render_term_page(edition, current_site(), term)
    if src == render_glossary.GLOSSARY_INDEX_SRC:
        page.meta["ed_jsonld"] = render_glossary.defined_term_set_jsonld(edition, site_url)
        page.edit_url = _new_file_url(config, "glossary")
    if src == render_notes.NOTES_INDEX_SRC:
        page.edit_url = _new_file_url(config, "notes")
    if src in (render_meta.HISTORY_SRC, render_pages.ORIGINAL_SRC):
        # Commit lists and the essay's source text: the reading text is what to find.
        page.meta["search"] = {"exclude": True}
    if src == render_meta.HISTORY_SRC:
        page.edit_url = None  # written by git, not by a file
    return markdown.replace(render_meta.PROVENANCE_MARKER, render_meta.provenance(edition.info))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _page_ids[page_url(page.file.src_uri)] = addresses.ids_in(html)
    return sanitize.contributed_page(page.file.src_uri, html)


def on_env(env: object, config: MkDocsConfig, files: Files) -> object:
    """Every published address must still resolve, before any page is written."""
    edition = current_edition()
    page_ids = dict(_page_ids)
    for file in files:
        if not file.is_documentation_page():
            page_ids.setdefault(page_url(file.src_uri), set())
    registry_file = ROOT / addresses.REGISTRY_PATH
    registry = addresses.parse_registry(
        registry_file.read_text(encoding="utf-8") if registry_file.exists() else ""
    )
    problems = addresses.check_registry(registry, edition.redirects, page_ids)
    if problems:
        raise PluginError(str(EditionError(problems)))
    published = {address for _, address in registry}
    src_uris = [
        f.src_uri
        for f in files
        if f.is_documentation_page() or f.src_uri in addresses.GENERATED_FILES
    ]
    new = sorted(addresses.current_addresses(edition, src_uris) - published)
    if new:
        shown = ", ".join(map(str, new[:5])) + (" …" if len(new) > 5 else "")
        log.warning(
            f"{addresses.REGISTRY_PATH}: {len(new)} new address{'es' if len(new) != 1 else ''} "
            f"not yet recorded ({shown}); run 'make addresses' and commit {addresses.REGISTRY_PATH}"
        )
    return env
