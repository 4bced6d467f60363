"""The archive's HTTP server (standard library ``http.server``, one thread per request).

Routes: ``/`` the search page (parameters ``q``, ``province``, ``cluster``, ``since``,
``until``), ``/meeting/<article id>`` a meeting page, ``/static/style.css`` and
``/static/meeting.js``. Only GET and HEAD; bad input gets a page with a message
(400), an unknown page a 404, an unexpected failure a 500 logged on stderr.
"""
from __future__ import annotations

import sys
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from pipeline.web import pages

STATIC = {
    "/static/style.css": ("style.css", "text/css; charset=utf-8"),
    "/static/meeting.js": ("meeting.js", "text/javascript; charset=utf-8"),
}

#: No inline script or style runs, whatever a scraped page holds.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class ArchiveServer(ThreadingHTTPServer):
    """An HTTP server that knows its data folder."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], data_dir: Path) -> None:
        super().__init__(address, ArchiveHandler)
        self.data_dir = Path(data_dir)


class ArchiveHandler(BaseHTTPRequestHandler):
    """Answers one request of the archive's web page."""

    server: ArchiveServer
    server_version = "unionnews"

    def do_GET(self) -> None:
        """Route the request and send the page."""
        try:
            status, content_type, body = self.route()
        except Exception:
            traceback.print_exc(file=sys.stderr)
            status, content_type = 500, "text/html; charset=utf-8"
            body = pages.error_page("Lỗi máy chủ: không hiển thị được trang này.").encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_HEAD = do_GET

    def route(self) -> tuple[int, str, bytes]:
        """``(status, content type, body)`` for the requested path."""
        url = urlsplit(self.path)
        html = "text/html; charset=utf-8"
        if url.path in STATIC:
            name, content_type = STATIC[url.path]
            return 200, content_type, (Path(__file__).parent / name).read_bytes()
        if url.path == "/":
            params = {key: values[0] for key, values in parse_qs(url.query, keep_blank_values=True).items()}
            status, page = pages.search_page(self.server.data_dir, params)
        elif url.path.startswith("/meeting/"):
            status, page = pages.meeting_page(self.server.data_dir, unquote(url.path.removeprefix("/meeting/")))
        else:
            status, page = pages.not_found(f"Không có trang {url.path[:100]}")
        return status, html, page.encode()


def make_server(data_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> ArchiveServer:
    """A server for the archive in ``data_dir``, bound to ``host:port`` (port 0: any free port)."""
    return ArchiveServer((host, port), data_dir)
