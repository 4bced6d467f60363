"""The pages of the archive's entities: an official (every meeting they appear in, with their titles over
time), a cluster (its meetings, members and leaders year by year, its comparable figures as charts), a
province (its clusters and meetings, meetings over the years). An unknown key is a 404 page."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline import archive
from pipeline.archive import entities
from pipeline.archive.browse import page_number
from pipeline.web.entity_charts import comparable, figure_charts, meetings_chart
from pipeline.web.links import cluster_url, official_url, province_url
from pipeline.web.page import NO_ARCHIVE, Page, message_page, url
from pipeline.web.results import pager, pager_link
from pipeline.web.vi_format import message

UNKNOWN = {"official": "Không có cán bộ này trong kho.", "cluster": "Không có cụm / khối thi đua này trong kho.",
           "province": "Không có hội nghị nào của tỉnh / thành phố này trong kho."}
#: Meetings on one page of an official's page.
OFFICIAL_PER_PAGE = 50


def entity_page(kind: str, data_dir: Path, key: str, params: dict[str, str]) -> Page:
    """The page of the entity ``kind`` (official, cluster, province) with key ``key``; ``params``: the
    query string (an official's meetings come in pages: ``page``)."""
    read, build = PAGES[kind]
    try:
        found = read(data_dir, key)
    except archive.NoArchive:
        return message_page(NO_ARCHIVE, 404)
    if found is None:
        return message_page(UNKNOWN[kind], 404)
    if kind != "official":
        return build(found)
    try:
        number = page_number(params.get("page"))
    except archive.BadQuery as exc:
        return message_page(message(exc.key, **exc.values), 400)
    return build(found, number)


def linked(meeting: dict) -> dict:
    """A meeting summary with the links of its page, cluster and province."""
    return {**meeting, "href": f"/meeting/{meeting['id']}", "cluster_href": cluster_url(meeting.get("cluster_key")),
            "province_href": province_url(meeting.get("province"))}


def positions(meetings: list[dict]) -> list[dict]:
    """The person's titles and organisations over time: each run of meetings with the same one, with
    its first and last meeting date."""
    runs: list[dict] = []
    for meeting in meetings:
        for role in meeting["roles"][:1]:
            held = (role.get("title"), role.get("organization"))
            if not any(held):
                continue
            if runs and (runs[-1]["title"], runs[-1]["organization"]) == held:
                runs[-1]["until"] = meeting["date"] or runs[-1]["until"]
                runs[-1]["meetings"] += 1
            else:
                runs.append({"title": held[0], "organization": held[1], "since": meeting["date"],
                             "until": meeting["date"], "meetings": 1})
    return runs


def official_page(found: dict, number: int = 1) -> Page:
    """An official's page: their titles over time from every meeting, the meetings themselves
    :data:`OFFICIAL_PER_PAGE` at a time, oldest first."""
    everything = found["meetings"]
    pages = max(1, -(-len(everything) // OFFICIAL_PER_PAGE))
    number = min(number, pages)
    shown = everything[(number - 1) * OFFICIAL_PER_PAGE:number * OFFICIAL_PER_PAGE]
    dates = [meeting["date"] for meeting in everything if meeting["date"]]
    links = pager({}, number, pages, official_url(found["name"]))
    context = {**found, "meetings": [linked(meeting) for meeting in shown], "total": len(everything),
               "positions": positions(everything), "pager": links,
               "first": min(dates, default=None), "last": max(dates, default=None)}
    data = {**found, "meetings": shown, "total": len(everything), "page": number, "pages": pages,
            "per_page": OFFICIAL_PER_PAGE, "positions": context["positions"],
            "links": {"next": pager_link(links, "next"), "prev": pager_link(links, "prev")}}
    return Page("official.html", context, data=data)


def cluster_page(found: dict) -> Page:
    years: dict[int | None, dict] = {}
    for meeting in found["meetings"]:
        year = years.setdefault(meeting["year"], {"year": meeting["year"], "meetings": [], "members": []})
        year["meetings"].append(linked(meeting))
        year["members"] += [name for name in meeting["members"] if name not in year["members"]]
    leaders = [{**meeting["leader"], "date": meeting["date"], "href": official_url(meeting["leader"]["name"]),
                "meeting": f"/meeting/{meeting['id']}"} for meeting in found["meetings"] if meeting["leader"]["name"]]
    by_year = sorted(years.values(), key=lambda year: (year["year"] is None, -(year["year"] or 0)))
    title = " · ".join(part for part in (found["name"], found["province"]) if part)
    context = {**found, "title": title, "years": by_year, "leaders": leaders,
               "province_href": province_url(found["province"]), "charts": figure_charts(found["meetings"]),
               "search_href": url(cluster_key=found["cluster_key"])}
    data = {key: value for key, value in found.items() if key != "meetings"}
    data.update(years=[{"year": year["year"], "meetings": [m["id"] for m in year["meetings"]],
                        "members": year["members"]} for year in by_year],
                leaders=leaders, meetings=[{k: v for k, v in m.items() if k != "figures"} for m in found["meetings"]],
                figures=comparable(found["meetings"]))
    return Page("cluster.html", context, data=data)


def province_page(found: dict) -> Page:
    clusters = [{**cluster, "href": cluster_url(cluster["value"])}
                for cluster in sorted(found["clusters"], key=lambda c: (-c["count"], c["label"]))]
    context = {**found, "clusters": clusters, "latest": [linked(meeting) for meeting in found["latest"]],
               "chart": meetings_chart(found["years_by_type"], f"Số hội nghị theo năm ở {found['name']}"),
               "search_href": url(province=found["name"])}
    return Page("province.html", context, data={**found, "clusters": clusters, "search": context["search_href"]})


#: Each entity's reader and page builder (the official's builder also takes the page number).
PAGES: dict[str, tuple[Callable[[Path, str], dict | None], Callable[..., Page]]] = {
    "official": (entities.official, official_page),
    "cluster": (entities.cluster, cluster_page),
    "province": (entities.province, province_page),
}
