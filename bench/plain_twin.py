"""The plain twin of a built edition: the baseline that ``make bench`` scores the edition against.

For each benchmarked page, the text a reader sees in the page's ``<article>`` (headings,
paragraphs, list items) written back as plain Markdown at the same source path, in a
project under the same theme settings as the edition: the ``theme:`` block of the engine
configuration the compiler wrote (less the edition's ``custom_dir``), the same ``search``
plugin and minified HTML. What differs is then only what the edition adds: its templates,
its CSS and script, its markup (notes, terms, corrections) and its other pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scripts.model import Edition
from scripts.render.essay import ESSAY_SRC
from scripts.render.markdown import page_url

# The blocks kept, in document order; a block inside another kept block is part of its text.
BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li")
# Characters Python-Markdown would read as syntax; a backslash keeps each literal.
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")


@dataclass(frozen=True)
class Block:
    tag: str  # one of BLOCKS
    text: str  # as a reader sees it, white space collapsed


def benchmarked_pages(edition: Edition) -> tuple[str, ...]:
    """Source paths of the pages measured: the essay, the first note and the first term
    (the edition lists both by file name), so each kind of page has its twin."""
    pages = [ESSAY_SRC]
    pages += [kind[0].src_uri for kind in (edition.notes, edition.terms) if kind]
    return tuple(pages)


def html_path(src: str) -> str:
    """The built file of a page, relative to the site: ``notes/x.md`` -> ``notes/x/index.html``."""
    return page_url(src).lstrip("/") + "index.html"


def _kept_ancestor(node: LexborNode, article: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != article.mem_id:
        if parent.tag in BLOCKS:
            return True
        parent = parent.parent
    return False


def article_blocks(page_html: str) -> tuple[Block, ...]:
    """The headings, paragraphs and list items of the page's ``<article>``, outermost only,
    without the permalink marks the ``toc`` extension adds to headings."""
    article = LexborHTMLParser(page_html).css_first("article")
    if article is None:
        raise ValueError("the page has no <article>")
    for mark in article.css("a.headerlink"):
        mark.decompose()
    blocks = []
    for node in article.css(", ".join(BLOCKS)):
        text = " ".join(node.text(deep=True).split())
        if text and not _kept_ancestor(node, article):
            blocks.append(Block(node.tag or "p", text))
    return tuple(blocks)


def escape(text: str) -> str:
    """Text that Markdown renders as itself: no emphasis, link, list or heading by accident."""
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False))


def to_markdown(blocks: Sequence[Block]) -> str:
    """One Markdown block per line; consecutive list items form one list."""
    lines: list[str] = []
    for block in blocks:
        if block.tag == "li":
            line = "- " + escape(block.text)
            if lines and lines[-1].startswith("- "):
                lines[-1] += "\n" + line  # the same list
                continue
        elif block.tag == "p":
            line = escape(block.text)
        else:
            line = "#" * int(block.tag[1]) + " " + escape(block.text)
        lines.append(line)
    return "\n\n".join(lines) + "\n"


class _ConfigLoader(yaml.SafeLoader):
    """Reads an engine configuration without importing what it names: a ``!!python/name:``
    tag (an emoji index, a slugify function) becomes None, as the twin needs none of it."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_engine_config(path: Path) -> dict[str, Any]:
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    if not isinstance(config, dict):
        raise ValueError(f"{path} is not a configuration mapping")
    return config


def twin_config(engine_config: dict[str, Any], docs_dir: Path) -> dict[str, Any]:
    """The plain project's configuration: the edition's theme (its templates' folder left
    out), its search plugin as configured, and minified HTML, as the edition publishes."""
    theme = {k: v for k, v in engine_config["theme"].items() if k != "custom_dir"}
    search = [
        plugin
        for plugin in engine_config.get("plugins") or []
        if plugin == "search" or (isinstance(plugin, dict) and "search" in plugin)
    ]
    return {
        "site_name": engine_config["site_name"],
        "docs_dir": str(docs_dir),
        "use_directory_urls": True,
        "theme": theme,
        "plugins": [*search, {"minify": {"minify_html": True}}],
    }


def write_plain_twin(site: Path, engine_config: Path, pages: Sequence[str], folder: Path) -> Path:
    """Write the plain twin's pages and configuration under ``folder``; return the
    configuration's path, for ``mkdocs build -f``."""
    docs = folder / "docs"
    for src in pages:
        blocks = article_blocks((site / html_path(src)).read_text(encoding="utf-8"))
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(to_markdown(blocks), encoding="utf-8")
    config = folder / "mkdocs.yml"
    twin = twin_config(read_engine_config(engine_config), docs)
    config.write_text(yaml.safe_dump(twin, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return config
