"""Serving the built site on 127.0.0.1 for tests: a threaded server that always stops, and
a handler that answers as a static host (GitHub Pages) does, gzip included."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit


@contextmanager
def serving(handler: Callable[..., BaseHTTPRequestHandler], path: str = "/") -> Iterator[str]:
    """Run ``handler`` on a free port of 127.0.0.1; yield the URL of ``path`` there."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- A static host: what GitHub Pages sends, gzip included -------------------------------

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".jsonld": "application/ld+json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".gz": "application/gzip",
}
COMPRESSIBLE = ("text/", "application/json", "application/ld+json", "application/xml", "image/svg")


class StaticHostHandler(BaseHTTPRequestHandler):
    """GET and HEAD for files under ``root``: directory indexes, 404.html, gzip when accepted."""

    protocol_version = "HTTP/1.1"
    root: ClassVar[Path]
    gzipped: ClassVar[dict[Path, bytes]]
    lock: ClassVar[threading.Lock]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.respond(with_body=True)

    def do_HEAD(self) -> None:
        self.respond(with_body=False)

    def resolve(self) -> tuple[int, Path | None, str]:
        """The status, the file to send and, for a redirect, where to."""
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root):
            return 404, None, ""
        if target.is_dir():
            if not path.endswith("/"):
                return 301, None, path + "/"
            target = target / "index.html"
        if target.is_file():
            return 200, target, ""
        return 404, None, ""

    def respond(self, with_body: bool) -> None:
        status, file, location = self.resolve()
        if status == 301:
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if file is None:
            file = self.root / "404.html"
            if not file.is_file():
                self.send_error(404)
                return
        content_type = CONTENT_TYPES.get(file.suffix, "application/octet-stream")
        body = file.read_bytes()
        compress = content_type.startswith(COMPRESSIBLE) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        if compress:
            body = self.gzip(file, body)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", formatdate(file.stat().st_mtime, usegmt=True))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' own
        self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def gzip(self, file: Path, body: bytes) -> bytes:
        with self.lock:
            if file not in self.gzipped:
                self.gzipped[file] = gzip.compress(body, compresslevel=6, mtime=0)
            return self.gzipped[file]


def static_host(root: Path) -> Any:
    """Serve ``root`` on 127.0.0.1 as a static host does; a context yielding the site's URL."""
    handler = type(
        "SiteHandler",
        (StaticHostHandler,),
        {"root": root.resolve(), "gzipped": {}, "lock": threading.Lock()},
    )
    return serving(handler)
