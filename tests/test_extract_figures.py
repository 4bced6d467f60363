"""Figures: Vietnamese number formats, comparators, target vs achieved vs statistic, and what is not a figure."""
from __future__ import annotations

import pytest

from extract_helpers import figure, run, span_text
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
