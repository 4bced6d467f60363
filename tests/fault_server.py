"""A web server on 127.0.0.1 that misbehaves on purpose, one fault per path.

Its index links every path below; robots.txt forbids /private/. Good pages are the
portal fixture's articles. Every request is logged in ``requests`` as (path, time).
"""
from __future__ import annotations

import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler

from crawl_fixtures import SITES, to_cp1258

from pipeline.sample_site import LoopbackServer

ARTICLES = sorted((SITES / "portal" / "tin-tuc").glob("c*.html")) + sorted((SITES / "portal" / "tin-tuc").glob("k*.html"))
#: Paths whose fetch must fail, and the paths that must end up as articles.
FAILING = ["/slow", "/reset", "/reset-mid-body", "/error", "/loop", "/huge", "/bao-cao", "/anh"]
ARTICLE_PATHS = ["/good", "/busy", "/limited", "/cp1258-wrong-header", "/cp1258-no-header"]
FORBIDDEN = "/private/secret.html"


class FaultServer(LoopbackServer):
    """Context manager serving the faulty site; ``base_url`` is its origin."""

    def __init__(self, slow_seconds: float = 2.0) -> None:
        self.slow_seconds = slow_seconds
        self.requests: list[tuple[str, float]] = []
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        super().__init__(type("Handler", (FaultHandler,), {"server_state": self}))

    def count(self, path: str) -> int:
        """Log a request and return how many times ``path`` was asked for, this one included."""
        with self.lock:
            self.requests.append((path, time.monotonic()))
            self.hits[path] = self.hits.get(path, 0) + 1
            return self.hits[path]


class FaultHandler(BaseHTTPRequestHandler):
    """One fault per path (see the module docstring)."""

    server_state: FaultServer

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("?")[0]
        hit = self.server_state.count(path)
        page = {
            "/": self.index, "/robots.txt": self.robots, "/slow": self.slow, "/reset": self.reset,
            "/reset-mid-body": self.reset_mid_body, "/error": lambda: self.send(500, b"server error"),
            "/loop": lambda: self.redirect("/loop-again"), "/loop-again": lambda: self.redirect("/loop"),
            "/huge": self.huge, "/bao-cao": lambda: self.send(200, b"%PDF-1.4 fake", "application/pdf"),
            "/anh": lambda: self.send(200, b"\x89PNG fake", "image/png"),
            "/good": lambda: self.article(0),
            "/busy": lambda: self.send(503, b"busy", headers={"Retry-After": "1"}) if hit == 1 else self.article(1),
            "/limited": lambda: self.send(429, b"slow down", headers={"Retry-After": "0"}) if hit == 1 else self.article(2),
            "/cp1258-wrong-header": lambda: self.legacy(3, "text/html; charset=utf-8"),
            "/cp1258-no-header": lambda: self.legacy(0, "text/html"),
            FORBIDDEN: lambda: self.article(1),
        }.get(path)
        (page or (lambda: self.send(404, b"not found")))()

    def send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def index(self) -> None:
        links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in [*FAILING, *ARTICLE_PATHS, FORBIDDEN])
        self.send(200, f"<html><body><h1>Trang lỗi</h1><ul>{links}</ul></body></html>".encode())

    def robots(self) -> None:
        self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")

    def article(self, number: int) -> None:
        self.send(200, ARTICLES[number].read_bytes())

    def legacy(self, number: int, kind: str) -> None:
        """An article in windows-1258 (its meta charset removed), under a wrong or missing header charset."""
        text = ARTICLES[number].read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
        self.send(200, to_cp1258(text), kind)

    def slow(self) -> None:
        time.sleep(self.server_state.slow_seconds)
        self.send(200, b"<html><body>late</body></html>")

    def reset(self) -> None:
        self.abort()

    def reset_mid_body(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"<html><body>" + b"x" * 1000)
        self.wfile.flush()
        self.abort()

    def abort(self) -> None:
        """Reset the connection (RST, not a clean close)."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"a" * 65_536 + b"</p>"
        try:
            for _ in range(64):
                self.wfile.write(chunk)
        except OSError:
            pass
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: ``requests`` is the log."""
