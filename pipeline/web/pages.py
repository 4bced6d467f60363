"""The archive's pages by route: the front page or the search results, a meeting's page."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from pipeline import archive
from pipeline.archive.index import record_cluster_key
from pipeline.web.front_page import front_page
from pipeline.web.page import NO_ARCHIVE, Page, message_page
from pipeline.web.record_view import LISTS, build_view
from pipeline.web.results import results_page

#: Parameters that make ``/`` a search rather than the front page.
SEARCH_PARAMS = ("q", "province", "cluster", "cluster_key", "year", "type", "since", "until", "sort", "page")


def search_page(data_dir: Path, params: dict[str, str]) -> Page:
    """The search results when the parameters ask for a search, else the front page."""
    if any(params.get(name) for name in SEARCH_PARAMS):
        return results_page(data_dir, params)
    return front_page(data_dir)


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
        "cluster_key": record_cluster_key(record),
        "link": url if isinstance(url, str) and url.startswith(("https://", "http://")) else None,
    }
    return Page("meeting.html", context, data={"record": record, "related": related,
                                               "values": dataclasses.asdict(view)})
