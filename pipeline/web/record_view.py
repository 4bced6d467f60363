"""Lay out a stored record for the meeting page: its values, each tied to the piece of text that supports it.

The article text is cut into segments at every evidence boundary; a value's
evidence is then the range of segments ``(first, last)`` it covers, which the page
highlights without any offset arithmetic in the browser. Evidence comes from
``record["evidence"]`` (``{field path: [start, end]}``) for single values and from
each list item's own ``"evidence"``; missing or out-of-range spans are ignored.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.web.vi_format import date_vi, figure_vi, number_vi

Span = tuple[int, int]


@dataclass
class Value:
    """One value shown on the page, with the span of text supporting it (character offsets).

    ``name`` is the person a value names (an official, the cluster leader): the page links them to their page.
    """

    label: str
    text: str
    span: Span | None = None
    segments: tuple[int, int] | None = None
    name: str | None = None


@dataclass
class RecordView:
    """A record ready for the meeting page."""

    segments: list[str]
    facts: list[Value]
    lists: dict[str, list[Value]] = field(default_factory=dict)


#: Single values: label and field path.
FACTS = [
    ("Tiêu đề", "title"),
    ("Cụm / khối thi đua", "cluster.name"),
    ("Tỉnh / thành phố", "province"),
    ("Liên đoàn", "federation"),
    ("Ngày họp", "meeting.date"),
    ("Loại hội nghị", "meeting.type"),
    ("Địa điểm", "meeting.location"),
    ("Kỳ", "meeting.period"),
    ("Cụm trưởng", "cluster_leader.name"),
    ("Đơn vị cụm trưởng", "cluster_leader.unit"),
    ("Số thành viên", "member_count_stated"),
    ("Ngày đăng", "published_date"),
    ("Tác giả", "author"),
]

#: List fields and their headings.
LISTS = {"officials": "Cán bộ", "member_units": "Đơn vị thành viên", "figures": "Số liệu", "documents": "Văn bản"}


#: Facts that name a person (linked to their page, as the officials are).
PERSON_FACTS = {"cluster_leader.name"}

#: How a fact is shown, where it is not shown as stored: dates as dd/mm/yyyy, counts with Vietnamese separators.
SHOWN = {"meeting.date": date_vi, "published_date": date_vi, "member_count_stated": number_vi}


def lookup(record: dict, path: str) -> object:
    """The value at a dotted field path, or None."""
    value: object = record
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def valid_span(value: object, length: int) -> Span | None:
    """``value`` as a span of a text of ``length`` characters, or None when it is not one."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None
    start, end = value
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
        return None
    return (start, end) if 0 <= start < end <= length else None


def evidence_span(evidence: dict, path: str, length: int) -> Span | None:
    """The evidence of a field path; failing that, of its parent (``cluster`` for ``cluster.name``)."""
    while path:
        span = valid_span(evidence.get(path), length)
        if span:
            return span
        path = path.rpartition(".")[0]
    return None


def describe_item(kind: str, item: dict) -> str:
    """A list item as one line."""
    def join(*parts: object) -> str:
        return ", ".join(str(part) for part in parts if part not in (None, ""))

    if kind == "officials":
        role = join(("nguyên " if item.get("former") else "") + (item.get("title") or ""), item.get("organization"))
        extra = f" [{item['cluster_role']}]" if item.get("cluster_role") else ""
        return f"{item.get('name') or '?'} — {role}{extra}" if role.strip() else f"{item.get('name') or '?'}{extra}"
    if kind == "figures":
        return figure_vi(item)
    if kind == "documents":
        return join(item.get("type"), item.get("number"), date_vi(item.get("date")), item.get("issuer"))
    return str(item.get("name") or "?")


def build_view(record: dict) -> RecordView:
    """The meeting page's view of a stored record (which holds ``text``)."""
    text = record.get("text") or ""
    evidence = record.get("evidence") if isinstance(record.get("evidence"), dict) else {}
    facts = []
    for label, path in FACTS:
        value = lookup(record, path)
        if value not in (None, ""):
            facts.append(Value(label, SHOWN.get(path, str)(value), evidence_span(evidence, path, len(text)),
                               name=value if path in PERSON_FACTS else None))
    lists = {}
    for kind in LISTS:
        items = record.get(kind) if isinstance(record.get(kind), list) else []
        lists[kind] = [
            Value(kind, describe_item(kind, item), valid_span(item.get("evidence"), len(text)), name=item.get("name"))
            for item in items
            if isinstance(item, dict)
        ]
    values = facts + [value for items in lists.values() for value in items]
    segments = cut(text, values)
    return RecordView(segments=segments, facts=facts, lists=lists)


def cut(text: str, values: list[Value]) -> list[str]:
    """Cut ``text`` at every evidence boundary and set each value's segment range."""
    bounds = sorted({0, len(text)} | {n for value in values if value.span for n in value.span})
    starts = {start: i for i, start in enumerate(bounds[:-1])}
    for value in values:
        if value.span:
            start, end = value.span
            value.segments = (starts[start], bounds.index(end) - 1)
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]
