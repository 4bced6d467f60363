"""Record → table rows: schemas, partitions, person keys and administrative codes."""
from __future__ import annotations

import unicodedata

import pyarrow as pa
import pytest
from vietnam_provinces import Province, Ward

from data_sources import CORPUS, corpus_gold
from pipeline.tables import (
    SCHEMAS, TABLE_NAMES, admin_link, name_key, partition_of, record_rows, to_table,
)

#: Five of the corpus's plain-text articles: meetings in five provinces, one of them of a khối.
SAMPLE_SOURCES = ["a01_nghean_cum4_tongket_2023.txt", "a03_thaibinh_cum3_soket_2024.txt",
                  "a07_hanoi_cum5_soket_2025.txt", "a08_quangninh_khoi6_tongket_2022.txt",
                  "a09_thanhhoa_cum3_nganh_soket_2023.txt"]
#: The one whose province is left unknown here, as extraction leaves it when a text names none.
NO_PROVINCE = "a08_quangninh_khoi6_tongket_2022.txt"
CHILD_FIELDS = {"officials": "officials", "member_units": "member_units", "figures": "figures", "documents": "documents"}


def span(text: str, value: str | None) -> list[int] | None:
    """The span of ``value`` in ``text``, when it occurs there."""
    start = text.find(value) if value else -1
    return [start, start + len(value)] if start >= 0 else None


def gold_records() -> list[dict]:
    """The hand-checked records of the sample articles, completed like extract's output: text, url and
    evidence spans."""
    records = []
    for record in corpus_gold(*SAMPLE_SOURCES):
        if record["source"] == NO_PROVINCE:
            record["province"] = None
        text = (CORPUS / "articles" / record["source"]).read_text(encoding="utf-8")
        record["text"], record["url"] = text, None
        record["evidence"] = {field: span(text, record[field]) for field in ("province", "federation", "author")
                              if span(text, record[field])}
        for item in record["officials"] + record["member_units"]:
            if span(text, item["name"]):
                item["evidence"] = span(text, item["name"])
        records.append(record)
    return records


def test_every_list_item_becomes_one_row_carrying_its_article_id_and_span():
    for record in gold_records():
        rows = record_rows(record, "a" * 16, "h")
        assert len(rows["articles"]) == 1
        for table, field in CHILD_FIELDS.items():
            assert len(rows[table]) == len(record[field])
            assert all(row["article_id"] == "a" * 16 for row in rows[table])
            assert [row["position"] for row in rows[table]] == list(range(len(record[field])))
        for row, item in zip(rows["officials"], record["officials"]):
            expected = item.get("evidence") or [None, None]
            assert [row["evidence_start"], row["evidence_end"]] == expected
        for table in TABLE_NAMES:
            assert to_table(table, rows[table]).schema == SCHEMAS[table]


def test_figures_keep_value_and_unit_in_typed_columns():
    record = next(r for r in gold_records() if r["figures"])
    table = to_table("figures", record_rows(record, "x", "h")["figures"])
    assert table.schema.field("value").type == pa.float64()
    assert table.column("value").to_pylist() == [float(f["value"]) for f in record["figures"]]
    assert table.column("unit").to_pylist() == [f["unit"] for f in record["figures"]]


def test_article_row_flattens_cluster_meeting_and_evidence():
    record = gold_records()[0]
    article = to_table("articles", record_rows(record, "x", "h")["articles"]).to_pylist()[0]
    assert article["cluster_number"] == record["cluster"]["number"]
    assert article["meeting_date"].isoformat() == record["meeting"]["date"]
    evidence = dict(article["evidence"])
    start, end = record["evidence"]["province"]
    assert record["text"][evidence["province"]["start"]:evidence["province"]["end"]] == record["text"][start:end]


@pytest.mark.parametrize("a, b", [
    ("Đặng Thị Phương Hòa", "Đặng Thị Phương Hoà"),  # tone on the other vowel
    ("Nguyễn Thị Thủy", "NGUYỄN  thị thuỷ"),  # case, spacing, tone placement
    ("Lê Thị Hoa", unicodedata.normalize("NFD", "Lê Thị Hoa")),  # decomposed input
])
def test_name_key_ignores_case_spacing_and_tone_placement(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [("Hòa", "Hoa"), ("Hòa", "Hóa"), ("Đông", "Dông"), ("Thư", "Thu")])
def test_name_key_keeps_tones_and_letters_that_tell_names_apart(a, b):
    assert name_key(a) != name_key(b)


def test_partition_is_meeting_year_else_published_year_else_unknown():
    assert partition_of({"province": "Hà Nội", "meeting": {"date": "2022-07-19"}, "published_date": "2023-01-01"}) \
        == ("Hà Nội", "2022")
    assert partition_of({"province": None, "meeting": {"date": None}, "published_date": "2023-01-01"}) \
        == ("unknown", "2023")
    assert partition_of({"province": "Huế", "meeting": None, "published_date": "not a date"}) == ("Huế", "unknown")


def test_wards_and_provinces_link_to_their_2025_codes():
    ward = next(w for w in Ward.iter_all() if w.division_type.value == "xã")
    province = Province.from_code(ward.province_code)
    bare_province = province.name.removeprefix("Thành phố ").removeprefix("Tỉnh ")
    place = ward.name[len("Xã "):]
    link = admin_link("xã", unicodedata.normalize("NFD", place), bare_province)
    assert link == {"admin_level": "ward", "admin_code": f"{ward.code.value:05d}"}
    assert admin_link("phường", place, bare_province)["admin_code"] is None  # wrong division type
    assert admin_link("tỉnh", bare_province, None) == {"admin_level": "province",
                                                        "admin_code": f"{province.code.value:02d}"}
    assert admin_link("xã", "Nơi Không Có", bare_province)["admin_code"] is None
    assert admin_link("huyện", place, bare_province)["admin_code"] is None


def test_every_ward_name_starts_with_its_division_type():
    for ward in Ward.iter_all():
        if ward.division_type.value in ("phường", "xã"):
            assert ward.name.casefold().startswith(ward.division_type.value + " ")
