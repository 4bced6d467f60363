"""What every page is made of: :class:`Page` (a template, what it shows, and the same as JSON), and
rendering with Jinja2 with autoescaping on (every scraped string is escaped)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote_plus

import jinja2
from markupsafe import Markup, escape

from pipeline.web.links import GLOBALS
from pipeline.web.vi_format import date_vi, number_vi, source_gone

NO_ARCHIVE = "Kho chưa có dữ liệu: hãy chạy `unionnews ingest` (hoặc `unionnews demo`) trước."


@dataclass
class Page:
    """One page: its template and context, its HTTP status, and what it answers as JSON."""

    template: str
    context: dict
    status: int = 200
    data: object = field(default=None)

    def __post_init__(self) -> None:
        if self.data is None:
            self.data = self.context


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment: templates beside this module, autoescaping on."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True)
    env.filters["marked"] = marked
    env.filters["date_vi"] = date_vi
    env.filters["number_vi"] = number_vi
    env.globals.update(GLOBALS)
    env.globals["source_gone"] = source_gone
    env.globals["url"] = url
    return env


def url(path: str = "/", **params: object) -> str:
    """``path`` with the parameters that are set as its query string (as ``urlencode`` writes it)."""
    query = "&".join(f"{_quoted(key)}={_quoted(str(value))}" for key, value in params.items()
                     if value not in (None, ""))
    return f"{path}?{query}" if query else path


@lru_cache(maxsize=4096)
def _quoted(text: str) -> str:
    """``text`` quoted for a query string (a page makes dozens of links from the same few values)."""
    return quote_plus(text)


def render(page: Page) -> str:
    """The page as HTML."""
    return environment().get_template(page.template).render(page.context)


def marked(text: str, spans: list[list[int]]) -> Markup:
    """``text`` escaped, with each ``[start, end]`` of ``spans`` wrapped in ``<mark>``."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        pieces += [escape(text[position:start]), Markup("<mark>"), escape(text[start:end]), Markup("</mark>")]
        position = end
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


def message_page(message: str, status: int) -> Page:
    """A page showing one message."""
    return Page("message.html", {"message": message}, status, data={"error": message, "status": status})
