"""The cluster's member units (shared prefixes, abbreviations, ward/commune typing) and the stated member count."""
from __future__ import annotations

import pytest

from extract_helpers import evidence_of, loose, run, span_text, unit_names
from extractors.places import is_known_place, provinces, ward_type

UNIT_TYPES = {"phường", "xã", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "ngành", None}


def units_of(sentence: str, date: str = "2024-07-03") -> dict:
    record = run(sentence, title="Cụm thi đua sơ kết công tác", date=date)
    for unit in record["member_units"]:
        assert set(unit) >= {"name", "type", "place", "evidence"}
        assert unit["type"] in UNIT_TYPES
        assert unit["place"].casefold() in loose(span_text(record, unit["evidence"])), unit
    return record


# --------------------------------------------------------------------------- shared prefixes


def test_prefix_shared_by_every_item() -> None:
    record = units_of("Cụm thi đua số 3 LĐLĐ thành phố Hà Nội gồm LĐLĐ các quận: Tây Hồ, Cầu Giấy, Thanh Xuân, "
                      "Hà Đông và Long Biên.")
    assert unit_names(record) == [f"Liên đoàn Lao động quận {p}" for p in
                                  ("Tây Hồ", "Cầu Giấy", "Thanh Xuân", "Hà Đông", "Long Biên")]
    assert {u["type"] for u in record["member_units"]} == {"quận"}
    assert [u["place"] for u in record["member_units"]][:2] == ["Tây Hồ", "Cầu Giấy"]


def test_prefix_after_a_counted_head() -> None:
    record = units_of("Cụm thi đua số 3 LĐLĐ thành phố Hà Nội gồm 5 đơn vị: LĐLĐ các quận: Tây Hồ, Cầu Giấy, "
                      "Thanh Xuân, Hà Đông và Long Biên.")
    assert len(record["member_units"]) == 5
    assert record["member_count_stated"] == 5


def test_place_name_of_three_syllables_is_one_unit() -> None:
    record = units_of("Cụm thi đua số 3 LĐLĐ thành phố Hà Nội gồm LĐLĐ các quận: Tây Hồ, Cầu Giấy và Nam Từ Liêm.")
    assert unit_names(record) == ["Liên đoàn Lao động quận Tây Hồ", "Liên đoàn Lao động quận Cầu Giấy",
                                  "Liên đoàn Lao động quận Nam Từ Liêm"]


def test_levels_change_inside_one_list() -> None:
    record = units_of("Cụm thi đua số 1 LĐLĐ tỉnh Nghệ An gồm LĐLĐ các huyện: Nam Đàn, Hưng Nguyên, Thanh Chương "
                      "và LĐLĐ thị xã Cửa Lò.")
    assert [(u["name"], u["type"], u["place"]) for u in record["member_units"]] == [
        ("Liên đoàn Lao động huyện Nam Đàn", "huyện", "Nam Đàn"),
        ("Liên đoàn Lao động huyện Hưng Nguyên", "huyện", "Hưng Nguyên"),
        ("Liên đoàn Lao động huyện Thanh Chương", "huyện", "Thanh Chương"),
        ("Liên đoàn Lao động thị xã Cửa Lò", "thị xã", "Cửa Lò"),
    ]


def test_each_item_with_its_own_prefix() -> None:
    record = units_of("Cụm thi đua số 1 LĐLĐ tỉnh Nghệ An gồm 3 đơn vị: LĐLĐ thành phố Vinh, LĐLĐ thị xã Cửa Lò "
                      "và LĐLĐ huyện Nghi Lộc.")
    assert [(u["name"], u["type"]) for u in record["member_units"]] == [
        ("Liên đoàn Lao động thành phố Vinh", "thành phố"),
        ("Liên đoàn Lao động thị xã Cửa Lò", "thị xã"),
        ("Liên đoàn Lao động huyện Nghi Lộc", "huyện"),
    ]
    assert record["member_count_stated"] == 3


# --------------------------------------------------------------------------- sector unions and abbreviations


def test_sector_unions_written_short_in_brackets() -> None:
    record = units_of("Khối thi đua số 2 của LĐLĐ tỉnh Nghệ An gồm 4 công đoàn ngành (CĐVC tỉnh, CĐYT tỉnh, "
                      "CĐGD tỉnh, CĐKKT tỉnh).")
    assert [(u["name"], u["type"], u["place"]) for u in record["member_units"]] == [
        ("Công đoàn Viên chức tỉnh", "ngành", "Viên chức"),
        ("Công đoàn Y tế tỉnh", "ngành", "Y tế"),
        ("Công đoàn Giáo dục tỉnh", "ngành", "Giáo dục"),
        ("Công đoàn Khu kinh tế tỉnh", "ngành", "Khu kinh tế"),
    ]
    assert record["member_count_stated"] == 4


def test_sector_unions_short_and_written_out_mixed() -> None:
    record = units_of("Khối thi đua số 2 của LĐLĐ tỉnh Nghệ An gồm 4 đơn vị: Công đoàn Y tế tỉnh, Công đoàn ngành "
                      "Xây dựng, Công đoàn ngành Giao thông vận tải và CĐVC tỉnh.")
    assert [(u["name"], u["place"]) for u in record["member_units"]] == [
        ("Công đoàn Y tế tỉnh", "Y tế"),
        ("Công đoàn ngành Xây dựng", "Xây dựng"),
        ("Công đoàn ngành Giao thông vận tải", "Giao thông vận tải"),
        ("Công đoàn Viên chức tỉnh", "Viên chức"),
    ]
    assert {u["type"] for u in record["member_units"]} == {"ngành"}


def test_list_right_after_gom_colon() -> None:
    record = units_of("Khối thi đua số 2 của LĐLĐ tỉnh Nghệ An gồm: CĐVC tỉnh, CĐYT tỉnh, CĐGD tỉnh và CĐKKT tỉnh.")
    assert unit_names(record) == ["Công đoàn Viên chức tỉnh", "Công đoàn Y tế tỉnh", "Công đoàn Giáo dục tỉnh",
                                  "Công đoàn Khu kinh tế tỉnh"]


# --------------------------------------------------------------------------- wards and communes (2025 map)


def test_wards_and_communes_typed_from_the_2025_map() -> None:
    record = units_of("Cụm thi đua số 5 của LĐLĐ tỉnh Thanh Hóa gồm 4 công đoàn phường, xã: Hạc Thành, "
                      "Hoằng Hóa, Nguyệt Viên và Hoằng Tiến.", date="2025-09-02")
    assert [(u["name"], u["type"], u["place"]) for u in record["member_units"]] == [
        ("Công đoàn phường Hạc Thành", "phường", "Hạc Thành"),
        ("Công đoàn xã Hoằng Hóa", "xã", "Hoằng Hóa"),
        ("Công đoàn phường Nguyệt Viên", "phường", "Nguyệt Viên"),
        ("Công đoàn xã Hoằng Tiến", "xã", "Hoằng Tiến"),
    ]
    assert record["member_count_stated"] == 4
    assert evidence_of(record, "member_count_stated") == "4"


@pytest.mark.parametrize(("name", "province", "kind"), [
    ("Hoằng Hóa", "Thanh Hóa", "xã"),
    ("Hạc Thành", "Thanh Hóa", "phường"),
    ("hoằng hóa", "Thanh Hóa", "xã"),
    ("Hạc Thành", None, "phường"),
    ("Không Có Nơi Này", "Thanh Hóa", None),
])
def test_ward_type(name: str, province: str | None, kind: str | None) -> None:
    assert ward_type(name, province) == kind


def test_known_places_and_provinces() -> None:
    kinds = provinces()
    assert kinds["Hà Nội"] == "thành phố"
    assert kinds["Thanh Hóa"] == "tỉnh"
    assert kinds["Hải Dương"] == "tỉnh"          # merged in 2025, still named in older articles
    assert is_known_place("Hạc Thành")
    assert not is_known_place("Nguyễn Văn An")


def test_commune_list_with_old_spelling_is_normalised() -> None:
    record = units_of("Cụm thi đua số 5 của LĐLĐ tỉnh Thanh Hóa gồm 2 công đoàn xã: Hoằng Hoá và Hoằng Tiến.",
                      date="2025-09-02")
    assert unit_names(record) == ["Công đoàn xã Hoằng Hóa", "Công đoàn xã Hoằng Tiến"]


# --------------------------------------------------------------------------- stated count


def test_count_stated_outside_the_list() -> None:
    record = units_of("Sáng 3/7, lãnh đạo 7 đơn vị thuộc Cụm thi đua số 2 đã ký kết giao ước thi đua.")
    assert record["member_count_stated"] == 7
    assert evidence_of(record, "member_count_stated") == "7"
    assert all(f["value"] != 7 for f in record["figures"])


def test_no_list_no_count() -> None:
    record = units_of("Sáng 3/7, Cụm thi đua số 2 tổ chức hội nghị sơ kết, các đơn vị báo cáo kết quả thi đua.")
    assert record["member_units"] == []
    assert record["member_count_stated"] is None
    assert "member_count_stated" not in record["evidence"]


def test_list_of_officials_is_not_a_list_of_units() -> None:
    record = units_of("Hội nghị gồm các đồng chí: Nguyễn Văn Sơn, Trần Thu Trang và Lê Văn Quý.")
    assert record["member_units"] == []


def test_a_three_syllable_place_before_a_verb_stays_whole() -> None:
    record = run("Cụm thi đua số 7 LĐLĐ thành phố Hà Nội gồm LĐLĐ các huyện Gia Lâm, Đông Anh và LĐLĐ quận "
                 "Nam Từ Liêm đã tổ chức hội nghị sơ kết.", title="Cụm thi đua số 7 sơ kết", date="2024-07-12")
    assert unit_names(record)[-1] == "Liên đoàn Lao động quận Nam Từ Liêm"


def test_a_lost_full_stop_does_not_join_the_next_sentence_to_the_last_place() -> None:
    record = run("Cụm thi đua số 5 gồm LĐLĐ các huyện: Kỳ Sơn, Tương Dương và Con Cuông Toàn cụm có 9.120 đoàn viên.",
                 title="Cụm thi đua số 5 tổng kết", date="2024-12-12")
    assert unit_names(record)[-1] == "Liên đoàn Lao động huyện Con Cuông"
