"""A web server on 127.0.0.1 that misbehaves on purpose, one fault per path.

Its index links every path of :data:`FAILING`, :data:`ARTICLE_PATHS` and :data:`FORBIDDEN`;
robots.txt (``robots_text``, ``{origin}`` standing for the server's origin) forbids /private/.
Good pages are the portal fixture's articles. Other corners, each with an index of its own:
``/chuyen/`` (the redirects in ``redirects``), ``/bay/`` (crawler traps), ``/vo-tan/`` (an endless
site no trap rule can tell from a real one), ``/doc/`` (a page that fails every time), ``/doc-hai/``
(pages with hostile JSON-LD) and
``/sitemaps/`` (gzipped, huge and bomb sitemaps of the ``/ban-do/N`` pages). Every request is
logged in ``requests`` as (path, time).
"""
from __future__ import annotations

import datetime
import gzip
import socket
import struct
import threading
import time
from functools import cache
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlsplit

from crawl_fixtures import SITES, to_cp1258

from pipeline.sample_site import LoopbackServer

ARTICLES = sorted((SITES / "portal" / "tin-tuc").glob("c*.html")) + sorted((SITES / "portal" / "tin-tuc").glob("k*.html"))
#: Paths whose fetch must fail, and the paths that must end up as articles.
FAILING = ["/slow", "/reset", "/reset-mid-body", "/error", "/loop", "/huge", "/bao-cao", "/anh"]
ARTICLE_PATHS = ["/good", "/busy", "/limited", "/cp1258-wrong-header", "/cp1258-no-header"]
FORBIDDEN = "/private/secret.html"
ROBOTS = "User-agent: *\nDisallow: /private/\n"
#: The trap index's links: endless pagination, a calendar, session ids (query and path parameter),
#: a path that grows by a relative link, query strings that grow, a path segment that doubles.
TRAPS = ["/bay/trang/1", "/bay/lich?ngay=2024-06-01", "/bay/phien?sid=0", "/bay/phien;jsessionid=0",
         "/bay/lap/", "/bay/loc?a=1", "/bay/them?k1=1", "/bay/dai/ab"]
#: An article page with no link, served with an ETag at /moi (invented text).
MOVED_ARTICLE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cụm thi đua số 7 giao ban quý II</title>
</head><body><article><h1>Cụm thi đua số 7 giao ban quý II</h1>
<p>Ngày 12/7/2024, Cụm thi đua số 7 của Liên đoàn Lao động tỉnh tổ chức hội nghị giao ban quý II tại huyện Hoa Lư,
với sự tham dự của đại diện 9 công đoàn thành viên.</p>
<p>Trong quý, các đơn vị trong cụm đã kết nạp 318 đoàn viên mới, thành lập 4 công đoàn cơ sở và thăm hỏi 57 đoàn viên
có hoàn cảnh khó khăn với tổng số tiền hơn 80 triệu đồng.</p>
<p>Hội nghị thống nhất tiếp tục đẩy mạnh phong trào thi đua lao động giỏi, chăm lo Tết sum vầy cho người lao động.</p>
<p>Thu Hà</p></article></body></html>""".encode()
#: Article pages whose JSON-LD is hostile (listed by /doc-hai/): a bare string, a number for @graph, arrays
#: nested deeper than any parser's recursion limit.
HOSTILE_JSON_LD = {"/jsonld/chuoi": '"Cụm thi đua"', "/jsonld/graph": '{"@graph": 5}',
                   "/jsonld/sau": "[" * 100_000 + "]" * 100_000}
#: How many /ban-do/N pages the huge sitemap lists.
HUGE_SITEMAP_URLS = 100_000


class FaultServer(LoopbackServer):
    """Context manager serving the faulty site; ``base_url`` is its origin."""

    def __init__(self, slow_seconds: float = 2.0, robots_text: str = ROBOTS) -> None:
        self.slow_seconds = slow_seconds
        self.robots_text = robots_text
        self.redirects: dict[str, str] = {}
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
        page = self.corner(path, hit) or {
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

    def corner(self, path: str, hit: int):
        """The handler of a path of the other corners (see the module docstring), or None."""
        state = self.server_state
        if path in state.redirects:
            return lambda: self.redirect(state.redirects[path])
        query = dict(parse_qsl(urlsplit(self.path).query))
        fixed = {
            "/chuyen/": lambda: self.links(list(state.redirects)),
            "/moi": self.validated_article, "/nho-giot": self.trickle_body, "/nho-giot-dau": self.trickle_headers,
            "/doc/": lambda: self.links(["/error", "/moi"]),
            "/doc-hai/": lambda: self.links([*HOSTILE_JSON_LD, "/moi"]),
            "/bay/": lambda: self.links(TRAPS), "/vo-tan/": lambda: self.links(["/vo-tan/a"]),
            "/bay/lich": lambda: self.links([f"/bay/lich?ngay={day}" for day in next_days(query.get("ngay", ""))]),
            "/bay/phien": lambda: self.links([f"/bay/phien?sid={hit}", f"/bay/phien;jsessionid={hit}"]),
            "/bay/loc": lambda: self.links([f"{self.path}&a=1"]),
            "/bay/them": lambda: self.links([f"{self.path}&k{len(query) + 1}=1"]),
            "/sitemaps/index.xml": lambda: self.send(200, sitemap_index(state.base_url, ["tin.xml.gz", "octet.xml.gz"]),
                                                     "application/xml"),
            "/sitemaps/tin.xml.gz": lambda: self.send(200, gzip.compress(urlset(state.base_url, range(1, 4))),
                                                      "application/x-gzip"),
            "/sitemaps/octet.xml.gz": lambda: self.send(200, gzip.compress(urlset(state.base_url, range(4, 6))),
                                                        "application/octet-stream"),
            "/sitemaps/bom.xml.gz": lambda: self.send(200, gzip.compress(urlset(state.base_url, range(1, 2001))),
                                                      "application/gzip"),
            "/sitemaps/lon.xml": lambda: self.send(200, huge_sitemap(state.base_url), "application/xml"),
        }.get(path)
        if fixed is not None:
            return fixed
        if path.startswith("/bay/trang/"):
            return lambda: self.links([f"/bay/trang/{int(path.rsplit('/', 1)[1]) + 1}"])
        if path.startswith("/bay/lap/"):
            return lambda: self.links(["lap/"])
        if path.startswith("/bay/dai/"):
            return lambda: self.links([path + path.rsplit("/", 1)[1]])
        if path.startswith("/vo-tan/"):
            return lambda: self.links([path + "a", path + "b"])
        if path in HOSTILE_JSON_LD:
            script = f'<script type="application/ld+json">{HOSTILE_JSON_LD[path]}</script>'
            return lambda: self.send(200, MOVED_ARTICLE.replace(b"</head>", script.encode() + b"</head>"))
        if path.startswith("/ban-do/"):
            return lambda: self.send(200, f"<html><body><p>Bản đồ {path}</p></body></html>".encode())
        return None

    def links(self, hrefs: list[str]) -> None:
        """A small page of links."""
        items = "".join(f'<li><a href="{href}">liên kết</a></li>' for href in hrefs)
        self.send(200, f"<html><body><h1>Trang {self.path}</h1><ul>{items}</ul></body></html>".encode())

    def validated_article(self) -> None:
        """An article with an ETag, answering a matching If-None-Match with 304."""
        etag = '"bai-moi-1"'
        if self.headers.get("If-None-Match") == etag:
            self.send(304, b"", headers={"ETag": etag})
        else:
            self.send(200, MOVED_ARTICLE, headers={"ETag": etag})

    def trickle_body(self) -> None:
        """A 200 whose 200-byte body comes one byte every 0.1 s."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "200")
        self.end_headers()
        self.trickle(b"x" * 200)

    def trickle_headers(self) -> None:
        """A response whose status line and headers come one byte every 0.1 s."""
        self.trickle(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 200 + b"\r\n\r\n")

    def trickle(self, data: bytes) -> None:
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # the client gave up: the point of the test
        self.close_connection = True

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
        self.send(200, self.server_state.robots_text.replace("{origin}", self.server_state.base_url).encode(), "text/plain")

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


def next_days(day: str) -> list[str]:
    """The calendar's links from ``day`` (ISO): the day before and the day after."""
    date = datetime.date.fromisoformat(day or "2024-06-01")
    return [(date + datetime.timedelta(days=step)).isoformat() for step in (-1, 1)]


def urlset(origin: str, numbers) -> bytes:
    """A sitemap of the /ban-do/N pages."""
    locs = "".join(f"<url><loc>{origin}/ban-do/{n}</loc></url>" for n in numbers)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()


def sitemap_index(origin: str, names: list[str]) -> bytes:
    """A sitemap index of /sitemaps/NAME files."""
    entries = "".join(f"<sitemap><loc>{origin}/sitemaps/{name}</loc></sitemap>" for name in names)
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'.encode()


@cache
def huge_sitemap(origin: str) -> bytes:
    """A sitemap of :data:`HUGE_SITEMAP_URLS` pages, larger than a page may be (over 5 MB)."""
    return urlset(origin, range(1, HUGE_SITEMAP_URLS + 1))
