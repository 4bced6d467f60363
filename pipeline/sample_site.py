"""Serve a folder as a small web site on 127.0.0.1, for the demo, the tests and the benchmark.

Files are served as they are, except that the placeholder origin ``http://unionnews.sample``
in ``.html``/``.htm``/``.xml``/``.rss``/``.atom``/``.txt`` bodies becomes the server's real origin (so sitemaps,
feeds and robots.txt can hold absolute URLs). Responses carry ETag and Last-Modified and
answer conditional requests with 304, like a real news site.

    with serve_folder(Path("corpus/site")) as base_url:
        ...  # e.g. "http://127.0.0.1:53817"
"""
from __future__ import annotations

import email.utils
import hashlib
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import (
    BaseHTTPRequestHandler,
    SimpleHTTPRequestHandler,
    ThreadingHTTPServer,
)
from pathlib import Path
from typing import Self

PLACEHOLDER = "http://unionnews.sample"
REWRITTEN_SUFFIXES = {".html", ".htm", ".xml", ".rss", ".atom", ".txt"}


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 (``port`` 0: any free port), run in a background thread.

    A context manager: entering starts it, leaving stops it. ``base_url`` is its origin.
    """

    def __init__(self, handler: type[BaseHTTPRequestHandler], port: int = 0) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, name=type(self).__name__, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join()


class SampleSite(LoopbackServer):
    """A static server for ``folder`` (see the module docstring).

    ``requests`` lists ``(method, path, status)`` of every request served, in order.
    """

    def __init__(self, folder: Path, port: int = 0) -> None:
        self.folder = Path(folder).resolve()
        self.requests: list[tuple[str, str, int]] = []
        super().__init__(type("Handler", (SampleHandler,), {"site": self}), port)


@contextmanager
def serve_folder(folder: Path, port: int = 0) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (``port`` 0: any free port) and yield the base URL."""
    with SampleSite(folder, port) as site:
        yield site.base_url


class SampleHandler(SimpleHTTPRequestHandler):
    """Serves files with the placeholder origin replaced, validators and 304s."""

    site: SampleSite
    protocol_version = "HTTP/1.1"
    #: Keep-alive responses go out at once (TCP_NODELAY): with Nagle's algorithm each one waited for the
    #: client's delayed ACK, about 40 ms a response.
    disable_nagle_algorithm = True

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, directory=str(self.site.folder), **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        """Serve a file, a folder's index.html, a 304 or a 404."""
        self.respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        """Like GET, without the body."""
        self.respond(send_body=False)

    def respond(self, send_body: bool) -> None:
        """Answer the current request."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return self.send_status(301, {"Location": self.path.split("?")[0] + "/"})
            path = path / "index.html"
        if not path.is_file() or self.site.folder not in path.resolve().parents:
            return self.send_status(404)
        body = path.read_bytes()
        if path.suffix.lower() in REWRITTEN_SUFFIXES:
            body = body.replace(PLACEHOLDER.encode(), self.site.base_url.encode())
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        modified = int(path.stat().st_mtime)
        headers = {"ETag": etag, "Last-Modified": email.utils.formatdate(modified, usegmt=True)}
        if self.is_current(etag, modified):
            return self.send_status(304, headers)
        headers["Content-Type"] = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_status(200, headers, body if send_body else b"", length=len(body))

    def is_current(self, etag: str, modified: int) -> bool:
        """The client's copy (If-None-Match, else If-Modified-Since) is current."""
        if "If-None-Match" in self.headers:
            return etag in [tag.strip() for tag in self.headers["If-None-Match"].split(",")]
        try:
            since = email.utils.parsedate_to_datetime(self.headers.get("If-Modified-Since", ""))
        except (TypeError, ValueError):
            return False
        return modified <= since.timestamp()

    def send_status(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"",
                    length: int | None = None) -> None:
        """Send a complete response and log it in ``site.requests``."""
        self.site.requests.append((self.command, self.path, status))
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's signature)
        """Stay quiet: ``site.requests`` keeps the log."""
