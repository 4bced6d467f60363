"""Text normalisation (NFC, tone placement, whitespace, glued words) and the page-furniture rules."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrapers import boilerplate
from scrapers.bylines import byline_name
from scrapers.datelines import dateline_date
from scrapers.cleaning import clean_line, clean_lines, join_paragraphs, normalize_tones, split_glued_words

# --------------------------------------------------------------------------- Unicode and tones


def test_decomposed_text_becomes_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Đồng chí Nguyễn Thị Quỳnh Hương")
    assert decomposed != "Đồng chí Nguyễn Thị Quỳnh Hương"
    cleaned = clean_line(decomposed)
    assert cleaned == "Đồng chí Nguyễn Thị Quỳnh Hương"
    assert unicodedata.is_normalized("NFC", cleaned)


@pytest.mark.parametrize(("old", "new"), [
    ("Hoà", "Hòa"), ("Thuỷ", "Thủy"), ("khoẻ", "khỏe"), ("hoạ", "họa"), ("Thoả", "Thỏa"), ("HOÀ", "HÒA"),
    ("Nguyễn Thị Thu Thuỷ", "Nguyễn Thị Thu Thủy"), ("Hoằng Hoá", "Hoằng Hóa"), ("luỹ kế", "lũy kế"),
])
def test_tone_marks_moved_to_the_news_site_placement(old: str, new: str) -> None:
    assert normalize_tones(old) == new
    assert clean_line(old) == new


@pytest.mark.parametrize("word", ["Hòa", "Thủy", "quý", "Quý", "qua", "hoàn thành", "thuở", "khuyến khích", "Huế"])
def test_modern_placement_and_other_words_left_alone(word: str) -> None:
    assert normalize_tones(word) == word


def test_decomposed_old_tone_placement() -> None:
    assert clean_line(unicodedata.normalize("NFD", "phường Hoà Khánh")) == "phường Hòa Khánh"


# --------------------------------------------------------------------------- whitespace and control characters


def test_whitespace_folded_and_trimmed() -> None:
    assert clean_line("  Cụm\u00a0thi \t đua\u2003số   2  ") == "Cụm thi đua số 2"


def test_control_and_zero_width_characters_removed() -> None:
    assert clean_line("\ufeffCông\u200d đoàn\x07 phường\x0c") == "Công đoàn phường"


def test_lines_split_on_every_newline_convention_and_empty_lines_kept() -> None:
    assert clean_lines("Dòng một\r\nDòng hai\rDòng ba\n\n  Dòng bốn  ") == ["Dòng một", "Dòng hai", "Dòng ba", "",
                                                                          "Dòng bốn"]


def test_paragraphs_joined_by_one_blank_line() -> None:
    assert join_paragraphs(["Đoạn một", "", "Đoạn hai", "Đoạn ba"]) == "Đoạn một\n\nĐoạn hai\n\nĐoạn ba"


# --------------------------------------------------------------------------- glued words


@pytest.mark.parametrize(("glued", "fixed"), [
    ("Thường XuânBá Thước", "Thường Xuân Bá Thước"),
    ("huyện Yên ThànhDiễn Châu", "huyện Yên Thành Diễn Châu"),
    ("Quỳnh LưuNghi Lộc, Đô Lương", "Quỳnh Lưu Nghi Lộc, Đô Lương"),
])
def test_glued_capitalised_syllables_split(glued: str, fixed: str) -> None:
    assert split_glued_words(glued) == fixed
    assert clean_line(glued) == fixed


@pytest.mark.parametrize("text", ["LĐLĐ", "CĐVC tỉnh", "Cụm thi đua Số IV", "Hà Nội", "UBND", "TP.HCM", "VietNamNet News",
                                  "VnExpress", "MobiFone", "TikTok"])
def test_abbreviations_and_normal_words_not_split(text: str) -> None:
    assert clean_line(text) == text


# --------------------------------------------------------------------------- page furniture


@pytest.mark.parametrize(("line", "iso"), [
    ("17:05 | 19/07/2022", "2022-07-19"),
    ("08:30 | 03/02/2024", "2024-02-03"),
    ("Ngày đăng: 12/03/2024", "2024-03-12"),
    ("Thứ Hai, 04/11/2024 09:15 (GMT+7)", "2024-11-04"),
    ("Cập nhật: 21/6/2023", "2023-06-21"),
    ("5.9.2025", "2025-09-05"),
    ("17:05 | 40/07/2022", None),
    ("Sáng 19/7/2022, cụm tổ chức hội nghị", None),
    ("Chủ nhật, 9/3/2025, 16:08 (GMT+7)", "2025-03-09"),
    ("Thứ 6, 14/03/2025, 07:47", "2025-03-14"),
    ("08:36 ngày 14/03/2025", "2025-03-14"),
    ("Cập nhật lúc 10:20 ngày 5/3/2024", "2024-03-05"),
    ("12 / 3 / 2024", "2024-03-12"),
    ("Ngày: 04.06.2024", "2024-06-04"),
    ("Ngày 21-09-2020", "2020-09-21"),
    ("(11:54 | 17/09/2018)", "2018-09-17"),
    ("20/03/2015 1553 Đã xem", "2015-03-20"),
    ("07-03-2026 - 00:01 AM | Thị trường", "2026-03-07"),
    ("Hà Nội, ngày 12 tháng 3 năm 2024", "2024-03-12"),
    ("Bắc Ninh ngày 30/11/2021", "2021-11-30"),
    ("20/052022", "2022-05-20"),
    ("Hoài Nam - 07/03/2026 08:47", "2026-03-07"),
    ("Ngày 08/01/2015, Liên đoàn Lao động tỉnh tổ chức hội nghị tổng kết", None),
    ("(5.10.2014 - 5.10.2024)", None),
    ("Kinh tế 07/03/2026 08:01", "2026-03-07"),
    ("Kinh tế 07/03/2026", None),
])
def test_dateline(line: str, iso: str | None) -> None:
    assert dateline_date(line) == iso


@pytest.mark.parametrize(("line", "name"), [
    ("Thu Hiền", "Thu Hiền"),
    ("Thu Hiền.", "Thu Hiền"),
    ("Bài và ảnh: Nguyễn Phương", "Nguyễn Phương"),
    ("Hoàng Anh - Trung tâm Truyền thông huyện", "Hoàng Anh"),
    ("Lệ Thủy (LĐLĐ huyện Quỳnh Lưu)", "Lệ Thủy"),
    ("Các đơn vị đã hoàn thành tốt nhiệm vụ.", None),
    ("Đồng chí Lê Văn Quý phát biểu:", None),
    ("HOÀNG MINH", "HOÀNG MINH"),
    ("Thực hiện: T.Hà - K.Long", "T.Hà - K.Long"),
    ("Tin, ảnh: Bảo Trâm – LĐLĐ huyện Cẩm Thủy.", "Bảo Trâm"),
    ("Ngọc Lan – Hữu Tâm", "Ngọc Lan – Hữu Tâm"),
    ("Hải Yến LDO", "Hải Yến"),
    ("Hải Yến (tổng hợp)", "Hải Yến"),
    ("KT", "KT"),
    ("Theo Baocongnhan.vn", None),
    ("Báo Quảng Trị", None),
    ("TIN LIÊN QUAN", None),
    ("Quang cảnh hội nghị.", None),
])
def test_byline(line: str, name: str | None) -> None:
    assert byline_name(line) == name


@pytest.mark.parametrize(("line", "name"), [
    ("LĐLĐ huyện Cẩm Thủy", "LĐLĐ huyện Cẩm Thủy"), ("Văn phòng Công ty", "Văn phòng Công ty"),
    ("Ban Tuyên giáo Công đoàn ngành", "Ban Tuyên giáo Công đoàn ngành"), ("Báo Cà Mau", None),
    ("Cổng thông tin Công đoàn tỉnh", None), ("Văn phòng Công ty đã tổ chức 12 chuyến tham quan cho công nhân", None),
])
def test_organisational_byline_where_allowed(line: str, name: str | None) -> None:
    assert byline_name(line, organisations=True) == name
    assert byline_name(line) is None


@pytest.mark.parametrize(("line", "header"), [
    ("Thống kê truy cập", True), ("Đang online: 27", True), ("Hôm nay: 1.204", True),
    ("Tổng truy cập: 3.456.789", True), ("CỔNG THÔNG TIN ĐIỆN TỬ CÔNG ĐOÀN TỈNH", True),
    ("• Tin tức - Sự kiện", True), ("Cụm thi đua số 7 sơ kết 6 tháng đầu năm", False), ("LĐLĐ", False),
])
def test_header_furniture(line: str, header: bool) -> None:
    assert boilerplate.is_header_furniture(line) is header


@pytest.mark.parametrize(("line", "footer"), [
    ("© 2024 Báo Lao động miền Trung", True), ("Bản quyền thuộc Liên đoàn Lao động tỉnh", True),
    ("Địa chỉ: số 6 đường Phan Đăng Lưu", True), ("Giấy phép số 12/GP-STTTT", True),
    ("Điện thoại: 0238 3844 123", True), ("Các đơn vị đã chăm lo chu đáo cho đoàn viên.", False),
])
def test_footer(line: str, footer: bool) -> None:
    assert boilerplate.is_footer(line) is footer


def test_leading_date_marker() -> None:
    assert boilerplate.leading_date("date 2025-08-09 Cụm thi đua số 2 giao ban") == ("2025-08-09",
                                                                                    "Cụm thi đua số 2 giao ban")
    assert boilerplate.leading_date("Cụm thi đua số 2 giao ban") == (None, "Cụm thi đua số 2 giao ban")


@given(st.text(alphabet=st.sampled_from(list("aoOuUàÀỳýXuânBáHoàThuỷ \t\u00a0\u3000\r\n\x0b\ufeffĐđ,.")), max_size=80))
def test_clean_lines_cleans_each_line_as_clean_line_does(text: str) -> None:
    """Cleaning the whole text at once gives, line by line, what cleaning each line alone gives."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert clean_lines(text) == [clean_line(line) for line in lines]
