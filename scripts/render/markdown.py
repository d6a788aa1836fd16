"""Small helpers to write Markdown safely: escaping, attributes and page-relative links."""

from __future__ import annotations

import html
import json
import posixpath
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}])")


def escape_text(text: str) -> str:
    """Text that Markdown and HTML will show exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def attr(value: str) -> str:
    """A double-quoted HTML attribute value."""
    return '"' + html.escape(value, quote=True) + '"'


def relative_link(from_src: str, to_src: str, fragment: str = "") -> str:
    """A link between two source files (``notes/a.md`` -> ``sources.md#key``) for MkDocs to resolve."""
    base = posixpath.dirname(from_src)
    path = posixpath.relpath(to_src, base or ".")
    return path + (f"#{fragment}" if fragment else "")


def page_url(src_uri: str) -> str:
    """Where MkDocs publishes a file, from the site root, with directory URLs:
    ``notes/x.md`` -> ``/notes/x/``, ``index.md`` -> ``/``, ``essay.txt`` -> ``/essay.txt``."""
    if not src_uri.endswith(".md"):
        return "/" + src_uri
    path = src_uri.removesuffix(".md").removesuffix("index").rstrip("/")
    return "/" + (path + "/" if path else "")


def page_href(from_src: str, to_src: str, fragment: str = "") -> str:
    """The relative URL between two pages as MkDocs publishes them, for raw HTML where
    MkDocs does not rewrite ``.md`` links."""
    here, there = page_url(from_src), page_url(to_src)
    relative = "" if here == there else posixpath.relpath(there, here) + "/"
    return relative.removeprefix("./") + (f"#{fragment}" if fragment else "")


def script_safe_json(data: object) -> str:
    """JSON for a <script> element: "</" cannot close the element early."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
