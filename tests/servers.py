"""One way to serve a folder on 127.0.0.1 for tests: a threaded server that always stops."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar


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


Handler = TypeVar("Handler", bound=BaseHTTPRequestHandler)


def quiet(handler: type[Handler]) -> type[Handler]:
    """The same handler without a log line per request."""

    class Quiet(handler):  # type: ignore[valid-type, misc]
        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Quiet
