"""Sample meeting records for the archive tests: hand-checked corpus records, each with
a short text written here from its values, and evidence spans computed while writing it
(so the archive tests do not depend on extraction quality)."""
from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest

from data_sources import corpus_gold
from pipeline import archive, tables
from pipeline.web.record_view import lookup
from pipeline.web.server import serving

#: The corpus meetings the archive tests search: Cần Thơ's Cụm thi đua số 2 in 2025 and in 2024, Hà Nội's
#: Cụm thi đua số 5 (autumn 2025), Quảng Ninh's Khối thi đua số 6 in Hạ Long, Nghệ An's Cụm thi đua số 7
#: (autumn 2025).
SAMPLE_SOURCES = ["can-tho-cum-thi-dua-so-2-tong-ket-2025.html", "a06_cantho_cum2_tongket_2024.txt",
                  "a07_hanoi_cum5_soket_2025.txt", "a08_quangninh_khoi6_tongket_2022.txt",
                  "a10_nghean_cum7_giaoban_2025.txt"]

#: A meeting that shares an official and the cluster with the Hà Nội one, and whose title holds a script.
HOSTILE_TITLE = "<script>window.pwned = 1</script> Cụm thi đua số 5 giao ban quý I"


class TextWriter:
    """Builds a text piece by piece, remembering where the pieces with a key went."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: dict[str, list[int]] = {}

    def add(self, piece: str, key: str | None = None) -> None:
        if key:
            self.spans[key] = [len(self.text), len(self.text) + len(piece)]
        self.text += piece


def gold_records() -> list[dict]:
    """The hand-checked records of the sample meetings."""
    return corpus_gold(*SAMPLE_SOURCES)


def with_text(record: dict) -> dict:
    """``record`` with a text written from its values, evidence spans and a url."""
    record = copy.deepcopy(record)
    meeting, cluster = record.get("meeting") or {}, record.get("cluster") or {}
    out = TextWriter()
    out.add(record["title"], "title")
    out.add("\n\n")
    if meeting.get("date"):
        year, month, day = meeting["date"].split("-")
        out.add("Hôm ấy, ngày ")
        out.add(f"{day}/{month}/{year}", "meeting.date")
        out.add(", ")
    if meeting.get("location"):
        out.add("các đại biểu họp tại ")
        out.add(meeting["location"], "meeting.location")
        out.add(": ")
    out.add(cluster["name"], "cluster")
    if record.get("province"):
        out.add(" của công đoàn tỉnh (thành) ")
        out.add(record["province"], "province")
    out.add(" mở hội nghị ")
    out.add(meeting.get("type") or "khác", "meeting.type")
    out.add(".\n\n")
    for i, official in enumerate(record["officials"]):
        out.add("Có mặt đồng chí ")
        out.add(official["name"], f"officials.{i}")
        out.add(f" ({official.get('title') or 'cán bộ'}).\n")
    out.add("\nĐơn vị trong cụm: ")
    for i, unit in enumerate(record["member_units"]):
        out.add(", " if i else "")
        out.add(unit["name"], f"member_units.{i}")
    out.add(".\n")
    for kind in ("officials", "member_units"):
        for i, item in enumerate(record[kind]):
            item["evidence"] = out.spans.pop(f"{kind}.{i}")
    record.update(text=out.text, evidence=out.spans, url=f"https://example.org/tin/{record['source']}")
    return record


def hostile_record() -> dict:
    """A Hà Nội cluster-5 meeting with a script in its title, naming Đinh Thị Thu Huyền."""
    record = {
        "source": "hostile.txt", "title": HOSTILE_TITLE, "published_date": None, "author": None,
        "cluster": {"number": 5, "name": "Cụm thi đua số 5", "kind": "cụm"},
        "federation": "Liên đoàn Lao động thành phố Hà Nội", "province": "Hà Nội",
        "meeting": {"date": "2023-03-15", "type": "giao ban", "location": "quận Ba Đình", "period": "quý I năm 2023"},
        "cluster_leader": None,
        "officials": [{"name": "Đinh Thị Thu Huyền", "title": "Phó Chủ tịch", "organization": None,
                       "former": False, "cluster_role": None}],
        "member_units": [{"name": "Liên đoàn Lao động quận Ba Đình", "type": "quận", "place": "Ba Đình"}],
        "member_count_stated": None, "figures": [], "documents": [],
    }
    return with_text(record)


def sample_records() -> list[dict]:
    """The sample records with written texts, plus the hostile one."""
    return [with_text(record) for record in gold_records()] + [hostile_record()]


def by_source(records: list[dict], prefix: str) -> dict:
    """The record whose source starts with ``prefix``."""
    return next(record for record in records if record["source"].startswith(prefix))


@pytest.fixture(scope="module")
def sample_archive(tmp_path_factory) -> tuple[Path, list[dict]]:
    """A data folder whose archive holds the sample records."""
    data_dir = tmp_path_factory.mktemp("data")
    records = sample_records()
    archive.index_records(data_dir, records)
    return data_dir, records


@pytest.fixture(scope="module")
def served_archive(sample_archive) -> Iterator[tuple[str, list[dict]]]:
    """The web server over the sample archive: its base URL and the records."""
    data_dir, records = sample_archive
    with serving(data_dir) as base:
        yield base, records


def test_sample_evidence_points_at_the_values() -> None:
    for record in sample_records():
        text = record["text"]
        for path in ("title", "province", "meeting.location"):
            if path in record["evidence"]:
                start, end = record["evidence"][path]
                assert text[start:end] == lookup(record, path)
        for official in record["officials"]:
            start, end = official["evidence"]
            assert text[start:end] == official["name"]


def test_sample_ids_are_distinct() -> None:
    records = sample_records()
    assert len({tables.article_id(record) for record in records}) == len(records)
