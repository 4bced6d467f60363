"""The page reader on news-page structures: order of trust for title, date and byline, site names
refused, the lead, captions, galleries, related boxes and widgets kept out of the text; the real
pages of ../shared/real/html against their bars; hostile pages and JSON-LD never break the reader.

Every page here is written for the tests (invented names and figures); the real pages are read
from ../shared only.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_sources import SHARED, needs_shared
from extract_helpers import run_cli
from scrapers.article import Article, NotAnArticle
from scrapers.reading import read_html

REAL_PAGES = SHARED / "real" / "html"
BARS = ["--min-title=12", "--min-date=12", "--min-author=11", "--min-recall=0.98", "--min-precision=0.95"]

HEADLINE = "Công nhân khu công nghiệp Tân Phú nhận quà hỗ trợ đầu năm"
LEAD = ("Sáng 12/2, Công đoàn khu công nghiệp Tân Phú trao 320 suất quà cho công nhân có hoàn cảnh khó khăn "
        "đang làm việc tại các doanh nghiệp trong khu.")
PARAGRAPHS = [
    "Mỗi suất quà gồm tiền mặt và nhu yếu phẩm, tổng trị giá hơn 190 triệu đồng, do các doanh nghiệp và nhà hảo tâm "
    "cùng đóng góp qua quỹ xã hội của công đoàn.",
    "Chủ tịch Công đoàn khu công nghiệp cho biết năm nay đơn vị ưu tiên công nhân nữ nuôi con nhỏ và công nhân "
    "ở trọ xa quê không về được gia đình.",
    "Ngoài trao quà, công đoàn còn tổ chức khám sức khỏe miễn phí và tư vấn pháp luật lao động cho hơn 500 người "
    "ngay tại nhà văn hóa công nhân.",
]
SUBHEAD = "Chăm lo từ những việc nhỏ"


def news_page(head: str = "", top: str = "", lead: str = f"<h2 class='article-sapo'>{LEAD}</h2>",
              inside: str = "", after: str = "", end: str = "", title_tag: str = "Tin công đoàn") -> str:
    """A news page in the shape most Vietnamese CMSs share; the arguments put markup at its places."""
    body = (f"<p>{PARAGRAPHS[0]}</p>{inside}<h3>{SUBHEAD}</h3><p>{PARAGRAPHS[1]}</p>"
            f"<p>{PARAGRAPHS[2]}</p>{end}")
    return (f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{title_tag}</title>{head}</head>"
            "<body><div class='header'><a href='/'>Trang chủ</a> <a href='/xa-hoi'>Xã hội</a></div>"
            f"<div class='main'><div class='col-left'>{top}<h1 class='detail-title'>{HEADLINE}</h1>"
            f"{lead}<div class='detail-content'>{body}</div>{after}</div></div>"
            "<div class='footer'>© Báo Tin Công Nhân</div></body></html>")


def json_ld(data) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data, ensure_ascii=False)}</script>"


def body_of(article: Article) -> list[str]:
    return article.text.split("\n\n")[1:]


# --------------------------------------------------------------------------- the real pages


@needs_shared
def test_the_real_pages_meet_the_bars(tmp_path) -> None:
    run = tmp_path / "pages.jsonl"
    done = run_cli("extract", "--format", "jsonl", REAL_PAGES, stdout_path=run)
    assert done.returncode == 0, done.stderr
    scored = subprocess.run([sys.executable, str(REAL_PAGES / "score_pages.py"), str(run), "--strip-title", *BARS],
                            capture_output=True, text=True, timeout=120)
    assert scored.returncode == 0, scored.stdout


# --------------------------------------------------------------------------- main text


def test_lead_body_and_subheads_in_page_order() -> None:
    article = read_html(news_page(), "a.html")
    assert article.title == HEADLINE
    assert body_of(article) == [LEAD, PARAGRAPHS[0], SUBHEAD, PARAGRAPHS[1], PARAGRAPHS[2]]


def test_lead_is_the_block_between_headline_and_body_not_a_breadcrumb_or_caption() -> None:
    top = "<a class='text-common-sapo' href='/xa-hoi'>Xã hội</a>"
    lead = ("<div class='meta'><span class='author'>Hoài Nam</span></div>"
            f"<p class='description'>{LEAD}</p>")
    inside = ("<figure itemprop='associatedMedia'><img src='a.jpg'>"
              "<figcaption itemprop='description'>Công nhân nhận quà tại nhà văn hóa. Ảnh: Hoài Nam</figcaption>"
              "</figure>")
    article = read_html(news_page(top=top, lead=lead, inside=inside), "lead.html")
    assert body_of(article)[0] == LEAD
    assert "Ảnh" not in article.text and "Xã hội" not in body_of(article)


def test_captions_galleries_related_boxes_widgets_and_hidden_lists_stay_out() -> None:
    inside = ("<div align='center'><img src='1.jpg'><br><span style='font-style: italic;'>Quà được chuẩn bị từ "
              "sớm</span><br><img src='2.jpg'><br><span style='font-style: italic;'>Các tình nguyện viên xếp quà "
              "lên xe</span></div>"
              "<p><img src='3.jpg'></p><p style='text-align:center'>Ảnh minh họa.</p>"
              "<div class='box-related'><a href='/x-123.html'>Công đoàn khu công nghiệp Tân Phú ra mắt quỹ mới</a>"
              "</div>"
              "<table class='image'><tr><td><img src='4.jpg'></td></tr><tr><td>Biểu đồ số suất quà qua các năm"
              "</td></tr></table>"
              "<ul class='list-news hidden'><li><a href='/y-456.html'>Trao 200 suất quà cho công nhân ở trọ</a>"
              "</li><li><a href='/z-789.html'>Khám sức khỏe miễn phí cho 300 công nhân</a></li></ul>"
              "<p>Tải ứng dụng:</p>")
    article = read_html(news_page(inside=inside), "junk.html")
    assert body_of(article) == [LEAD, PARAGRAPHS[0], SUBHEAD, PARAGRAPHS[1], PARAGRAPHS[2]]


def test_sidebar_box_before_the_headline_stays_out() -> None:
    top = ("<div class='box'><div class='head'>Tin nóng</div><ul><li><a href='/a-1.html'>Giá xăng giảm nhẹ từ chiều "
           "nay</a></li><li><a href='/b-2.html'>Mưa lớn ở nhiều tỉnh miền Trung</a></li></ul></div>")
    article = read_html(news_page(top=top), "sidebar.html")
    assert "Tin nóng" not in article.text and "Giá xăng" not in article.text


def test_signature_and_source_credit_close_the_text_but_stay_out_of_it() -> None:
    end = "<p style='text-align: right;'><strong>Hoài Nam</strong> <em>(tổng hợp)</em></p>"
    article = read_html(news_page(end=end), "sig.html")
    assert article.author == "Hoài Nam"
    assert body_of(article)[-1] == PARAGRAPHS[2]
    credit = read_html(news_page(end="<p style='text-align: right;'>Theo <em>Tincongnhan.vn</em></p>"), "c.html")
    assert credit.author is None and "Theo" not in credit.text


def test_a_body_split_in_two_blocks_is_read_whole() -> None:
    html = news_page().replace("<div class='detail-content'>", "<div class='content'><div id='first'>") \
        .replace(f"<p>{PARAGRAPHS[2]}</p>", f"</div><div id='last'><p>{PARAGRAPHS[2]}</p></div>")
    article = read_html(html, "split.html")
    assert body_of(article)[-1] == PARAGRAPHS[2] and PARAGRAPHS[0] in article.text


def test_listing_page_is_refused() -> None:
    items = "".join(f"<li><h3><a href='/tin-{i}.html'>Công đoàn cơ sở số {i} tổ chức hội nghị người lao động "
                    f"năm nay</a></h3><p>Hội nghị diễn ra sôi nổi với {i * 10} đại biểu tham dự…</p></li>"
                    for i in range(1, 9))
    html = f"<html><head><title>Tin tức</title></head><body><h1>Tin tức</h1><ul class='list'>{items}</ul></body></html>"
    with pytest.raises(NotAnArticle, match="listing"):
        read_html(html, "list.html")


# --------------------------------------------------------------------------- title, date, byline


def test_json_ld_person_wins_and_site_names_are_never_authors() -> None:
    ld = json_ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
                  "datePublished": "2025-02-12T08:00:00+07:00",
                  "author": [{"@type": "Person", "name": "HOÀI NAM"}, {"@type": "Person", "name": "THU AN"}],
                  "publisher": {"@type": "Organization", "name": "Báo Tin Công Nhân"}})
    head = f"{ld}<meta name='author' content='TIN CONG NHAN ONLINE'><meta property='og:site_name' content='TIN CONG NHAN ONLINE'>"
    article = read_html(news_page(head=head), "ld.html")
    assert article.author == "HOÀI NAM - THU AN"
    assert article.published_date == "2025-02-12"


@pytest.mark.parametrize("meta_author", ["Tin Công Nhân", "TINCONGNHAN.VN", "tincongnhan", "Công ty cổ phần Tin Công Nhân"])
def test_an_author_that_is_the_site_or_publisher_is_refused(meta_author: str) -> None:
    head = (f"<meta name='author' content='{meta_author}'><meta property='og:site_name' content='Báo Tin Công Nhân'>"
            "<meta name='copyright' content='Công ty cổ phần Tin Công Nhân'>"
            "<link rel='canonical' href='https://tincongnhan.vn/cong-nhan-nhan-qua-123.html'>")
    ld = json_ld({"@type": "NewsArticle", "headline": HEADLINE, "author": {"@type": "Organization", "name": meta_author}})
    assert read_html(news_page(head=head + ld), "site.html").author is None


def test_visible_byline_beats_meta_author_and_camel_case_brands_survive() -> None:
    top = "<div class='detail-author'><p class='author-name'>Hoài Nam</p><a>Xem các bài viết của tác giả</a></div>"
    head = "<meta name='author' content='TinCongNhan News'><meta property='og:site_name' content='TinCongNhan News'>"
    article = read_html(news_page(head=head, top=top, title_tag=f"{HEADLINE} - TinCongNhan"), "by.html")
    assert article.author == "Hoài Nam"
    assert read_html(news_page(head="<meta property='og:title' content='TinCongNhan ra mắt ứng dụng mới'>"),
                     "b.html").title == "TinCongNhan ra mắt ứng dụng mới"


def test_a_dateline_that_starts_with_the_author_gives_date_and_byline() -> None:
    top = "<div class='author-share'><a class='writer'>Hoài Nam</a> <span class='post-time'>- 07/03/2025 08:47</span></div>"
    article = read_html(news_page(top=top), "dl.html")
    assert article.published_date == "2025-03-07"
    plain = read_html(news_page(top="<div class='info-date'>Hoài Nam - 09/03/2025 10:15</div>"), "dl2.html")
    assert (plain.published_date, plain.author) == ("2025-03-09", "Hoài Nam")


@pytest.mark.parametrize("og_title", [f"{HEADLINE} - Báo Tin Công Nhân", f"{HEADLINE} | Tin Công Nhân",
                                      f"{HEADLINE[:32]}...", HEADLINE.upper()])
def test_title_metadata_cut_or_carrying_the_site_name_gives_the_shown_headline(og_title: str) -> None:
    article = read_html(news_page(head=f"<meta property='og:title' content='{og_title}'>"), "t.html")
    assert article.title == HEADLINE


def test_json_ld_entities_escaped_twice_are_decoded() -> None:
    ld = "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"C&amp;#244;ng nh&#226;n nh&#7853;n qu&#224;\"}</script>"
    assert read_html(news_page(head=ld), "e.html").title == "Công nhân nhận quà"


# --------------------------------------------------------------------------- hostile pages

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "@graph", "headline", "author", "name", "datePublished", "publisher", "@id",
                         "properties", "type"]), inner, max_size=5),
    max_leaves=30)
HOSTILE_LD = st.one_of(
    JSON_VALUES.map(lambda v: json.dumps(v)),
    st.sampled_from(['"chỉ một chuỗi"', '{"@graph": 5}', '{"@graph": "x"}', "[" * 5000 + "]" * 5000,
                     '{"@type": ["NewsArticle", 3], "author": [[[{"name": 5}]]], "headline": {"a": 1}}',
                     '{"@type": "NewsArticle", "datePublished": "2025-13-45", "author": "x"}', "{ not json",
                     "<!-- -->", "", '{"@type": "NewsArticle", "headline": "' + "&amp;" * 50 + '"}']),
    st.text(max_size=200))
MARKUP = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<figure>", "<img src=x>", "<a href=#>", "</a>",
                          "<h1>", "</h1>", "<br>", "<table><tr><td>", "<!--", "-->", "<time datetime='2025-1'>",
                          "<div class='detail-content'>", "<div itemscope itemtype='x'><span itemprop='author'>",
                          "<script>", "</script>", "\x00", "&#0;", "&nbsp;", "<svg><path d='M0'/></svg>"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_LD, st.lists(st.one_of(MARKUP, st.text(max_size=40)), max_size=40))
def test_hostile_json_ld_and_markup_never_break_the_reader(ld: str, parts: list[str]) -> None:
    html = news_page(head=f"<script type='application/ld+json'>{ld}</script>", inside="".join(parts))
    try:
        article = read_html(html, "h.html")
    except NotAnArticle:
        return
    assert isinstance(article, Article) and isinstance(article.text, str)
    assert article.author is None or isinstance(article.author, str)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(MARKUP, st.text(max_size=60)), max_size=80))
def test_hostile_markup_alone_never_breaks_the_reader(parts: list[str]) -> None:
    try:
        read_html("".join(parts), "m.html")
    except NotAnArticle:
        pass
