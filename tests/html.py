"""Reading the built site with a real HTML parser."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node


def parse(path: Path) -> HTMLParser:
    return HTMLParser(path.read_text(encoding="utf-8"))


def parse_text(html: str) -> HTMLParser:
    """A fragment of HTML, such as the notes' text that edition.js puts into the essay."""
    return HTMLParser(html)


def one(node: HTMLParser | Node, selector: str) -> Node:
    """The first element matching ``selector``; failing the test when there is none."""
    found = node.css_first(selector)
    assert found is not None, f"no element matches {selector!r}"
    return found


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def text_of(node: Node, skip: str = "") -> str:
    """A node's text with the elements matching ``skip`` left out, as a reader sees it."""
    clone = HTMLParser(node.html or "")
    if skip:
        for unwanted in clone.css(skip):
            unwanted.decompose()
    body = clone.body
    return body.text(deep=True) if body is not None else ""


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme in ("http", "https") or parts.netloc)


def resource_urls(tree: HTMLParser) -> list[str]:
    """Every URL the browser fetches on load (not links the reader may follow)."""
    urls = [n.attributes.get("src") or "" for n in tree.css("script[src], img[src], iframe[src]")]
    urls += [
        n.attributes.get("href") or ""
        for n in tree.css("link[href]")
        if (n.attributes.get("rel") or "") not in ("canonical", "alternate")
    ]
    return [u for u in urls if u]
