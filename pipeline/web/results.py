"""The search results page: total, one page of results, sort, facets that filter when clicked, links
to the other pages and to the export of all results; suggestions when nothing matches."""
from __future__ import annotations

from pathlib import Path

from pipeline import archive
from pipeline.archive.browse import Filters, browse, count, page_number
from pipeline.web.page import NO_ARCHIVE, Page, url
from pipeline.web.vi_format import message

#: Facet headings, in the order shown.
FACET_HEADINGS = {"province": "Tỉnh / thành phố", "year": "Năm", "type": "Loại hội nghị", "cluster_key": "Cụm / khối"}
#: Filter labels for the chips of active filters.
FILTER_LABELS = {"q": "Từ khóa", "province": "Tỉnh / thành", "cluster": "Cụm số", "cluster_key": "Cụm / khối",
                 "year": "Năm", "type": "Loại", "since": "Từ ngày", "until": "Đến ngày"}
SORT_LABELS = {"relevance": "Phù hợp nhất", "date": "Ngày họp mới nhất"}
#: How many values of a facet are shown.
FACET_SHOWN = 12


def results_page(data_dir: Path, params: dict[str, str]) -> Page:
    """The results of the search the parameters ask for."""
    filters = Filters.of(params)
    given = filters.given()
    sort = params.get("sort") or ("relevance" if filters.q else "date")
    context = {"form": {**dict.fromkeys(FILTER_LABELS, ""), **given}, "sort": sort, "found": None,
               "message": None, "facets": [], "chips": [], "sorts": [], "pager": [], "exports": {},
               "suggestions": []}
    try:
        number = page_number(params.get("page"))
        found = browse(data_dir, filters, sort, number)
    except archive.NoArchive:
        return Page("search.html", {**context, "message": NO_ARCHIVE}, data={"error": NO_ARCHIVE, "status": 200})
    except archive.BadQuery as exc:
        error = message(exc.key, **exc.values)
        return Page("search.html", {**context, "message": error}, 400, data={"error": error, "status": 400})
    state = {**given, "sort": sort if filters.q else None}
    context.update(
        found=found,
        facets=[{"name": name, "heading": FACET_HEADINGS[name], "buckets": [
            {**value, "href": url(**{**state, name: value["value"]}), "active": given.get(name) == value["value"]}
            for value in found["facets"][name][:FACET_SHOWN]]} for name in FACET_HEADINGS if found["facets"][name]],
        chips=[{"label": FILTER_LABELS[key], "value": value, "href": url(**{**state, key: None})}
               for key, value in given.items()],
        sorts=[{"label": label, "href": url(**{**given, "sort": key}), "active": key == sort}
               for key, label in SORT_LABELS.items()] if filters.q else [],
        pager=pager(state, number, found["pages"]),
        exports={fmt: url(f"/export.{fmt}", **state) for fmt in ("csv", "json")},
        suggestions=suggestions(data_dir, filters) if not found["total"] else [],
    )
    if not found["total"]:
        context["message"] = "Không tìm thấy hội nghị nào."
    data = {"filters": given, "sort": sort, **found,
            "links": {"next": pager_link(context["pager"], "next"), "csv": context["exports"]["csv"],
                      "json": context["exports"]["json"]}}
    return Page("search.html", context, data=data)


def pager(state: dict, number: int, pages: int, path: str = "/") -> list[dict]:
    """Links to the previous and next pages and to the pages around this one (of ``path`` with the
    parameters ``state``)."""
    if pages <= 1:
        return []
    shown = sorted({1, pages, *range(max(1, number - 2), min(pages, number + 2) + 1)})
    links = [{"label": "‹ Trước", "rel": "prev", "href": url(path, **state, page=number - 1)}] if number > 1 else []
    previous = 0
    for n in shown:
        if n - previous > 1:
            links.append({"label": "…", "rel": "gap", "href": None})
        links.append({"label": str(n), "rel": "current" if n == number else "page", "href": url(path, **state, page=n)})
        previous = n
    if number < pages:
        links.append({"label": "Sau ›", "rel": "next", "href": url(path, **state, page=number + 1)})
    return links


def pager_link(links: list[dict], rel: str) -> str | None:
    return next((link["href"] for link in links if link["rel"] == rel), None)


def suggestions(data_dir: Path, filters: Filters) -> list[dict]:
    """What to try when nothing matches, among: each filter dropped, one word fewer, the words without
    filters, every meeting; only those that find something, with how many they find."""
    given = filters.given()
    tries = [(f"Bỏ bộ lọc {FILTER_LABELS[key].lower()} “{value}”", {**given, key: None})
             for key, value in given.items() if key != "q"]
    words = filters.q.split()
    if len(words) > 1:
        tries.append((f"Bớt một từ: “{' '.join(words[:-1])}”", {**given, "q": " ".join(words[:-1])}))
    if words and len(given) > 1:
        tries.append((f"Chỉ tìm “{filters.q}”, không lọc", {"q": filters.q}))
    tries.append(("Xem tất cả hội nghị, mới nhất trước", {"sort": "date"}))
    found, seen = [], set()
    for label, params in tries:
        href = url(**params)
        total = count(data_dir, Filters.of(params)) if href not in seen else 0
        seen.add(href)
        if total:
            found.append({"label": label, "href": href, "count": total})
    return found


def export_filters(params: dict[str, str]) -> tuple[Filters, str]:
    """The filters and sort of an export request (the search's own parameters)."""
    filters = Filters.of(params)
    return filters, params.get("sort") or ("relevance" if filters.q else "date")

