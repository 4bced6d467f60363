"""Render the archive's pages as HTML (Jinja2 with autoescaping: every scraped string is escaped)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup, escape

from pipeline import archive
from pipeline.web.record_view import LISTS, build_view

#: The search form's fields, in the order of the form.
FILTERS = ("q", "province", "cluster", "since", "until")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment: templates beside this module, autoescaping on."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True)
    env.filters["marked"] = marked
    env.globals["search_url"] = search_url
    return env


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


def search_page(data_dir: Path, params: dict[str, str]) -> tuple[int, str]:
    """The search page for the query parameters: ``(HTTP status, HTML)``."""
    form = {name: params.get(name, "") for name in FILTERS}
    results, message, status = [], None, 200
    if any(form.values()):
        try:
            results = archive.search(
                data_dir, form["q"], province=form["province"], cluster=form["cluster"],
                since=form["since"], until=form["until"],
            )
        except archive.NoArchive as exc:
            message = str(exc)
        except archive.BadQuery as exc:
            message, status = str(exc), 400
        else:
            message = None if results else "Không tìm thấy hội nghị nào."
    html = environment().get_template("search.html").render(form=form, results=results, message=message)
    return status, html


def meeting_page(data_dir: Path, article_id: str) -> tuple[int, str]:
    """The page of one meeting: the record beside the text, evidence and related meetings."""
    try:
        record = archive.get(data_dir, article_id)
    except archive.NoArchive as exc:
        return not_found(str(exc))
    if record is None:
        return not_found("Không có bài viết này trong kho.")
    url = record.get("url")
    html = environment().get_template("meeting.html").render(
        record=record,
        link=url if isinstance(url, str) and url.startswith(("https://", "http://")) else None,
        view=build_view(record),
        headings=LISTS,
        related=archive.related(data_dir, record),
    )
    return 200, html


def not_found(message: str) -> tuple[int, str]:
    """A 404 page with ``message``."""
    return 404, error_page(message)


def error_page(message: str) -> str:
    """A page showing one message."""
    return environment().get_template("message.html").render(message=message)
