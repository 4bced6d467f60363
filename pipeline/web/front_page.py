"""The front page: what the archive holds, its latest meetings, counts by province, year and meeting type
that filter the search when clicked, meetings over the years as a chart, and a query to try that finds
something in this archive."""
from __future__ import annotations

from pathlib import Path

from pipeline import archive
from pipeline.archive.entities import overview
from pipeline.web.entity_charts import meetings_chart
from pipeline.web.links import cluster_url, province_url
from pipeline.web.page import NO_ARCHIVE, Page, url

#: The count lists shown: heading and the search parameter each value filters by.
COUNTS = {"province": ("Theo tỉnh / thành phố", "province"), "year": ("Theo năm", "year"),
          "type": ("Theo loại hội nghị", "type")}


def front_page(data_dir: Path) -> Page:
    """The front page of the archive of ``data_dir``."""
    context = {"form": {}, "found": None, "message": None, "front": None}
    try:
        held = overview(data_dir)
    except archive.NoArchive:
        return Page("front.html", {**context, "message": NO_ARCHIVE}, data={"error": NO_ARCHIVE, "status": 200})
    counts = []
    for name, (heading, param) in COUNTS.items():
        values = held["facets"][name]
        if name == "year":
            values = sorted(values, key=lambda value: value["value"], reverse=True)
        counts.append({"name": name, "heading": heading, "values": [
            {**value, "href": url(**{param: value["value"]})} for value in values]})
    years = sorted(int(value["value"]) for value in held["facets"]["year"])
    example = example_query(held["latest"])
    front = {**held, "counts": counts, "years": (years[0], years[-1]) if years else None,
             "provinces": len(held["facets"]["province"]), "example": example,
             "example_href": url(q=example) if example else None,
             "chart": meetings_chart(held["years_by_type"], "Số hội nghị theo năm, theo loại hội nghị")}
    data = {key: held[key] for key in ("articles", "meetings", "clusters", "updated", "latest", "years_by_type")}
    data.update(provinces=front["provinces"], counts={c["name"]: c["values"] for c in counts},
                example=front["example_href"], links={
                    "provinces": {v["value"]: province_url(v["value"]) for v in held["facets"]["province"]},
                    "clusters": {v["value"]: cluster_url(v["value"]) for v in held["facets"]["cluster_key"]}})
    return Page("front.html", {**context, "front": front, "example": example}, data=data)


def example_query(latest: list[dict]) -> str | None:
    """A query that finds the latest meeting with a cluster and a province: the cluster's name and the province."""
    for meeting in latest:
        if meeting.get("cluster_name") and meeting.get("province"):
            return f"{meeting['cluster_name']} {meeting['province']}".lower()
    return None
