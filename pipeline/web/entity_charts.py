"""The charts of the archive's pages: meetings over the years by meeting type, and a cluster's reported
figures that can be compared from year to year.

Two figures are comparable when they have the same kind, unit and subject (compared case- and
space-insensitively, and without the year a subject names: ``phát triển đoàn viên năm 2024`` and ``… năm
2025`` are the same target set again): the same thing counted again a year later. A year's value is that of its last
meeting reporting it. Figures reported in one year only draw nothing.
"""
from __future__ import annotations

import re
from numbers import Real

from markupsafe import Markup

from pipeline.web.charts import line_chart
from pipeline.web.vi_format import capitalized, words

#: The most charts (one per unit) and series per chart drawn for one cluster.
MAX_CHARTS = 3
MAX_SERIES = 6
#: The most meeting types drawn as lines (the most frequent; charts.py has six colours, one is for all types).
MAX_TYPES = 5
#: A year named in a figure's subject, with the word before it (``năm 2024``), left out when comparing.
YEAR = re.compile(r"(?:\bnăm\s+)?\b(?:19|20)\d\d\b", re.IGNORECASE)


def meetings_chart(years_by_type: dict[str, dict[int, int]], title: str) -> Markup:
    """Meetings per year: a line per meeting type (the most frequent ones), zero in the years between
    where a type has none, and one for all types when there are several."""
    if not years_by_type:
        return line_chart({}, title=title)
    years = [year for counts in years_by_type.values() for year in counts]
    span = range(min(years), max(years) + 1)
    kinds = sorted(years_by_type, key=lambda kind: (-sum(years_by_type[kind].values()), kind))[:MAX_TYPES]
    series = {capitalized(kind): [(year, years_by_type[kind].get(year, 0)) for year in span] for kind in kinds}
    if len(years_by_type) > 1:
        series = {"Tất cả": [(year, sum(counts.get(year, 0) for counts in years_by_type.values())) for year in span],
                  **series}
    return line_chart(series, title=title, y_label="Số hội nghị", counts=True)


def figure_charts(meetings: list[dict]) -> list[Markup]:
    """The charts of a cluster's comparable figures (none when nothing is comparable)."""
    return [line_chart(chart["series"], title=f"Số liệu qua các năm ({chart['unit']})", y_label=chart["unit"])
            for chart in comparable(meetings)]


def folded(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def without_year(subject: str) -> str:
    """``subject`` without the year it names, spaces collapsed."""
    return " ".join(YEAR.sub(" ", subject).split())


def comparable(meetings: list[dict]) -> list[dict]:
    """Charts of the figures of ``meetings`` (each with ``year`` and ``figures``, oldest first):
    ``[{"unit", "series": {name: [(year, value), ...]}}]``, units with the most series first."""
    groups: dict[tuple[str, str, str], dict] = {}
    for meeting in meetings:
        year = meeting.get("year")
        for figure in meeting.get("figures") or []:
            value, unit, subject = figure.get("value"), figure.get("unit"), figure.get("subject")
            if year is None or not unit or not subject or not isinstance(value, Real) or isinstance(value, bool):
                continue
            subject = without_year(subject)
            if not subject:
                continue
            key = (str(figure.get("kind") or ""), folded(unit), folded(subject))
            group = groups.setdefault(key, {"unit": " ".join(unit.split()), "subject": subject,
                                            "kind": figure.get("kind"), "values": {}})
            group["values"][year] = value
    by_unit: dict[str, dict[str, list[tuple[int, float]]]] = {}
    for (_, unit, _), group in groups.items():
        if len(group["values"]) < 2:
            continue
        series = by_unit.setdefault(unit, {})
        if len(series) < MAX_SERIES:
            series[series_name(group)] = sorted(group["values"].items())
    charts = [{"unit": next(g["unit"] for (_, u, _), g in groups.items() if u == unit), "series": series}
              for unit, series in by_unit.items()]
    return sorted(charts, key=lambda chart: -len(chart["series"]))[:MAX_CHARTS]


def series_name(group: dict) -> str:
    """A series' name: its subject, with its kind's word (``chỉ tiêu``, ``đạt``) when it has one."""
    kind = words()["kinds"].get(group["kind"] or "", "")
    return capitalized(group["subject"]) + (f" ({kind})" if kind else "")
