"""Checks of a built site, whatever engine rendered it: read back with a real HTML parser."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser


def ids_in(html: str) -> set[str]:
    """Every id (and anchor name) in a page's HTML."""
    tree = HTMLParser(html)
    found = {node.attributes.get("id") for node in tree.css("[id]")}
    found |= {node.attributes.get("name") for node in tree.css("a[name]")}
    return {value for value in found if value}


def page_ids(site: Path, skip: Collection[str] = ()) -> dict[str, set[str]]:
    """Site path -> the ids on it, for every page and file of a built site.

    ``/notes/x/`` for ``notes/x/index.html``, ``/essay.txt`` for a file; ``skip`` names
    paths the site serves but that are not the edition's own (redirect pages)."""
    found: dict[str, set[str]] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        url = "/" + (relative.removesuffix("index.html") if path.name == "index.html" else relative)
        if url in skip:
            continue
        is_html = path.suffix == ".html"
        found[url] = ids_in(path.read_text(encoding="utf-8")) if is_html else set()
    return found
