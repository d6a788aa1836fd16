"""The MkDocs adapter: run the pipeline, then hand its pages to MkDocs.

Wired in mkdocs.yml under ``hooks:``, so plain ``mkdocs build`` and ``mkdocs
serve`` run the whole pipeline. The data is validated in ``on_pre_build``,
before MkDocs cleans ``site/``, so a build with bad data leaves the previous
site as it was. Generated pages live in memory (``File.generated``); nothing is
written into ``docs/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path, not as part of a package
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import get_plugin_logger  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from scripts import load, render_essay, render_pages  # noqa: E402
from scripts.pipeline import Edition, build_edition  # noqa: E402
from scripts.problems import EditionError  # noqa: E402

log = get_plugin_logger("edition")

READING_TEXT_MARKER = "<!-- reading-text -->"

_edition: Edition | None = None


def current_edition() -> Edition:
    if _edition is None:
        raise PluginError("the edition was not loaded; is the hook listed in mkdocs.yml?")
    return _edition


def on_pre_build(config: MkDocsConfig) -> None:
    global _edition
    _edition = None  # never carry one build's edition into the next `mkdocs serve` rebuild
    try:
        _edition = build_edition(ROOT)
    except EditionError as error:
        raise PluginError(str(error)) from None
    for warning in _edition.warnings:
        log.warning(str(warning))


def _generated(config: MkDocsConfig, src_uri: str, content: str, edit_uri: str) -> File:
    file = File.generated(config, src_uri, content=content)
    file.edit_uri = edit_uri
    return file


def on_files(files: Files, config: MkDocsConfig) -> Files:
    edition = current_edition()
    sha256 = (ROOT / load.CHECKSUM_PATH).read_text(encoding="utf-8").split()[0]
    for file in (
        _generated(
            config,
            render_pages.CORRECTIONS_SRC,
            render_pages.render_corrections_page(edition),
            "edition/corrections.yml",
        ),
        _generated(
            config,
            render_pages.ORIGINAL_SRC,
            render_pages.render_original_page(edition, sha256),
            "../" + load.SEED_PATH,
        ),
        _generated(config, "essay.txt", edition.seed.text, "../" + load.SEED_PATH),
    ):
        files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    edition = current_edition()
    if page.file.src_uri == render_essay.ESSAY_SRC:
        if READING_TEXT_MARKER not in markdown:
            raise PluginError(
                f"docs/{render_essay.ESSAY_SRC}: the line {READING_TEXT_MARKER} is missing; "
                "put it back where the essay's reading text should appear"
            )
        return markdown.replace(READING_TEXT_MARKER, render_essay.render_reading_text(edition))
    return markdown
