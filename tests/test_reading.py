"""Reading articles: the .txt layout (date marker, portal header, footer, dateline, captions, byline) and HTML pages."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from crawl_fixtures import to_cp1258
from pipeline.normalizer import extract_record as extract
from scrapers.article import NotAnArticle
from scrapers.reading import decode_text, read_file, read_html, read_text

LEAD = ("Sáng 20/6, tại huyện Tương Dương, Cụm thi đua số 7 LĐLĐ tỉnh Nghệ An tổ chức hội nghị sơ kết công tác "
        "6 tháng đầu năm 2023.")
BODY = ("Các đơn vị trong cụm đã phối hợp chặt chẽ, tổ chức nhiều hoạt động thiết thực chăm lo đời sống đoàn viên, "
        "người lao động ở vùng cao biên giới.")
SPEECH = "Đồng chí Lô Văn Thành, Chủ tịch LĐLĐ huyện Tương Dương, Cụm trưởng Cụm thi đua số 7 phát biểu."

PORTAL = """CỔNG THÔNG TIN ĐIỆN TỬ CÔNG ĐOÀN TỈNH NGHỆ AN
Thống kê truy cập
Đang online: 27
Hôm nay: 1.204
Tổng truy cập: 3.456.789
Cụm thi đua số 7:
Chung sức chăm lo cho đoàn viên vùng biên
08:45 | 21/06/2023
{lead}
Quang cảnh hội nghị.
Quang cảnh hội nghị.
{body}
Chung sức chăm lo cho đoàn viên vùng biên
{speech}
Thu Hiền
Bản quyền thuộc Liên đoàn Lao động tỉnh Nghệ An
Địa chỉ: số 6 đường Phan Đăng Lưu, thành phố Vinh
Điện thoại: 0238 3844 123
""".format(lead=LEAD, body=BODY, speech=SPEECH)


# --------------------------------------------------------------------------- plain text


@pytest.fixture(scope="module")
def portal():
    return read_text(PORTAL, "portal.txt")


def test_portal_header_and_visit_counter_dropped(portal) -> None:
    assert "truy cập" not in portal.text
    assert "online" not in portal.text
    assert "CỔNG THÔNG TIN" not in portal.text


def test_headline_continued_after_a_colon(portal) -> None:
    assert portal.title == "Cụm thi đua số 7: Chung sức chăm lo cho đoàn viên vùng biên"
    assert portal.text.startswith(portal.title + "\n\n")


def test_dateline_gives_the_publication_date(portal) -> None:
    assert portal.published_date == "2023-06-21"


def test_footer_dropped(portal) -> None:
    assert "Bản quyền" not in portal.text
    assert "Phan Đăng Lưu" not in portal.text
    assert "0238" not in portal.text


def test_repeated_captions_dropped(portal) -> None:
    assert portal.text.count("Quang cảnh hội nghị.") == 1
    assert portal.text.count("Chung sức chăm lo cho đoàn viên vùng biên") == 1


def test_byline_is_the_author_and_stays_in_the_text(portal) -> None:
    assert portal.author == "Thu Hiền"
    assert portal.text.rstrip().endswith("Thu Hiền")
    assert portal.source == "portal.txt"


def test_portal_article_extracts(portal) -> None:
    record = extract(portal)
    assert record["author"] == "Thu Hiền"
    assert record["published_date"] == "2023-06-21"
    assert record["meeting"]["date"] == "2023-06-20"
    assert record["cluster"]["number"] == 7
    assert record["cluster_leader"] == {"name": "Lô Văn Thành", "unit": "Liên đoàn Lao động huyện Tương Dương"}
    assert [o["name"] for o in record["officials"]] == ["Lô Văn Thành"]
    start, end = record["evidence"]["author"]
    assert record["text"][start:end] == "Thu Hiền"
    start, end = record["evidence"]["title"]
    assert record["text"][start:end] == record["title"]


def test_leading_date_marker_on_the_headline_line() -> None:
    article = read_text(f"date 2023-06-22 Cụm thi đua số 7 sơ kết\n\n{LEAD}\n\n{BODY}\n\nThu Hiền\n", "d.txt")
    assert article.published_date == "2023-06-22"
    assert article.title == "Cụm thi đua số 7 sơ kết"
    assert article.text.startswith("date 2023-06-22\n\nCụm thi đua số 7 sơ kết\n\n")


def test_leading_date_marker_on_its_own_line() -> None:
    article = read_text(f"date 2023-06-22\nCụm thi đua số 7 sơ kết\n\n{LEAD}\n\n{BODY}\n\nThu Hiền\n", "d.txt")
    assert article.published_date == "2023-06-22"
    assert article.title == "Cụm thi đua số 7 sơ kết"
    record = extract(article)
    assert record["title"] == "Cụm thi đua số 7 sơ kết"
    assert record["meeting"]["type"] == "sơ kết"


def test_text_is_cleaned_before_extraction() -> None:
    raw = unicodedata.normalize("NFD", f"Cụm thi đua số 7 sơ kết\n\n{LEAD}\n\n{BODY}\n\nĐồng chí Hồ Thị Thuỷ, "
                                       "Chủ tịch Công đoàn xã Hoà Quân phát biểu.\n\nThu Hiền")
    article = read_text(raw, "nfd.txt")
    assert unicodedata.is_normalized("NFC", article.text)
    assert "Thủy" in article.text and "Hòa Quân" in article.text
    assert [o["name"] for o in extract(article)["officials"]] == ["Hồ Thị Thủy"]


def test_read_file_txt(tmp_path: Path) -> None:
    path = tmp_path / "bai-viet.txt"
    path.write_text(PORTAL, encoding="utf-8")
    article = read_file(path)
    assert article.source == "bai-viet.txt"
    assert article.title.startswith("Cụm thi đua số 7")


def test_read_file_windows_code_page(tmp_path: Path) -> None:
    text = f"Cụm thi đua số 7 sơ kết\n\n{LEAD}\n\n{BODY}\n\nThu Hiền\n"
    path = tmp_path / "cp.txt"
    path.write_bytes(to_cp1258(text))
    article = read_file(path)
    assert article.title == "Cụm thi đua số 7 sơ kết"
    assert "Tương Dương" in article.text


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"), (b"   \n\n  ", "empty"), (b"\x00\x01\x02abc" * 10, "binary"),
])
def test_decode_text_refuses_non_text(data: bytes, message: str) -> None:
    with pytest.raises(NotAnArticle, match=message):
        decode_text(data)


@pytest.mark.parametrize("text", [
    "Chỉ một dòng tiêu đề",
    "Tiêu đề\n\nMột đoạn ngắn.",
    "Union meeting\n\n" + "The union cluster held its meeting to review the year and plan the next one. " * 6,
], ids=["title-only", "too-short", "english"])
def test_read_text_refuses_non_articles(text: str) -> None:
    with pytest.raises(NotAnArticle):
        read_text(text, "x.txt")


# --------------------------------------------------------------------------- plain text: headlines, datelines, bylines


def test_headline_in_capitals_is_the_title_as_written() -> None:
    article = read_text(f"CỤM THI ĐUA SỐ 7 SƠ KẾT 6 THÁNG ĐẦU NĂM 2023\n{LEAD}\n{BODY}\nThu Hiền\n", "caps.txt")
    assert article.title == "CỤM THI ĐUA SỐ 7 SƠ KẾT 6 THÁNG ĐẦU NĂM 2023"
    assert article.text.startswith(article.title + "\n\n" + LEAD)


def test_slogan_in_capitals_before_the_headline_is_a_header_and_a_deck_after_it_is_not() -> None:
    text = (f"CỔNG THÔNG TIN ĐIỆN TỬ CÔNG ĐOÀN TỈNH NGHỆ AN\nCụm thi đua số 7 sơ kết 6 tháng\n{LEAD}\n{BODY}\n")
    assert read_text(text, "s.txt").title == "Cụm thi đua số 7 sơ kết 6 tháng"
    deck = f"Cụm thi đua số 7 sơ kết 6 tháng\nVÙNG BIÊN VỮNG VÀNG ĐOÀN KẾT\n{LEAD}\n{BODY}\n"
    article = read_text(deck, "d.txt")
    assert article.title == "Cụm thi đua số 7 sơ kết 6 tháng"
    assert "VÙNG BIÊN VỮNG VÀNG ĐOÀN KẾT" in article.text


@pytest.mark.parametrize(("kicker", "joined"), [
    ("Cụm thi đua số 7 – Liên đoàn Lao động tỉnh Nghệ An", True),
    ("Công đoàn Khối các cơ quan tỉnh:", True),
    ("Sân chơi bổ ích của công nhân vùng biên", False),
])
def test_kicker_naming_the_organisation_joins_the_headline(kicker: str, joined: bool) -> None:
    article = read_text(f"{kicker}\nChung sức chăm lo cho đoàn viên\n{LEAD}\n{BODY}\n", "k.txt")
    assert (article.title == f"{kicker} Chung sức chăm lo cho đoàn viên") is joined
    assert article.title.startswith(kicker)


@pytest.mark.parametrize(("dateline", "iso"), [
    ("Thứ hai, 17/02/2020", "2020-02-17"), ("Ngày đăng: 24/11/2019", "2019-11-24"), ("(11:54 | 17/09/2018)", "2018-09-17"),
    ("20/03/2015 1553 Đã xem", "2015-03-20"), ("Ngày: 04.06.2024", "2024-06-04"), ("Cập nhật: 5 / 3 / 2024 10:20", "2024-03-05"),
    ("Nghệ An ngày 21/06/2023", "2023-06-21"), ("10:01, 26/01/2021 (GMT+7)", "2021-01-26"),
])
def test_date_lines_portals_print(dateline: str, iso: str) -> None:
    article = read_text(f"Cụm thi đua số 7 sơ kết\n{dateline}\n{LEAD}\n{BODY}\n", "dl.txt")
    assert article.published_date == iso


def test_a_date_line_above_the_headline_counts_but_a_site_clock_further_up_does_not() -> None:
    above = read_text(f"21/06/2023 - 08:45\nCụm thi đua số 7 sơ kết\n{LEAD}\n{BODY}\n", "a.txt")
    assert (above.title, above.published_date) == ("Cụm thi đua số 7 sơ kết", "2023-06-21")
    clock = read_text(f"Thứ năm, 05/12/2024 10:23\nĐang online: 27\nCụm thi đua số 7 sơ kết\n{LEAD}\n{BODY}\n", "c.txt")
    assert (clock.title, clock.published_date) == ("Cụm thi đua số 7 sơ kết", None)


@pytest.mark.parametrize(("lines", "author"), [
    (["THU HIỀN"], "THU HIỀN"),
    (["Thực hiện: T.Hà - K.Long"], "T.Hà - K.Long"),
    (["LĐLĐ huyện Tương Dương"], "LĐLĐ huyện Tương Dương"),
    (["Báo Nghệ An"], None),
    (["Theo Congdoannghean.vn"], None),
])
def test_bylines_on_the_last_line(lines: list[str], author: str | None) -> None:
    article = read_text("\n".join(["Cụm thi đua số 7 sơ kết", LEAD, BODY, *lines]), "b.txt")
    assert article.author == author


def test_byline_next_to_the_head_date_line_and_inside_it() -> None:
    before = read_text(f"Cụm thi đua số 7 sơ kết\n{LEAD}\nNgọc Lan – Hữu Tâm\n21/06/2023 19:42\n{BODY}\n", "n.txt")
    assert (before.author, before.published_date) == ("Ngọc Lan – Hữu Tâm", "2023-06-21")
    inside = read_text(f"Cụm thi đua số 7 sơ kết\nHải Yến LDO | 21/06/2023 12:50\n{LEAD}\n{BODY}\n", "i.txt")
    assert (inside.author, inside.published_date) == ("Hải Yến", "2023-06-21")
    record = extract(inside)
    start, end = record["evidence"]["author"]
    assert record["text"][start:end] == "Hải Yến"


def test_month_only_date_marker_gives_no_date_and_stays_out_of_the_title() -> None:
    article = read_text(f" date 2023-06 Cụm thi đua số 7 sơ kết\n\n{LEAD}\n\n{BODY}\n", "m.txt")
    assert (article.title, article.published_date) == ("Cụm thi đua số 7 sơ kết", None)


# --------------------------------------------------------------------------- HTML
# Every page gets its own paragraphs (``day``): a reader must not depend on the pages read before.


def html_lead(day: int) -> str:
    return LEAD.replace("Sáng 20/6", f"Sáng {day}/6")


def page(day: int, head: str = "", before_body: str = "", title_tag: str = "Trang tin công đoàn") -> str:
    paragraphs = (f"<p>{html_lead(day)}</p>\n<p>{BODY[:-1]} trong tháng {day}.</p>\n"
                  f"<p>{SPEECH[:-1]} ngày {day}/6.</p>\n<p>Thu Hiền</p>")
    return (f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{title_tag}</title>{head}</head>"
            "<body><nav><a href='/'>Trang chủ</a> <a href='/tin'>Tin tức</a></nav><main><article>"
            f"<h1>Cụm thi đua số 7 sơ kết 6 tháng đầu năm</h1>{before_body}\n{paragraphs}\n"
            "</article></main><footer>Bản quyền thuộc Báo Lao động miền Trung</footer></body></html>")


def test_html_open_graph_and_published_time() -> None:
    head = ("<meta property='og:title' content='Cụm thi đua số 7: chung sức chăm lo đoàn viên vùng biên'>"
            "<meta property='article:published_time' content='2023-06-21T09:30:00+07:00'>"
            "<link rel='canonical' href='https://tin.example.vn/cum-7.html'>")
    article = read_html(page(1, head), "cum-7.html")
    assert article.title == "Cụm thi đua số 7: chung sức chăm lo đoàn viên vùng biên"
    assert article.published_date == "2023-06-21"
    assert article.url == "https://tin.example.vn/cum-7.html"
    assert article.text.startswith(article.title)
    assert html_lead(1) in article.text
    assert article.author == "Thu Hiền"
    assert "Trang chủ" not in article.text


def test_html_json_ld() -> None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Cụm thi đua số 7 sơ kết",
            "datePublished": "2023-06-22T08:00:00+07:00", "author": {"@type": "Person", "name": "Thu Hiền"}}
    head = f"<script type='application/ld+json'>{json.dumps(data, ensure_ascii=False)}</script>"
    article = read_html(page(2, head), "ld.html")
    assert article.title == "Cụm thi đua số 7 sơ kết"
    assert article.published_date == "2023-06-22"
    assert article.author == "Thu Hiền"


def test_html_json_ld_graph_and_broken_json_ld() -> None:
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Trang tin"},
                                                          {"@type": "NewsArticle", "headline": "Cụm 7 sơ kết",
                                                           "datePublished": "2023-06-23"}]}
    head = ("<script type='application/ld+json'>{ not json</script>"
            f"<script type='application/ld+json'>{json.dumps(graph, ensure_ascii=False)}</script>")
    article = read_html(page(3, head), "graph.html")
    assert article.title == "Cụm 7 sơ kết"
    assert article.published_date == "2023-06-23"


def test_html_visible_dateline() -> None:
    article = read_html(page(4, before_body="<div class='date'>10:20 | 24/06/2023</div>"), "dl.html")
    assert article.title == "Cụm thi đua số 7 sơ kết 6 tháng đầu năm"
    assert article.published_date == "2023-06-24"


def test_html_time_element_and_other_date_metadata() -> None:
    article = read_html(page(9, before_body="<time datetime='2023-06-25T08:00:00+07:00'>25/6</time>"), "t.html")
    assert article.published_date == "2023-06-25"
    article = read_html(page(10, head="<meta name='pubdate' content='2023-06-26'>"), "p.html")
    assert article.published_date == "2023-06-26"


def test_html_metadata_date_wins_over_a_visible_date() -> None:
    head = "<meta property='article:published_time' content='2023-06-27T07:00:00Z'>"
    article = read_html(page(11, head, before_body="<div>10:20 | 24/06/2023</div>"), "m.html")
    assert article.published_date == "2023-06-27"


def test_html_bytes_in_windows_code_page() -> None:
    html = page(5).replace("charset='utf-8'", "charset='windows-1258'")
    article = read_html(to_cp1258(html), "cp.html")
    assert "Tương Dương" in article.text
    assert article.title == "Cụm thi đua số 7 sơ kết 6 tháng đầu năm"


def test_html_page_extracts() -> None:
    head = "<meta property='article:published_time' content='2023-06-21'>"
    record = extract(read_html(page(6, head), "cum-7.html"))
    assert record["source"] == "cum-7.html"
    assert record["published_date"] == "2023-06-21"
    assert record["meeting"]["date"] == "2023-06-06"
    assert record["cluster"]["number"] == 7
    assert record["federation"] == "Liên đoàn Lao động tỉnh Nghệ An"


def test_html_with_body_selector() -> None:
    html = page(7).replace("<article>", "<article><div class='noi-dung'>").replace("</article>", "</div></article>")
    article = read_html(html, "sel.html", body_selector="div.noi-dung")
    assert html_lead(7) in article.text
    with pytest.raises(NotAnArticle, match="selector"):
        read_html(html, "sel.html", body_selector="div.khong-co")


def test_same_page_read_again_gives_the_same_article() -> None:
    html = page(8, "<meta property='article:published_time' content='2023-06-21'>")
    first = read_html(html, "again.html")
    for _ in range(4):
        again = read_html(html, "again.html")
        assert (again.title, again.text, again.published_date, again.author) == \
            (first.title, first.text, first.published_date, first.author)


@pytest.mark.parametrize("html", [
    "", "   ", "<html><body></body></html>", "<html><head><title>Tin</title></head><body><p>Ngắn.</p></body></html>",
], ids=["empty", "blank", "no-text", "too-short"])
def test_html_without_an_article(html: str) -> None:
    with pytest.raises(NotAnArticle):
        read_html(html, "x.html")


def test_html_too_large() -> None:
    with pytest.raises(NotAnArticle, match="too large"):
        read_html("<p>" + "a" * (9 * 1024 * 1024) + "</p>", "big.html")
