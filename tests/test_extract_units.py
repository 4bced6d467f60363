"""The cluster's member units (shared prefixes, abbreviations, ward/commune typing) and the stated member count."""
from __future__ import annotations

import pytest

from extract_helpers import evidence_of, loose, run, span_text, unit_names
from extractors.orgs import Prefix, parse, strip_role
from extractors.places import (close_spelling, district_levels, is_known_place, known_spelling, province_named,
                               provinces, ward_type)
from extractors.units import member_units

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


# --------------------------------------------------------------------------- enumerations of every shape


@pytest.mark.parametrize(("sentence", "names"), [
    ("Khối thi đua số 3 gồm các cơ quan: Sở Tài chính, Văn phòng UBND tỉnh, Kho bạc Nhà nước tỉnh và Sở Kế hoạch "
     "và Đầu tư.", ["Sở Tài chính", "Văn phòng Ủy ban nhân dân tỉnh", "Kho bạc Nhà nước tỉnh", "Sở Kế hoạch và Đầu tư"]),
    ("Khối thi đua số IV gồm: Công đoàn Thanh tra Chính phủ, Kiểm toán Nhà nước, Ủy ban Dân tộc.",
     ["Công đoàn Thanh tra Chính phủ", "Công đoàn Kiểm toán Nhà nước", "Công đoàn Ủy ban Dân tộc"]),
    ("Cụm thi đua số 2 gồm CĐ Giáo dục tỉnh, CĐ Y tế tỉnh và CĐCS Công ty Điện lực Quảng Trị.",
     ["Công đoàn Giáo dục tỉnh", "Công đoàn Y tế tỉnh", "Công đoàn cơ sở Công ty Điện lực Quảng Trị"]),
    ("Khối thi đua miền Trung gồm 3 Công ty cà phê: Thắng Lợi, Phước An và Việt Đức.",
     ["Công ty cà phê Thắng Lợi", "Công ty cà phê Phước An", "Công ty cà phê Việt Đức"]),
    ("Cụm thi đua số 4 gồm các trường THPT: Nguyễn Huệ, Lê Lợi và Trần Phú.",
     ["Trường THPT Nguyễn Huệ", "Trường THPT Lê Lợi", "Trường THPT Trần Phú"]),
    ("Cụm thi đua số 8 gồm 4 đơn vị: LĐLĐ thị xã Cửa Lò và LĐLĐ các huyện: Nghi Lộc, Nam Đàn, Hưng Nguyên.",
     ["Liên đoàn Lao động thị xã Cửa Lò", "Liên đoàn Lao động huyện Nghi Lộc", "Liên đoàn Lao động huyện Nam Đàn",
      "Liên đoàn Lao động huyện Hưng Nguyên"]),
], ids=["agencies", "unions-of-agencies-share-the-head", "short-union-heads", "shared-enterprise-prefix",
        "shared-school-head", "member-joined-by-va"])
def test_enumerations_of_every_shape(sentence: str, names: list[str]) -> None:
    record = units_of(sentence)
    assert unit_names(record) == names


def test_central_sector_unions_after_bao_gom_colon() -> None:
    record = units_of("Khối thi đua các Công đoàn ngành Trung ương bao gồm: Công đoàn Dệt may Việt Nam, "
                      "Công đoàn Cao su Việt Nam, Công đoàn Ngân hàng Việt Nam.")
    assert [(u["name"], u["type"]) for u in record["member_units"]] == [
        ("Công đoàn Dệt may Việt Nam", "ngành"), ("Công đoàn Cao su Việt Nam", "ngành"),
        ("Công đoàn Ngân hàng Việt Nam", "ngành")]


def test_enterprises_carry_their_bare_name_and_their_role() -> None:
    record = units_of("Khối thi đua số 5 (gồm 3 đơn vị: Công ty TNHH MTV Cà phê Thắng Lợi – Khối trưởng; "
                      "Công ty Cổ phần Cà phê Phước An – Khối phó; Xí nghiệp liên doanh Hòa Thành) tổ chức sơ kết.")
    units = record["member_units"]
    assert [u["name"] for u in units] == ["Công ty TNHH MTV Cà phê Thắng Lợi", "Công ty Cổ phần Cà phê Phước An",
                                          "Xí nghiệp liên doanh Hòa Thành"]
    assert [u["aliases"] for u in units] == [["Cà phê Thắng Lợi"], ["Cà phê Phước An"], ["Hòa Thành"]]
    assert record["member_count_stated"] == 3
    assert record["cluster_leader"] == {"name": None, "unit": "Công ty TNHH MTV Cà phê Thắng Lợi"}


def test_bare_enterprise_names_after_a_counted_noun() -> None:
    record = units_of("Khối thi đua Tây Nguyên 2 có 3 đơn vị: Cà phê Thắng Lợi (Khối trưởng), Cà phê Phước An, "
                      "Tổng công ty Cà phê Việt Đức.")
    assert unit_names(record) == ["Cà phê Thắng Lợi", "Cà phê Phước An", "Tổng công ty Cà phê Việt Đức"]
    assert record["cluster"]["number"] == 2


def test_items_on_bullet_lines() -> None:
    record = run("Sáng 5/3, Cụm thi đua số 4 tổ chức hội nghị ký kết giao ước. Cụm thi đua số 4 gồm 3 đơn vị:",
                 "- LĐLĐ huyện Nam Đàn;", "- LĐLĐ huyện Hưng Nguyên;", "- LĐLĐ thị xã Cửa Lò.",
                 title="Cụm thi đua số 4 ký giao ước", date="2024-03-06")
    assert [(u["name"], u["type"]) for u in record["member_units"]] == [
        ("Liên đoàn Lao động huyện Nam Đàn", "huyện"), ("Liên đoàn Lao động huyện Hưng Nguyên", "huyện"),
        ("Liên đoàn Lao động thị xã Cửa Lò", "thị xã")]
    assert record["member_count_stated"] == 3


def test_levels_of_a_mixed_list_come_from_the_district_gazetteer() -> None:
    record = units_of("Cụm thi đua số 3 LĐLĐ thành phố Hà Nội gồm LĐLĐ 3 huyện, thị xã gồm Gia Lâm, Sóc Sơn, Sơn Tây.")
    assert [(u["place"], u["type"]) for u in record["member_units"]] == [
        ("Gia Lâm", "huyện"), ("Sóc Sơn", "huyện"), ("Sơn Tây", "thị xã")]
    assert record["member_count_stated"] == 3


def test_lowercase_and_misspelt_place_names() -> None:
    record = run("Cụm thi đua số 1 LĐLĐ tỉnh Nghệ An gồm LĐLĐ các huyện: nghi lộc, Nam Đan và Hưng Nguyên.",
                 title="Cụm thi đua sơ kết công tác", date="2024-07-03")
    assert unit_names(record) == ["Liên đoàn Lao động huyện Nghi Lộc", "Liên đoàn Lao động huyện Nam Đàn",
                                  "Liên đoàn Lao động huyện Hưng Nguyên"]


def test_provinces_in_brackets_after_a_plural_head() -> None:
    record = units_of("Sáng 9/1, LĐLĐ các tỉnh trong Cụm thi đua khu vực Tây Nguyên (Kon Tum, Gia Lai, Đắk Lắk) "
                      "tổ chức tổng kết.")
    assert [(u["name"], u["type"]) for u in record["member_units"]] == [
        ("Liên đoàn Lao động tỉnh Kon Tum", "tỉnh"), ("Liên đoàn Lao động tỉnh Gia Lai", "tỉnh"),
        ("Liên đoàn Lao động tỉnh Đắk Lắk", "tỉnh")]
    assert record["federation"] is None and record["province"] is None


def test_a_list_cut_short_by_the_stored_copy_drops_its_last_item() -> None:
    found, count, _ = member_units("Cụm thi đua số 3 gồm: Công đoàn Trường Đại học Y, Công đoàn Trường Cao đẳng Y, "
                                   "Công đoàn Trường Đại họ", None, [])
    assert [u["name"] for u in found] == ["Công đoàn Trường Đại học Y", "Công đoàn Trường Cao đẳng Y"]


# --------------------------------------------------------------------------- units named by a role, hosts


def test_units_named_only_as_cum_truong_and_cum_pho_are_members() -> None:
    record = run("Sáng 20/12, Cụm thi đua số 6 tổ chức hội nghị tổng kết năm 2024.",
                 "Năm 2025, LĐLĐ huyện Quỳnh Lưu được LĐLĐ tỉnh chỉ định là Cụm trưởng, LĐLĐ huyện Diễn Châu là "
                 "Cụm phó.", title="Cụm thi đua số 6 tổng kết", date="2024-12-21")
    assert unit_names(record) == ["Liên đoàn Lao động huyện Quỳnh Lưu", "Liên đoàn Lao động huyện Diễn Châu"]
    assert record["cluster_leader"] == {"name": None, "unit": "Liên đoàn Lao động huyện Quỳnh Lưu"}


def test_the_unit_of_a_person_named_cum_truong_is_a_member_and_gives_the_leader() -> None:
    record = run("Sáng 20/12, Cụm thi đua số 6 tổ chức hội nghị tổng kết năm 2024.",
                 "Chủ tịch LĐLĐ huyện Quỳnh Lưu Hồ Thị Lan, Cụm trưởng Cụm thi đua số 6, phát biểu khai mạc.",
                 title="Cụm thi đua số 6 tổng kết", date="2024-12-21")
    assert unit_names(record) == ["Liên đoàn Lao động huyện Quỳnh Lưu"]
    assert record["cluster_leader"]["name"] == "Hồ Thị Lan"


def test_a_unit_named_by_role_and_in_the_list_is_listed_once() -> None:
    record = units_of("Khối thi đua số 2 gồm: Công đoàn Tòa án nhân dân tỉnh, Công đoàn Cục Thi hành án tỉnh. "
                      "Năm nay Tòa án nhân dân tỉnh là Khối trưởng.")
    assert unit_names(record) == ["Công đoàn Tòa án nhân dân tỉnh", "Công đoàn Cục Thi hành án tỉnh"]


def test_the_host_of_a_meeting_of_an_unlisted_cluster_is_a_member() -> None:
    record = run("Ngày 14/3/2024, tại Hội trường Quận ủy, LĐLĐ quận Ninh Kiều tổ chức Hội nghị tổng kết hoạt động "
                 "thi đua Cụm 2 năm 2023.", title="Cụm thi đua các quận tổng kết năm 2023")
    assert unit_names(record) == ["Liên đoàn Lao động quận Ninh Kiều"]


def test_the_organisation_a_cluster_belongs_to_is_no_host() -> None:
    record = run("Ngày 14/3/2024, Cụm thi đua số 2 khối xã, thị trấn thuộc LĐLĐ huyện Quỳnh Lưu tổ chức Hội nghị "
                 "tổng kết.", title="Cụm thi đua số 2 tổng kết")
    assert record["member_units"] == []


def test_an_article_about_no_cluster_lists_no_members() -> None:
    record = run("Ngày 4/7, LĐLĐ thành phố công bố thành lập 4 công đoàn phường, gồm: Hải Châu, Thanh Khê, "
                 "Sơn Trà, Cẩm Lệ.", title="Thành lập công đoàn phường")
    assert record["cluster"] is None
    assert record["member_units"] == [] and record["member_count_stated"] is None


# --------------------------------------------------------------------------- the stated count in any wording


@pytest.mark.parametrize(("sentence", "count"), [
    ("Chiều 2/4, Công đoàn 11 trường trong Cụm thi đua số 3 đã ký kết giao ước thi đua.", 11),
    ("Chiều 2/4, lãnh đạo LĐLĐ 4 huyện của cụm thi đua số 2 đã ký kết giao ước.", 4),
    ("Chiều 2/4, Khối thi đua số 3 gồm 7 Công đoàn ngành đã ký kết giao ước thi đua.", 7),
    ("Chiều 2/4, Cụm thi đua Công an 8 tỉnh Tây Nguyên đã ký kết giao ước thi đua.", 8),
    ("Chiều 2/4, đại diện 8/10 đơn vị công đoàn cơ sở trực thuộc Cụm thi đua số 2 đã ký giao ước.", 10),
    ("Chiều 2/4, Cụm thi đua số 2, Công đoàn Viên chức tỉnh có 12 công đoàn cơ sở đã ký giao ước.", 12),
    ("Chiều 2/4, Cụm thi đua số 2 với 9 đơn vị thành viên đã ký kết giao ước thi đua.", 9),
    ("Chiều 2/4, Cụm thi đua số 2 ký kết giao ước thi đua. Cụm gồm 7 đơn vị.", 7),
], ids=["truong-trong-cum", "ldld-huyen-cua-cum", "cong-doan-nganh", "cong-an-tinh", "of-total", "co-cdcs",
        "thanh-vien", "cum-gom"])
def test_stated_count_wordings(sentence: str, count: int) -> None:
    record = units_of(sentence)
    assert record["member_count_stated"] == count
    assert evidence_of(record, "member_count_stated") == str(count)


def test_a_subset_of_the_members_is_not_their_count() -> None:
    record = units_of("Chiều 2/4, Cụm thi đua số 2 đã bình bầu 2 đơn vị tiêu biểu, đề nghị tặng Cờ thi đua: "
                      "Công đoàn xã Nghi Phong và Công đoàn xã Nghi Long.")
    assert unit_names(record) == ["Công đoàn xã Nghi Phong", "Công đoàn xã Nghi Long"]
    assert record["member_count_stated"] is None


def test_units_of_the_whole_cluster_are_no_member_count() -> None:
    record = units_of("Cụm thi đua số 5 gồm LĐLĐ các huyện: Kỳ Sơn, Tương Dương. Toàn cụm có 350 đơn vị công đoàn "
                      "cơ sở.")
    assert record["member_count_stated"] is None


# --------------------------------------------------------------------------- the organisation grammar


@pytest.mark.parametrize(("item", "prefix", "name", "kind", "place"), [
    ("LĐLĐ các huyện Mỹ Đức", Prefix(), "Liên đoàn Lao động huyện Mỹ Đức", "huyện", "Mỹ Đức"),
    ("Ứng Hòa", Prefix("Liên đoàn Lao động", ("huyện",)), "Liên đoàn Lao động huyện Ứng Hòa", "huyện", "Ứng Hòa"),
    ("Công đoàn ngành Giáo dục và Đào tạo TP Cần Thơ", Prefix(),
     "Công đoàn ngành Giáo dục và Đào tạo thành phố Cần Thơ", "ngành", "Giáo dục và Đào tạo"),
    ("CĐVC tỉnh", Prefix(), "Công đoàn Viên chức tỉnh", "ngành", "Viên chức"),
    ("sở Nội vụ", Prefix("Công đoàn cơ sở"), "Công đoàn cơ sở Sở Nội vụ", None, "Sở Nội vụ"),
    ("Công đoàn cơ quan Tỉnh đoàn", Prefix(), "Công đoàn cơ quan Tỉnh đoàn", None, "Tỉnh đoàn"),
    ("Thanh tra Chính phủ", Prefix("Công đoàn"), "Công đoàn Thanh tra Chính phủ", None, "Thanh tra Chính phủ"),
    ("Công đoàn VKSND tối cao", Prefix(), "Công đoàn Viện kiểm sát nhân dân tối cao", None,
     "Viện kiểm sát nhân dân tối cao"),
    ("Bà Rịa - Vũng Tàu", Prefix("Liên đoàn Lao động", ("tỉnh",)), "Liên đoàn Lao động tỉnh Bà Rịa - Vũng Tàu",
     "tỉnh", "Bà Rịa - Vũng Tàu"),
], ids=["plural-head", "inherited", "sector-with-city", "sector-abbr", "lowercase-agency", "agency-union",
        "union-of-an-agency-is-no-sector",
        "abbr-agency", "dashed-province"])
def test_organisation_grammar(item: str, prefix: Prefix, name: str, kind: str | None, place: str) -> None:
    units, _ = parse(item, 0, prefix, None)
    assert [(u.name, u.type, u.place) for u in units] == [(name, kind, place)]


def test_a_person_after_a_place_is_not_part_of_it() -> None:
    units, _ = parse("LĐLĐ quận Hoàng Mai Trần Văn Tâm", 0, Prefix(), "Hà Nội")
    assert [u.place for u in units] == ["Hoàng Mai"]


def test_roles_written_after_an_item() -> None:
    assert strip_role("Công đoàn Quốc phòng (Khối trưởng)") == ("Công đoàn Quốc phòng", "cụm trưởng")
    assert strip_role("Công ty Cao su Lộc Ninh – Khối phó") == ("Công ty Cao su Lộc Ninh", "cụm phó")
    assert strip_role("Công đoàn Tòa án là Trưởng Khối thi đua") == ("Công đoàn Tòa án", "cụm trưởng")
    assert strip_role("Công đoàn Trường Đại học Y") == ("Công đoàn Trường Đại học Y", None)


def test_gazetteer_of_districts_spellings_and_misspellings() -> None:
    assert district_levels("Sơn Tây", "Hà Nội") == {"thị xã"}
    assert district_levels("Gia Lâm") == {"huyện"}
    assert known_spelling("thanh hoá") == "Thanh Hóa"
    assert close_spelling("Thường Tính", ("huyện",), "Hà Nội") == "Thường Tín"
    assert close_spelling("Thường Tính", ("quận",), "Hà Nội") is None
    assert province_named("Hà Tỉnh", forgive=True) == "Hà Tĩnh"
    assert province_named("Hà Tỉnh") is None


def test_bare_places_under_a_union_head_are_typed_by_the_2025_map() -> None:
    record = units_of("Cụm thi đua số 2 của LĐLĐ tỉnh Thanh Hóa gồm 3 công đoàn: Quảng Phú, Hạc Thành và Hoằng Hóa.",
                      date="2025-08-10")
    assert [(u["name"], u["type"]) for u in record["member_units"]] == [
        ("Công đoàn phường Quảng Phú", "phường"), ("Công đoàn phường Hạc Thành", "phường"),
        ("Công đoàn xã Hoằng Hóa", "xã")]
