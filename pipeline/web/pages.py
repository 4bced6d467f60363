"""The archive's pages: each built as a :class:`Page` (a template, what it shows, and the same as
JSON), rendered with Jinja2 with autoescaping on (every scraped string is escaped)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup, escape

from pipeline import archive
from pipeline.web.record_view import LISTS, build_view

#: The search form's fields, in the order of the form.
FILTERS = ("q", "province", "cluster", "since", "until")
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
    env.globals["search_url"] = search_url
    return env


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


def search_url(**params: object) -> str:
    """The search page's URL for these filters."""
    return "/?" + urlencode({key: value for key, value in params.items() if value not in (None, "")})


def search_page(data_dir: Path, params: dict[str, str]) -> Page:
    """The search page for the query parameters."""
    form = {name: params.get(name, "") for name in FILTERS}
    results, message, status = [], None, 200
    if any(form.values()):
        try:
            results = archive.search(
                data_dir, form["q"], province=form["province"], cluster=form["cluster"],
                since=form["since"], until=form["until"],
            )
        except archive.NoArchive:
            message = NO_ARCHIVE
        except archive.BadQuery as exc:
            message, status = str(exc), 400
        else:
            message = None if results else "Không tìm thấy hội nghị nào."
    context = {"form": form, "results": results, "message": message}
    return Page("search.html", context, status)


def meeting_page(data_dir: Path, article_id: str) -> Page:
    """The page of one meeting: the record beside the text, evidence and related meetings."""
    try:
        record = archive.get(data_dir, article_id)
    except archive.NoArchive:
        return message_page(NO_ARCHIVE, 404)
    if record is None:
        return message_page("Không có bài viết này trong kho.", 404)
    url = record.get("url")
    view = build_view(record)
    related = archive.related(data_dir, record)
    context = {
        "record": record, "view": view, "headings": LISTS, "related": related,
        "link": url if isinstance(url, str) and url.startswith(("https://", "http://")) else None,
    }
    return Page("meeting.html", context, data={"record": record, "related": related,
                                               "values": dataclasses.asdict(view)})


def message_page(message: str, status: int) -> Page:
    """A page showing one message."""
    return Page("message.html", {"message": message}, status, data={"error": message, "status": status})
