"""Genre phenomena of real union articles (written examples, never copied text): the plain-text page
reader (header, date line, byline, tail widgets), figures, documents and the meeting."""
from __future__ import annotations

import pytest

from pipeline.normalizer import extract_record as extract
from scrapers import boilerplate
from scrapers.datelines import read_dateline
from scrapers.reading import read_text

HEADLINE = "Khối thi đua số 3 ký giao ước năm 2025"
LEAD = ("Chiều 14-2, Khối thi đua số 3 thuộc Công đoàn Viên chức tỉnh tổ chức hội nghị ký kết giao ước thi đua "
        "năm 2025 với sự tham gia của 12 công đoàn cơ sở.")
BODY = ("Các đơn vị trong khối thống nhất tiếp tục chăm lo việc làm, thu nhập cho đoàn viên và tổ chức nhiều "
        "hoạt động văn hóa, thể thao trong năm.")


def read(*lines: str):
    return read_text("\n".join(lines) + "\n", "g.txt")


# --------------------------------------------------------------------------- header and tail


def test_buttons_and_contact_lines_above_the_headline_are_header() -> None:
    article = read("Đóng", "Hotline: 0912 345 678", HEADLINE, LEAD, BODY)
    assert article.title == HEADLINE


def test_a_banner_name_then_a_site_clock_do_not_take_the_headline_or_the_date() -> None:
    article = read("logo2020", "Thứ hai, ngày 03 tháng 03 năm 2025", HEADLINE, "Cập nhật lúc 09:12 ngày 15/02/2025",
                   LEAD, BODY)
    assert (article.title, article.published_date) == (HEADLINE, "2025-02-15")


def test_bulleted_sentences_in_a_short_article_are_not_a_menu() -> None:
    article = read(HEADLINE, LEAD, "• Phấn đấu 100% công đoàn cơ sở hoàn thành tốt nhiệm vụ trong năm 2025;",
                   "• Phấn đấu có 2 đơn vị được tặng Cờ thi đua của Tổng Liên đoàn.")
    assert article.title == HEADLINE
    assert not boilerplate.is_menu("• Phấn đấu 100% công đoàn cơ sở hoàn thành tốt nhiệm vụ trong năm;")
    assert boilerplate.is_menu("• Tin tức - Sự kiện")


def test_a_comment_box_after_the_byline_is_cut_and_the_byline_kept() -> None:
    article = read(HEADLINE, LEAD, BODY, "PV", "Comment", "Vui lòng nhập tiếng Việt có dấu")
    assert article.author == "PV"
    assert "Vui lòng" not in article.text


# --------------------------------------------------------------------------- date lines


@pytest.mark.parametrize(("line", "iso"), [
    ("Thời sự 14/02/2025 - 16:05", "2025-02-14"), ("Công đoàn 14/02/2025 16:05", "2025-02-14"),
    ("Công đoàn 14/02/2025", None),
])
def test_a_section_label_before_the_date_with_only_a_space_when_the_time_is_given(line: str, iso: str | None) -> None:
    found = read_dateline(line)
    assert (found.iso if found else None) == iso
    if found:
        assert found.name is None
        assert read(HEADLINE, line, LEAD, BODY).published_date == iso


def test_record_of_a_bloc_signing_with_a_section_dateline() -> None:
    record = extract(read(HEADLINE, "Thời sự 15/02/2025 - 07:30", LEAD, BODY, "MINH TÂM"))
    assert (record["published_date"], record["author"]) == ("2025-02-15", "MINH TÂM")
    assert record["meeting"]["type"] == "ký kết giao ước"
