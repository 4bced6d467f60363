"""Figures: Vietnamese number formats, comparators, target vs achieved vs statistic, and what is not a figure."""
from __future__ import annotations

import pytest

from extract_helpers import figure, run, span_text
from extractors.figures import find_figures
from extractors.phrases import Phrases, end_of, lower, start_of, words
from extractors.numbers import as_int_if_whole, parse_number

TITLE = "Cụm thi đua số 3 sơ kết công tác"


def figures_of(*paragraphs: str) -> dict:
    record = run(*paragraphs, title=TITLE, date="2024-07-03")
    for found in record["figures"]:
        assert span_text(record, found["evidence"]) == found["text"]
        assert found["kind"] in {"target", "achieved", "stat"}
        assert found["comparator"] in {"=", ">", ">=", "<", "<=", "~"}
        assert isinstance(found["value"], (int, float)) and not isinstance(found["value"], bool)
    return record


# --------------------------------------------------------------------------- number formats


@pytest.mark.parametrize(("written", "value"), [
    ("23.517", 23517), ("91,4", 91.4), ("1.356.740.000", 1356740000), ("87.5", 87.5), ("12", 12),
    ("1.234,5", 1234.5), ("0,75", 0.75), ("2.000", 2000), ("abc", None), ("1,2,3", None),
])
def test_parse_number(written: str, value: float | None) -> None:
    assert parse_number(written) == value


def test_whole_values_are_ints() -> None:
    assert as_int_if_whole(23517.0) == 23517 and isinstance(as_int_if_whole(23517.0), int)
    assert as_int_if_whole(91.4) == 91.4


@pytest.mark.parametrize(("sentence", "value", "unit", "text"), [
    ("Năm qua, các đơn vị trong cụm đã kết nạp 23.517 đoàn viên.", 23517, "đoàn viên", "23.517 đoàn viên"),
    ("Tỷ lệ doanh nghiệp có thỏa ước lao động tập thể đạt 91,4%.", 91.4, "%", "91,4%"),
    ("Các công đoàn đã vận động được 4,5 tỉ đồng ủng hộ đồng bào vùng lũ.", 4500000000, "đồng", "4,5 tỉ đồng"),
    ("Tổng kinh phí hỗ trợ xây nhà là 1.356.740.000đ.", 1356740000, "đồng", "1.356.740.000đ"),
    ("Các đơn vị đã trao 620 triệu đồng cho đoàn viên khó khăn.", 620000000, "đồng", "620 triệu đồng"),
    ("Mỗi suất quà trị giá 500.000 đồng.", 500000, "đồng", "500.000 đồng"),
    ("Cụm đã tổ chức 36 lớp tập huấn cho cán bộ công đoàn.", 36, "lớp", "36 lớp"),
    ("Các đơn vị đã trao 1.150 suất quà Tết cho công nhân.", 1150, "suất quà", "1.150 suất quà"),
    ("Tỷ lệ tập hợp đạt 96 phần trăm so với kế hoạch.", 96, "%", "96 phần trăm"),
], ids=["thousands", "decimal-percent", "ti-dong", "dong-glued", "trieu-dong", "dong-thousands", "counted-noun",
        "two-word-noun", "phan-tram"])
def test_value_and_unit(sentence: str, value: float, unit: str, text: str) -> None:
    found = figure(figures_of(sentence), value)
    assert (found["unit"], found["text"], found["comparator"]) == (unit, text, "=")


def test_money_in_two_scales_is_one_figure() -> None:
    record = figures_of("Các đơn vị đã trao 2 tỷ 500 triệu đồng cho đoàn viên vùng lũ.")
    assert [(f["value"], f["unit"]) for f in record["figures"]] == [(2500000000, "đồng")]


@pytest.mark.parametrize(("sentence", "value", "comparator", "text"), [
    ("Các đơn vị đã trao trên 3,5 tỉ đồng hỗ trợ đoàn viên.", 3500000000, ">", "trên 3,5 tỉ đồng"),
    ("Các công đoàn đã tặng hơn 1.200 suất quà cho người lao động.", 1200, ">", "hơn 1.200 suất quà"),
    ("Các đơn vị đã kết nạp 500 đoàn viên trở lên trong đợt cao điểm.", 500, ">=", "500 đoàn viên"),
    ("Cụm đã chi gần 300 triệu đồng thăm hỏi đoàn viên ốm đau.", 300000000, "~", "gần 300 triệu đồng"),
    ("Các đơn vị đã tổ chức khoảng 40 buổi đối thoại tại doanh nghiệp.", 40, "~", "khoảng 40 buổi"),
    ("Chỉ có dưới 5% doanh nghiệp chưa thành lập công đoàn.", 5, "<", "dưới 5%"),
    ("Các đơn vị đã kết nạp ít nhất 80 đoàn viên mỗi quý.", 80, ">=", "ít nhất 80 đoàn viên"),
    ("Số vụ tranh chấp lao động được giải quyết đạt không quá 3 ngày.", None, None, None),
], ids=["tren", "hon", "tro-len", "gan", "khoang", "duoi", "it-nhat", "days-are-no-counted-noun"])
def test_comparator(sentence: str, value, comparator, text) -> None:
    record = figures_of(sentence)
    if value is None:
        assert record["figures"] == []
        return
    found = figure(record, value)
    assert found["comparator"] == comparator
    assert found["text"] == text


# --------------------------------------------------------------------------- target, achieved, statistic


def test_target_achieved_and_statistic_in_their_own_paragraphs() -> None:
    record = figures_of(
        "Trong 6 tháng đầu năm, các đơn vị đã kết nạp 1.650 đoàn viên, tỷ lệ thu kinh phí công đoàn đạt 92,5%.",
        "Hiện toàn cụm có 312 công đoàn cơ sở với 21.450 đoàn viên.",
        "Năm 2025, cụm phấn đấu phát triển 2.000 đoàn viên mới, 100% công đoàn cơ sở tổ chức hội nghị người lao động.")
    kinds = {f["value"]: f["kind"] for f in record["figures"]}
    assert kinds == {1650: "achieved", 92.5: "achieved", 312: "stat", 21450: "stat", 2000: "target", 100: "target"}


def test_kind_is_decided_by_the_figures_own_sentence() -> None:
    record = figures_of("Năm 2025, cụm phấn đấu phát triển 2.000 đoàn viên mới. Trong năm 2024, các đơn vị đã "
                        "kết nạp 1.650 đoàn viên. Hiện toàn cụm có 312 công đoàn cơ sở.")
    assert figure(record, 2000)["kind"] == "target"
    assert figure(record, 1650)["kind"] == "achieved"
    assert figure(record, 312)["kind"] == "stat"


@pytest.mark.parametrize("sentence", [
    "Chỉ tiêu năm nay là 95% doanh nghiệp có thỏa ước lao động tập thể.",
    "Mục tiêu đến cuối năm có thêm 15 công đoàn cơ sở được thành lập.",
    "Các đơn vị cam kết xây dựng 12 Mái ấm Công đoàn trong năm.",
    "Năm tới, cụm sẽ tổ chức 20 buổi đối thoại tại doanh nghiệp.",
], ids=["chi-tieu", "muc-tieu", "cam-ket", "se"])
def test_target_cues(sentence: str) -> None:
    record = figures_of(sentence)
    assert record["figures"] and all(f["kind"] == "target" for f in record["figures"])


def test_subject_names_what_is_measured() -> None:
    found = figure(figures_of("Tỷ lệ doanh nghiệp có thỏa ước lao động tập thể đạt 91,4%."), 91.4)
    assert "thỏa ước" in found["subject"]
    found = figure(figures_of("Năm qua, các đơn vị trong cụm đã kết nạp 23.517 đoàn viên."), 23517)
    assert "đoàn viên" in found["subject"]


# --------------------------------------------------------------------------- not figures


@pytest.mark.parametrize("sentence", [
    "Sáng 12/3/2024, Cụm thi đua số 3 tổ chức hội nghị.",
    "Ngày 5 tháng 6 năm 2024, các đơn vị ký kết giao ước.",
    "Cụm triển khai nhiệm vụ 6 tháng cuối năm 2024 và quý III.",
    "Các đơn vị chuẩn bị đại hội công đoàn nhiệm kỳ 2023-2028.",
    "Thực hiện Quyết định số 812/QĐ-LĐLĐ ngày 21/3/2024 và Nghị quyết số 05-NQ/TW.",
    "Cụm thi đua số 3 gồm 7 đơn vị: LĐLĐ các huyện Nam Đàn, Hưng Nguyên, Thanh Chương, Đô Lương, Anh Sơn, "
    "Con Cuông và Tân Kỳ.",
    "Các đơn vị hưởng ứng Chương trình 1 triệu sáng kiến của Tổng LĐLĐ Việt Nam.",
    "Các công đoàn từng hỗ trợ đoàn viên trong đại dịch Covid-19.",
    "Các đơn vị hưởng ứng cuộc thi “10 sáng kiến vì người lao động” do tỉnh phát động.",
    "Cụm thi đua số 12 và Khối thi đua số 4 cùng dự.",
    "Liên hệ qua số điện thoại 0238.3844.123 hoặc hòm thư của cụm.",
], ids=["date", "written-date", "period", "term", "documents", "member-count", "programme", "covid",
        "quoted-name", "cluster-numbers", "phone"])
def test_non_figures(sentence: str) -> None:
    record = figures_of(sentence)
    assert record["figures"] == [], [f["text"] for f in record["figures"]]


def test_figures_next_to_non_figures() -> None:
    record = figures_of("Theo Kế hoạch số 45/KH-LĐLĐ, sáng 12/3/2024 Cụm thi đua số 3 gồm 6 đơn vị đã trao "
                        "240 suất quà cho đoàn viên trong Chương trình 1 triệu sáng kiến.")
    assert [(f["value"], f["unit"]) for f in record["figures"]] == [(240, "suất quà")]


# --------------------------------------------------------------------------- the grammar, one rule at a time
# These call the figure reader directly on one invented sentence (no dates or documents to skip).


def read(sentence: str) -> list[dict]:
    found = find_figures(sentence, [])
    for item in found:
        start, end = item["evidence"]
        assert sentence[start:end] == item["text"]
    return found


def values(sentence: str) -> list[tuple[float, str]]:
    return [(f["value"], f["unit"]) for f in read(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Tổng Công ty đang quản lý 12.480,5 ha cao su và 35 km đường lô.", [(12480.5, "ha"), (35, "km")]),
    ("Năm qua, các nông trường khai thác được 9.870 tấn mủ.", [(9870, "tấn")]),
    ("Tổng số lao động là 3.456người, trong đó lao động nữ 1.204 người.", [(3456, "người"), (1204, "người")]),
    ("Các đơn vị đã bàn giao 42 bản thỏa thuận hợp tác với doanh nghiệp.", [(42, "bản thỏa thuận")]),
    ("Quỹ tương trợ đã giúp 73 lượt đoàn viên, tổng cộng hơn 2.000 lượt.", [(73, "lượt đoàn viên"), (2000, "lượt")]),
    ("Công đoàn phối hợp thành lập 250 “Tổ công nhân tự quản” tại các khu trọ.", [(250, "tổ")]),
    ("Tổng công ty khai thác hơn 8.200 chuyến bay an toàn trong dịp Tết.", [(8200, "chuyến bay")]),
    ("Hội nghị trực tuyến được kết nối tới 64 điểm cầu trong cả nước.", [(64, "điểm cầu")]),
    ("Phiên chợ có 35 gian hàng phục vụ 1.800 công nhân.", [(35, "gian hàng"), (1800, "công nhân")]),
    ("Liên đoàn đã trao 18 CĐ cơ sở giấy khen và tặng 26 suất học bổng.",
     [(18, "công đoàn cơ sở"), (26, "suất học bổng")]),
], ids=["measures", "tonnes", "glued-unit", "classifier-noun", "classifier-alone", "quoted-noun", "flights",
        "bridge-points", "stalls", "cd-co-so"])
def test_counted_nouns_of_every_kind(sentence: str, expected: list) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Trong năm, số công đoàn cơ sở đạt vững mạnh là 14 đơn vị; khá 5 đơn vị.", [(14, "đơn vị"), (5, "đơn vị")]),
    ("Cụm đã bình chọn 3 đơn vị xuất sắc để đề nghị tặng Cờ thi đua.", [(3, "đơn vị")]),
    ("Tham dự hội nghị có đại diện 9/11 đơn vị công đoàn cơ sở.", [(9, "công đoàn cơ sở")]),
    ("Toàn khối có 412 đơn vị Công đoàn cơ sở với 30.118 đoàn viên.", [(412, "Công đoàn cơ sở"), (30118, "đoàn viên")]),
    ("Tham dự có đại diện 6 đơn vị thuộc cụm thi đua.", []),
    ("Khối thi đua các cơ quan tỉnh gồm 8 đơn vị, do Sở Tư pháp làm khối trưởng.", []),
], ids=["rating", "qualified", "fraction", "unit-of-noun", "members-attending", "members"])
def test_units_count_only_with_a_qualifier(sentence: str, expected: list) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Cụm thi đua số 4, Công đoàn Giáo dục huyện có 14 công đoàn cơ sở.", []),
    ("Cụm thi đua gồm 5 Công ty cao su đóng trên địa bàn.", []),
    ("Hội nghị có đại diện 7 công đoàn cơ sở trong cụm.", []),
    ("Hiện toàn cụm có 312 công đoàn cơ sở.", [(312, "công đoàn cơ sở")]),
    ("Năm qua các đơn vị đã thành lập 6 công đoàn cơ sở trong cụm.", [(6, "công đoàn cơ sở")]),
    ("Phát biểu tại hội nghị, Cụm trưởng cho biết: toàn cụm có 215 công đoàn cơ sở.", [(215, "công đoàn cơ sở")]),
], ids=["cluster-has", "named-companies", "in-the-cluster", "whole-cluster", "founded-in-cluster",
        "cluster-leader-speaks"])
def test_member_counts_are_no_figures(sentence: str, expected: list) -> None:
    assert values(sentence) == expected


def test_a_list_takes_the_unit_of_its_last_member() -> None:
    found = read("Ba công đoàn ngành lần lượt trao 20, 35 và 50 suất quà cho công nhân.")
    assert [(f["value"], f["unit"], f["text"]) for f in found] == [
        (20, "suất quà", "20"), (35, "suất quà", "35"), (50, "suất quà", "50 suất quà")]


def test_a_list_of_money_shares_the_scale() -> None:
    assert values("Các công đoàn ủng hộ 2, 3 hoặc 5 triệu đồng mỗi đơn vị.") == [
        (2000000, "đồng"), (3000000, "đồng"), (5000000, "đồng")]


def test_a_year_before_a_figure_is_no_list_member() -> None:
    assert values("Năm 2023, 1.200 đoàn viên được kết nạp.") == [(1200, "đoàn viên")]


def test_a_range_gives_its_two_bounds() -> None:
    found = read("Liên đoàn phấn đấu mỗi năm kết nạp từ 6.000 – 9.000 đoàn viên mới.")
    assert [(f["value"], f["comparator"], f["kind"]) for f in found] == [(6000, ">=", "target"), (9000, "<=", "target")]


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("Đến nay, tổng số đoàn viên của cụm là 4.520.", 4520, "đoàn viên"),
    ("Sáu tháng qua cụm phát triển đoàn viên được 320/300, đạt 106,7%.", 320, "đoàn viên"),
    ("Các huyện thành lập công đoàn cơ sở được 5/6, đạt 83,3%.", 5, "công đoàn cơ sở"),
], ids=["total-is", "fraction-of-target", "founded-fraction"])
def test_a_unitless_number_takes_its_clauses_noun(sentence: str, value: float, unit: str) -> None:
    found = next(f for f in read(sentence) if f["value"] == value)
    assert found["unit"] == unit and found["text"] == sentence[found["evidence"][0]:found["evidence"][1]]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Mỗi suất quà trị giá 500 nghìn/người.", [(500000, "đồng")]),
    ("Các đơn vị đã ủng hộ 2,5 tỷ cho đồng bào vùng lũ.", [(2500000000, "đồng")]),
    ("Có 12 đồng chí dự họp và 300 đồng bào tham gia.", []),
    ("Phiên chợ 0 đồng đã phục vụ công nhân khó khăn.", []),
], ids=["rate", "scale-alone", "dong-chi", "zero-dong"])
def test_money(sentence: str, expected: list) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(("sentence", "value", "comparator"), [
    ("Kết nạp đoàn viên vượt 12% kế hoạch năm.", 12, "="),
    ("Thu kinh phí công đoàn vượt hơn 5,5% dự toán.", 5.5, ">"),
    ("Các đơn vị kết nạp từ 100 đoàn viên trở lên được biểu dương.", 100, ">="),
    ("Phấn đấu 100% doanh nghiệp có từ 25 lao động trở lên thành lập công đoàn.", 100, "="),
], ids=["vuot", "vuot-hon", "tu-tro-len", "threshold-is-not-ours"])
def test_comparators(sentence: str, value: float, comparator: str) -> None:
    found = read(sentence)
    assert [f["value"] for f in found] == [value]
    assert found[0]["comparator"] == comparator


@pytest.mark.parametrize("sentence", [
    "Hội nghị lần thứ 5 Ban Chấp hành diễn ra tại phòng 301.",
    "Khối thi đua 11 công đoàn ngành Trung ương họp tổng kết.",
    "Trong năm 2021 Công đoàn ngành Xây dựng được tặng Cờ thi đua.",
    "Bài viết đã có 1.234 lượt xem và 12 bình luận.",
    "Các đơn vị tham gia 2 bộ môn là bóng bàn và cầu lông.",
    "Doanh nghiệp có từ 30 lao động trở lên phải thành lập công đoàn.",
    "Các đơn vị hưởng ứng cuộc vận động 10 nghìn sáng kiến vì người lao động.",
    "Đoàn viên tham gia hát 1 bài tự chọn về quê hương.",
], ids=["ordinals-and-rooms", "cluster-member-count", "year-then-noun", "page-furniture", "not-a-noun",
        "threshold", "campaign-name", "a-song"])
def test_what_names_is_no_figure(sentence: str) -> None:
    assert read(sentence) == [], [f["text"] for f in read(sentence)]


def test_end_of_year_is_not_a_date() -> None:
    assert values("Cụm phấn đấu đến cuối năm 100% CĐCS tổ chức hội nghị người lao động.") == [(100, "%")]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Chỉ tiêu: 95% đoàn viên được học tập nghị quyết.", "target"),
    ("Năm 2025, cụm đặt chỉ tiêu kết nạp 3.000 đoàn viên.", "target"),
    ("Hội nghị có sự tham dự của hơn 120 đại biểu.", "stat"),
    ("Số lượng công nhân toàn ngành là 3.443 người.", "stat"),
], ids=["chi-tieu-colon", "dat-chi-tieu", "attendance", "so-luong"])
def test_kind_cues_from_the_lexicon(sentence: str, kind: str) -> None:
    found = read(sentence)
    assert len(found) == 1 and found[0]["kind"] == kind


def test_a_cue_inside_a_quoted_name_sets_no_target() -> None:
    found = read("Các đơn vị hưởng ứng phong trào “Phấn đấu vì người lao động” với 210 sáng kiến.")
    assert [(f["value"], f["kind"]) for f in found] == [(210, "achieved")]


def test_items_of_a_planned_list_are_targets() -> None:
    record = figures_of("Năm 2025, các đơn vị trong cụm thống nhất phấn đấu đạt các chỉ tiêu:",
                        "- 100% công đoàn cơ sở tổ chức hội nghị người lao động;",
                        "- Kết nạp 1.500 đoàn viên mới;",
                        "- Thành lập 12 công đoàn cơ sở.",
                        "Năm 2024, cụm đã kết nạp 1.320 đoàn viên.")
    assert {f["value"]: f["kind"] for f in record["figures"]} == {
        100: "target", 1500: "target", 12: "target", 1320: "achieved"}


def test_items_of_a_list_of_results_are_no_targets() -> None:
    record = figures_of("Sau một năm phấn đấu, cụm đã đạt được các kết quả:",
                        "- Kết nạp 1.500 đoàn viên mới;",
                        "- Thành lập 12 công đoàn cơ sở.")
    assert {f["value"]: f["kind"] for f in record["figures"]} == {1500: "achieved", 12: "achieved"}


# --------------------------------------------------------------------------- phrase tables


def test_a_phrase_table_finds_the_longest_phrase_starting_or_ending_at_a_word() -> None:
    table = Phrases({"công đoàn": 1, "công đoàn cơ sở": 2, "tin, bài": 3})
    text = lower("Có 12 Công đoàn cơ sở và 40 tin, bài")
    found = words(text, 0, len(text))
    assert found[:3] == ["có", "12", "công"]
    assert table.at(found, 2) == 4 and table.value(found, 2, 4) == 2
    assert table.at(found, 0) == 0
    assert table.ending(found) == 3 and table.value(found, len(found) - 3, 3) == 3
    assert table.ending(found, 6) == 4
    start = start_of(text, len(text), 3)
    assert text[start:] == "tin, bài" and text[start:end_of(text, start, 1)] == "tin"
