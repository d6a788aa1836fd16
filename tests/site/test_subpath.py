"""The built site works under a sub-path, as GitHub Pages serves a project site (/<repo>/).

A small static server maps ``/name/...`` to the built site and answers 404 for
everything else, so a link that climbs out of the sub-path (an absolute ``/...``
or one ``../`` too many) fails here although it would work at a domain's root.
The crawl starts at ``/name/``, follows every internal link, stylesheet, script
and image of every page it reaches, and checks that each answers 200 and that
each ``#fragment`` names an element of the page it points to.
"""

from __future__ import annotations

import functools
import http.client
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from ..servers import serving

PREFIX = "/name/"
# Each element's attribute that makes the browser fetch, or the reader follow, a URL.
LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site folder under PREFIX only, quietly."""

    def send_head(self) -> BytesIO | BinaryIO | None:
        if not urlsplit(self.path).path.startswith(PREFIX):
            self.send_error(404, f"outside {PREFIX}")
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        # Only the file lookup drops the prefix: redirects (a folder without its
        # trailing slash) still build their Location from the full request path.
        return super().translate_path("/" + path.removeprefix(PREFIX))

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_under_sub_path(directory: Path) -> Any:
    """Serve ``directory`` at http://127.0.0.1:<port>/name/; a context yielding that URL."""
    return serving(functools.partial(SubPathHandler, directory=str(directory)), PREFIX)


@pytest.fixture(scope="module")
def sub_path_url(built_site: Path) -> Iterator[str]:
    with serve_under_sub_path(built_site) as url:
        yield url


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes


def fetch(url: str) -> Response:
    """GET without following redirects: a link must point at the page itself."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", target)
        answer = connection.getresponse()
        return Response(answer.status, answer.getheader("Content-Type") or "", answer.read())
    finally:
        connection.close()


def anchors_of(tree: LexborHTMLParser) -> set[str]:
    """What a fragment can name: any element's id, or an <a name> (HTML's older form)."""
    ids = {node.attributes.get("id") or "" for node in tree.css("[id]")}
    names = {node.attributes.get("name") or "" for node in tree.css("a[name]")}
    return (ids | names) - {""}


def site_file(url: str) -> str:
    """The file a served URL comes from, relative to the site folder."""
    path = unquote(urlsplit(url).path).removeprefix(PREFIX)
    return path + "index.html" if path == "" or path.endswith("/") else path


@dataclass
class Crawl:
    start: str
    visited: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    links_checked: int = 0
    external_skipped: int = 0
    responses: dict[str, Response] = field(default_factory=dict)
    anchors: dict[str, set[str]] = field(default_factory=dict)

    def get(self, url: str) -> Response:
        if url not in self.responses:
            self.responses[url] = fetch(url)
        return self.responses[url]

    def anchors_in(self, url: str) -> set[str]:
        if url not in self.anchors:
            self.anchors[url] = anchors_of(LexborHTMLParser(self.get(url).body.decode("utf-8")))
        return self.anchors[url]

    def run(self) -> None:
        queue: deque[str] = deque([self.start])
        seen = {self.start}
        while queue:
            page = queue.popleft()
            response = self.get(page)
            if response.status != 200:
                self.misses.append(f"{site_file(page)}: answered {response.status}")
                continue
            self.visited.append(page)
            for target in self.check_page(page, LexborHTMLParser(response.body.decode("utf-8"))):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)

    def check_page(self, page: str, tree: LexborHTMLParser) -> Iterator[str]:
        """Check every link on one page; yield the internal HTML pages it leads to."""
        server = urlsplit(self.start).netloc
        for tag, attribute in LINK_ATTRIBUTES:
            for node in tree.css(f"{tag}[{attribute}]"):
                raw = node.attributes.get(attribute) or ""
                resolved = urljoin(page, raw)
                parts = urlsplit(resolved)
                if parts.scheme not in ("http", "https") or parts.netloc != server:
                    # mailto:, data:, javascript:, and every other host
                    self.external_skipped += 1
                    continue
                self.links_checked += 1
                where = f"{site_file(page)}: <{tag} {attribute}={raw!r}> -> {parts.path}"
                target, fragment = urldefrag(resolved)
                if not parts.path.startswith(PREFIX):
                    self.misses.append(f"{where}: leaves the sub-path {PREFIX}")
                    continue
                response = self.get(target)
                if response.status != 200:
                    self.misses.append(f"{where}: answered {response.status}")
                    continue
                is_html = response.content_type.startswith("text/html")
                # A fragment directive (#:~:text=..., a text fragment) is not part of the id:
                # browsers take it off first. test_annotation_clients follows text fragments.
                anchor = unquote(fragment.split(":~:", 1)[0])
                # "#" alone and "#top" scroll to the top of any page (HTML standard).
                if anchor and anchor.lower() != "top":
                    if not is_html:
                        self.misses.append(f"{where}: fragment #{anchor} on a non-HTML file")
                    elif anchor not in self.anchors_in(target):
                        self.misses.append(f"{where}: no element has id {anchor!r}")
                if is_html:
                    yield target


@pytest.fixture(scope="module")
def crawl(sub_path_url: str) -> Crawl:
    crawl = Crawl(sub_path_url)
    crawl.run()
    print(
        f"\nsub-path crawl: {len(crawl.visited)} pages, {crawl.links_checked} internal links "
        f"({len(crawl.responses)} distinct URLs), {crawl.external_skipped} external skipped, "
        f"{len(crawl.misses)} misses"
    )
    return crawl


def test_the_server_answers_only_under_the_sub_path(sub_path_url: str) -> None:
    root = sub_path_url.removesuffix(PREFIX)
    assert fetch(sub_path_url).status == 200
    assert fetch(root + "/").status == 404
    assert fetch(root + "/index.html").status == 404
    assert fetch(sub_path_url + "no-such-page/").status == 404


def test_every_internal_link_and_fragment_resolves_under_the_sub_path(crawl: Crawl) -> None:
    assert crawl.links_checked > 0
    assert crawl.misses == [], f"{len(crawl.misses)} broken:\n" + "\n".join(crawl.misses)


def test_the_crawl_reaches_every_page(crawl: Crawl, built_site: Path) -> None:
    built = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    reached = {site_file(url) for url in crawl.visited}
    assert built - reached - {"404.html"} == set(), "pages no link leads to"


def test_the_crawl_reports_what_a_server_at_the_root_would_hide(tmp_path: Path) -> None:
    """The checker itself, on a three-page site with one mistake of each kind."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<p id="fn:1">x</p><a href="a/">ok</a><a href="#fn%3A1">ok</a>'
        '<a href="/a/">absolute</a><a href="a">no slash</a><a href="missing/">gone</a>'
        '<a href="a/#nowhere">bad fragment</a><a href="mailto:x@example.org">mail</a>'
        '<a href="https://example.org/">away</a><img src="logo.png">',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text(
        '<a name="old">x</a><a href="../#fn:1">ok</a><a href="#old">ok</a>'
        '<a href="../../">climbs out</a><a href="../#:~:text=x">text fragment</a>'
        '<a href="#gone:~:text=x">bad id</a><link rel="stylesheet" href="../style.css#x">',
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "orphan.html").write_text("<p>no link leads here</p>", encoding="utf-8")

    with serve_under_sub_path(tmp_path) as url:
        crawl = Crawl(url)
        crawl.run()

    assert crawl.misses == [
        "index.html: <a href='/a/'> -> /a/: leaves the sub-path /name/",
        "index.html: <a href='a'> -> /name/a: answered 301",
        "index.html: <a href='missing/'> -> /name/missing/: answered 404",
        "index.html: <a href='a/#nowhere'> -> /name/a/: no element has id 'nowhere'",
        "index.html: <img src='logo.png'> -> /name/logo.png: answered 404",
        "a/index.html: <a href='../../'> -> /: leaves the sub-path /name/",
        "a/index.html: <a href='#gone:~:text=x'> -> /name/a/: no element has id 'gone'",
        "a/index.html: <link href='../style.css#x'> -> /name/style.css: fragment #x on a non-HTML file",
    ]
    assert sorted(site_file(u) for u in crawl.visited) == ["a/index.html", "index.html"]
    assert crawl.external_skipped == 2
