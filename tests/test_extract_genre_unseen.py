"""Wordings of the genre met on union pages the extractor was not tuned on (sentences written for the tests):
blocs named after ``thi đua``, member counts, cluster roles given to people, dates of school years."""
from __future__ import annotations

from extract_helpers import run, unit_names

# --------------------------------------------------------------------------- blocs named after "thi đua"


def test_a_bloc_counted_after_thi_dua_is_the_cluster() -> None:
    record = run("Ngày 5/8, tại thành phố Vinh, Hội nghị sơ kết công tác thi đua Khối 7 Công đoàn Tổng công ty "
                 "trực thuộc Tổng LĐLĐ Việt Nam đã diễn ra. Các công đoàn trong khối trao đổi kinh nghiệm.",
                 title="Sơ kết công tác thi đua 6 tháng đầu năm", date="2023-08-06")
    assert record["cluster"]["kind"] == "khối"
    assert record["cluster"]["number"] is None
    assert record["member_count_stated"] == 7
    assert record["meeting"]["type"] == "sơ kết"
    assert all(f["value"] != 7 for f in record["figures"])


def test_a_bloc_written_only_as_thi_dua_khoi_is_a_cluster_when_it_has_a_khoi_truong() -> None:
    record = run("Vừa qua, tại Hội nghị tổng kết công tác Thi đua Khối năm 2022, đại diện 3 CĐ Tổng Công ty gồm "
                 "CĐ Bưu điện VN, CĐ Dầu khí VN và CĐ Hàng không VN đã ký giao ước. Hội nghị bầu CĐ Dầu khí VN "
                 "là đơn vị Khối trưởng năm 2023.", title="Tổng kết thi đua năm 2022", date="2023-01-10")
    assert record["cluster"] == {"number": None, "name": "Khối thi đua", "kind": "khối"}
    assert record["member_count_stated"] == 3
    assert record["cluster_leader"]["unit"] == "Công đoàn Dầu khí Việt Nam"


def test_a_bare_bloc_without_a_role_or_members_is_not_a_cluster() -> None:
    record = run("Sáng 3/4, LĐLĐ tỉnh Phú Yên trao quà cho công nhân. Thi đua Khối năm nay được phát động sớm.",
                 title="Trao quà cho công nhân", date="2023-04-04")
    assert record["cluster"] is None


# --------------------------------------------------------------------------- member counts


def test_a_count_after_the_clusters_bracketed_federation_counts_the_members() -> None:
    record = run("Ngày 8-12, Khối thi đua 3 (Liên đoàn Lao động tỉnh Bến Tre) tổ chức hội nghị tổng kết năm 2023, "
                 "gồm 9 công đoàn cơ sở.", title="Khối thi đua 3 tổng kết năm 2023", date="2023-12-09")
    assert record["cluster"]["number"] == 3
    assert record["member_count_stated"] == 9
    assert all(f["value"] != 9 for f in record["figures"])


def test_a_count_of_delegates_after_the_clusters_bracket_is_not_the_members() -> None:
    record = run("Ngày 8-12, Khối thi đua 3 (Liên đoàn Lao động tỉnh Bến Tre) tổ chức hội nghị tổng kết năm 2023, "
                 "có 45 đại biểu dự.", title="Khối thi đua 3 tổng kết năm 2023", date="2023-12-09")
    assert record["member_count_stated"] is None


# --------------------------------------------------------------------------- cluster roles given to people


def _official(record: dict, name: str) -> dict:
    return next(o for o in record["officials"] if o["name"] == name)


def test_cum_truong_la_ba_gives_the_leader_and_the_role() -> None:
    record = run("Sáng 18/12, Cụm thi đua số 4 LĐLĐ tỉnh Hải Dương tổ chức hội nghị tổng kết. Cụm trưởng năm 2024 là "
                 "bà Đỗ Thị Lan, Chủ tịch LĐLĐ huyện Gia Lộc.", title="Tổng kết năm 2024", date="2024-12-19")
    assert record["cluster_leader"] == {"name": "Đỗ Thị Lan", "unit": "Liên đoàn Lao động huyện Gia Lộc"}
    assert _official(record, "Đỗ Thị Lan")["cluster_role"] == "cụm trưởng"


def test_a_person_named_only_as_truong_cum_is_an_official_with_that_title() -> None:
    record = run("Chiều 9/1, Cụm thi đua số 2 tổ chức hội nghị sơ kết. Đồng chí Phạm Văn Long – Trưởng cụm thi đua số "
                 "2 đã thông qua kế hoạch của cụm.", title="Sơ kết học kỳ I", date="2024-01-10")
    official = _official(record, "Phạm Văn Long")
    assert (official["title"], official["organization"], official["cluster_role"]) == ("Trưởng cụm", None, "cụm trưởng")
    assert record["cluster_leader"]["name"] == "Phạm Văn Long"


def test_a_place_that_starts_like_a_cue_is_not_a_person_with_a_role() -> None:
    record = run("Sáng 2/3, Khối thi đua số 5 gồm 3 đơn vị: Công ty cao su Lộc Ninh – Khối trưởng; Công ty cao su "
                 "Bà Rịa – Khối phó; Công ty cao su Đồng Phú tổ chức ký kết giao ước.", title="Ký kết giao ước thi đua",
                 date="2024-03-03")
    assert all(o["name"] != "Rịa" for o in record["officials"])
    assert all(o["cluster_role"] != "cụm phó" for o in record["officials"])


def test_a_unit_named_as_cum_truong_is_no_person() -> None:
    record = run("Sáng 18/12, Cụm thi đua số 4 LĐLĐ tỉnh Hải Dương tổ chức hội nghị tổng kết. Cụm trưởng năm 2024 là "
                 "LĐLĐ huyện Gia Lộc.", title="Tổng kết năm 2024", date="2024-12-19")
    assert record["officials"] == []
    assert record["cluster_leader"]["unit"] == "Liên đoàn Lao động huyện Gia Lộc"


# --------------------------------------------------------------------------- days of a school year


def test_an_autumn_day_of_a_school_year_takes_its_first_year() -> None:
    record = run("Ngày 20-9, tại Trường THCS Lê Lợi, Cụm thi đua số 3 các trường THCS tổ chức hội nghị ký kết giao ước "
                 "thi đua năm học 2022 - 2023.", title="Cụm thi đua số 3 ký giao ước thi đua")
    assert record["meeting"]["date"] == "2022-09-20"


def test_a_spring_day_of_a_school_year_takes_its_second_year() -> None:
    record = run("Ngày 25-5, tại Trường THCS Lê Lợi, Cụm thi đua số 3 các trường THCS tổ chức hội nghị tổng kết "
                 "năm học 2022 - 2023.", title="Cụm thi đua số 3 tổng kết năm học")
    assert record["meeting"]["date"] == "2023-05-25"


# --------------------------------------------------------------------------- the meeting's place


def test_a_lowercase_common_noun_after_tai_is_no_meeting_place() -> None:
    record = run("Lễ ký kết của Cụm thi đua số 5 nhằm hoàn thành tốt nhiệm vụ tại cơ quan, đơn vị. Năm 2024, các "
                 "đơn vị trong cụm tổ chức hội thao.", title="Cụm thi đua số 5 ký kết giao ước thi đua",
                 date="2024-03-02")
    assert record["meeting"]["location"] is None


def test_a_named_hall_after_a_common_noun_is_the_meeting_place() -> None:
    record = run("Sáng 1/3, Cụm thi đua số 5 ký kết giao ước thi đua để phát huy vai trò tại địa phương, tại "
                 "Hội trường UBND huyện Bình Sơn.", title="Cụm thi đua số 5 ký kết giao ước thi đua", date="2024-03-02")
    assert record["meeting"]["location"] == "Hội trường UBND huyện Bình Sơn"


# --------------------------------------------------------------------------- the province


def test_a_headline_labelled_with_a_province_names_the_province() -> None:
    record = run("Sáng 4/3, Cụm thi đua số 2 tổ chức ký kết giao ước thi đua năm 2024 giữa các công đoàn cơ sở.",
                 title="Trà Vinh: Cụm thi đua số 2 ký kết giao ước thi đua", date="2024-03-05")
    assert record["province"] == "Trà Vinh"


def test_a_headline_labelled_with_a_word_that_is_no_province_names_none() -> None:
    record = run("Sáng 4/3, Cụm thi đua số 2 tổ chức ký kết giao ước thi đua năm 2024 giữa các công đoàn cơ sở.",
                 title="Tin vắn: Cụm thi đua số 2 ký kết giao ước thi đua", date="2024-03-05")
    assert record["province"] is None


# --------------------------------------------------------------------------- a cluster named in a cited document


def test_a_cluster_in_the_title_of_a_cited_document_gives_way_to_the_one_that_meets() -> None:
    record = run("Thực hiện Kế hoạch số 12/KH-LĐLĐ ngày 2 tháng 3 năm 2024 của Liên đoàn Lao động tỉnh Gia Lai về "
                 "Hoạt động Cụm thi đua các huyện, thị xã, công đoàn ngành và tương đương trong năm 2024 của tỉnh.",
                 "Ngày 05/04/2024, tại Liên đoàn Lao động thị xã An Khê, cụm thi đua các thị xã tổ chức hội nghị ký "
                 "kết giao ước năm 2024 do Liên đoàn Lao động thị xã An Khê làm cụm trưởng.",
                 title="Hội nghị ký kết giao ước thi đua năm 2024")
    assert record["cluster"] == {"number": None, "name": "cụm thi đua các thị xã", "kind": "cụm"}


# --------------------------------------------------------------------------- organisations with a head inside


def test_a_corporation_head_inside_a_union_name_keeps_its_lowercase_word() -> None:
    record = run("Sáng 5/3, Khối thi đua số 3 tổ chức ký kết giao ước thi đua. Dự hội nghị có bà Nguyễn Thị Hà, Chủ "
                 "tịch Công đoàn Tổng Công ty Sông Đà; ông Lê Văn Tú, Chủ tịch Công đoàn Tổng Công ty May 10 - Khối "
                 "trưởng.", title="Ký kết giao ước thi đua năm 2024", date="2024-03-06")
    assert _official(record, "Nguyễn Thị Hà")["organization"] == "Công đoàn Tổng Công ty Sông Đà"
    assert record["cluster_leader"] == {"name": "Lê Văn Tú", "unit": "Công đoàn Tổng Công ty May 10"}


# --------------------------------------------------------------------------- one unit, two spellings


def test_a_member_written_again_without_its_level_word_is_one_unit() -> None:
    record = run("Cụm thi đua số 4 gồm 3 đơn vị: Hội Nông dân tỉnh Hà Nam, Hội Nông dân tỉnh Ninh Bình và Hội Nông dân "
                 "tỉnh Nam Định. Hội Nông dân Ninh Bình giữ vai trò Cụm phó năm 2024.",
                 title="Cụm thi đua số 4 ký kết giao ước thi đua năm 2024", date="2024-03-02")
    assert unit_names(record) == ["Hội Nông dân tỉnh Hà Nam", "Hội Nông dân tỉnh Ninh Bình", "Hội Nông dân tỉnh Nam Định"]
    assert record["member_units"][1]["aliases"] == ["Hội Nông dân Ninh Bình"]


def test_two_levels_of_one_place_stay_two_units() -> None:
    record = run("Cụm thi đua số 2 gồm 3 đơn vị: LĐLĐ huyện Long Mỹ, LĐLĐ thị xã Long Mỹ và LĐLĐ huyện Vị Thủy tổ "
                 "chức hội nghị sơ kết.", title="Cụm thi đua số 2 sơ kết 6 tháng", date="2024-07-02")
    assert len(record["member_units"]) == 3


def test_a_roman_numeral_after_a_blocs_sector_numbers_it() -> None:
    record = run("Chiều 6-3, Khối thi đua Công đoàn ngành II (gồm Công đoàn ngành Giao thông, Công đoàn ngành Xây dựng) "
                 "tổ chức ký kết giao ước thi đua năm 2024.", title="Khối thi đua Công đoàn ngành II ký giao ước",
                 date="2024-03-07")
    assert record["cluster"] == {"number": 2, "name": "Khối thi đua Công đoàn ngành II", "kind": "khối"}


def test_shortened_standing_committee_seats_lead_an_officials_titles() -> None:
    record = run("Ngày 12-3, Khối thi đua Mặt trận tỉnh tổ chức hội nghị ký kết giao ước thi đua năm 2024.",
                 "Đồng chí Trần Văn Phúc, UVTV Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh phát biểu. Bà Lê Thị Hoa, "
                 "UVBCH Tổng LĐLĐ Việt Nam, Chủ tịch LĐLĐ tỉnh dự.", title="Ký kết giao ước thi đua", date="2024-03-13")
    assert _official(record, "Trần Văn Phúc")["title"] == "Ủy viên Thường vụ Tỉnh ủy, Chủ tịch"
    assert _official(record, "Lê Thị Hoa")["title"].startswith("Ủy viên Ban Chấp hành")


def test_a_federation_named_by_its_level_inside_a_list_of_bodies_is_a_member() -> None:
    record = run("Ngày 20-2, Khối thi đua Mặt trận - Đoàn thể tỉnh Phú Yên tổ chức ký kết giao ước thi đua năm 2024. "
                 "Khối thi đua có 4 đơn vị, gồm: Hội Nông dân tỉnh, Liên đoàn Lao động tỉnh, Hội Cựu chiến binh tỉnh, "
                 "Tỉnh đoàn.", title="Khối thi đua Mặt trận - Đoàn thể ký kết giao ước", date="2024-02-21")
    assert unit_names(record) == ["Hội Nông dân tỉnh", "Liên đoàn Lao động tỉnh Phú Yên", "Hội Cựu chiến binh tỉnh",
                                  "Tỉnh đoàn"]
    assert record["member_units"][1]["aliases"] == ["Liên đoàn Lao động tỉnh"]


def test_a_federation_head_before_a_list_of_places_still_shares_its_level() -> None:
    record = run("Cụm thi đua số 3 gồm Liên đoàn Lao động huyện: Tuy An, Đồng Xuân và Sơn Hòa tổ chức hội nghị sơ kết.",
                 title="Cụm thi đua số 3 sơ kết", date="2024-07-02")
    assert unit_names(record) == [f"Liên đoàn Lao động huyện {p}" for p in ("Tuy An", "Đồng Xuân", "Sơn Hòa")]


def test_a_role_in_brackets_after_don_vi_names_the_leading_unit() -> None:
    record = run("Sáng 4/3, tại Công đoàn Viên chức tỉnh (đơn vị Trưởng khối), Khối thi đua số 2 tổ chức ký kết giao "
                 "ước thi đua năm 2024.", title="Khối thi đua số 2 ký kết giao ước", date="2024-03-05")
    assert record["cluster_leader"] == {"name": None, "unit": "Công đoàn Viên chức tỉnh"}


def test_days_listed_before_one_month_date_the_meeting_by_the_first() -> None:
    record = run("Chiều ngày 25, 26/9/2023 tại Hội trường Phòng Giáo dục, khối thi đua các trường học tổ chức hội nghị "
                 "giao ban lần thứ nhất.", title="Giao ban khối thi đua trường học")
    assert record["meeting"]["date"] == "2023-09-25"


def test_a_date_after_a_range_of_years_keeps_its_own_day() -> None:
    record = run("Sáng 13/10, tại Hội trường Phòng Giáo dục, Cụm thi đua số 2 tổ chức hội nghị giao ban chào mừng "
                 "kỷ niệm (20/10/1930-20/10/2024).", title="Giao ban cụm thi đua", date="2024-10-14")
    assert record["meeting"]["date"] == "2024-10-13"


def test_a_place_the_text_writes_with_another_level_takes_that_level() -> None:
    record = run("Chiều 12/12, Cụm thi đua số 3 gồm các huyện Đak Pơ, Kông Chro, Ankhê và Kbang thuộc LĐLĐ tỉnh Gia Lai "
                 "tổ chức tổng kết năm 2024.", "Hội nghị bầu LĐLĐ thị xã An Khê làm cụm trưởng năm 2025.",
                 title="Cụm thi đua số 3 tổng kết năm 2024", date="2024-12-13")
    unit = next(u for u in record["member_units"] if "Khê" in u["name"] or "khê" in u["name"])
    assert (unit["name"], unit["type"], unit["place"]) == ("Liên đoàn Lao động thị xã An Khê", "thị xã", "An Khê")
    assert {u["type"] for u in record["member_units"] if u is not unit} == {"huyện"}
