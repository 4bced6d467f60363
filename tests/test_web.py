"""The archive's web pages over HTTP, and the pieces that build them."""
from __future__ import annotations

import urllib.error
from email.message import Message
import urllib.request
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from pipeline import archive, tables
from pipeline.web import pages
from pipeline.web.page import marked
from pipeline.web.record_view import build_view
from test_archive_samples import (  # noqa: F401  (fixtures)
    HOSTILE_TITLE, by_source, sample_archive, served_archive, serving,
)


def fetch(url: str) -> tuple[int, Message, str]:
    """Status, headers and body of a GET, also for error statuses."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def page(base: str, path: str = "/", **params: str) -> tuple[int, BeautifulSoup]:
    status, _, body = fetch(f"{base}{path}?{urlencode(params)}" if params else base + path)
    return status, BeautifulSoup(body, "html.parser")


def test_search_page_lists_results_with_marked_snippets(served_archive) -> None:
    base, records = served_archive
    status, soup = page(base, q="dinh thi thu huyen")
    links = [a["href"] for a in soup.select("#results .title")]
    expected = {f"/meeting/{tables.article_id(r)}" for r in (by_source(records, "a07_"), by_source(records, "hostile"))}
    assert status == 200 and set(links) == expected
    marks = {m.get_text() for m in soup.select("#results .snippet mark")}
    assert {"Đinh", "Thu", "Huyền"} <= marks


def test_scraped_text_is_escaped(served_archive) -> None:
    base, _ = served_archive
    status, headers, body = fetch(f"{base}/?q=pwned")
    assert status == 200 and "&lt;script&gt;window.pwned" in body
    assert "<script>window" not in body and "script-src 'self'" in headers["Content-Security-Policy"]


def test_filters_narrow_the_list(served_archive) -> None:
    base, records = served_archive
    _, soup = page(base, q="", province="ha noi")
    titles = [a.get_text() for a in soup.select("#results .title")]
    assert sorted(titles) == sorted(r["title"] for r in records if r["province"] == "Hà Nội")
    _, soup = page(base, q="cum thi dua", cluster="2", since="2025-01-01")
    assert [a.get_text() for a in soup.select("#results .title")] == [by_source(records, "can-tho-")["title"]]


@pytest.mark.parametrize(
    "params",
    [{"q": "cum", "since": "2022-13-45"}, {"q": "cum", "until": "hôm qua"}, {"q": "x" * 3000},
     {"q": "cum", "cluster": "số hai"}, {"q": "cum", "since": "2024-01-01", "until": "2020-01-01"}],
)
def test_bad_input_gets_a_message_not_a_500(served_archive, params) -> None:
    base, _ = served_archive
    status, soup = page(base, **params)
    assert status == 400 and soup.select_one("#message").get_text().strip()
    assert soup.select_one("#q")["value"] == params["q"]


def test_meeting_page_ties_values_to_their_evidence(served_archive) -> None:
    base, records = served_archive
    record = by_source(records, "a07_")
    status, soup = page(base, f"/meeting/{tables.article_id(record)}")
    segments = [s.get_text() for s in soup.select("#article-text [data-seg]")]
    assert status == 200 and "".join(segments) == record["text"]

    def evidence(button) -> str:
        return "".join(segments[int(button["data-from"]) : int(button["data-to"]) + 1])

    officials = soup.select("#officials button.ev")
    assert [evidence(b) for b in officials] == [o["name"] for o in record["officials"]]
    facts = {b.get_text(): evidence(b) for b in soup.select("#record dl button.ev")}
    assert facts[record["cluster"]["name"]] == record["cluster"]["name"]
    assert facts[record["meeting"]["location"]] == record["meeting"]["location"]


def test_meeting_page_links_same_official_and_cluster(served_archive) -> None:
    base, records = served_archive
    hostile = f"/meeting/{tables.article_id(by_source(records, 'hostile'))}"
    hanoi = f"/meeting/{tables.article_id(by_source(records, 'a07_'))}"
    _, soup = page(base, hanoi)
    assert [a["href"] for a in soup.select("#same-cluster li a")] == [hostile]
    _, listing = page(base, soup.select_one("#same-cluster a.all")["href"])
    assert {a["href"] for a in listing.select("#results .title")} == {hostile, hanoi}
    assert hostile in [a["href"] for a in soup.select("#officials .also a")]
    _, soup = page(base, hostile)
    assert soup.select_one("h1").get_text() == HOSTILE_TITLE


def test_a_record_with_few_fields_still_gets_a_page(tmp_path) -> None:
    record = {"source": "ngan.txt", "text": "Một bản tin rất ngắn.", "cluster": None, "officials": None}
    archive.index_records(tmp_path, [record])
    with serving(tmp_path) as base:
        status, soup = page(base, f"/meeting/{tables.article_id(record)}")
    assert status == 200 and soup.select_one("h1").get_text() == "ngan.txt"
    assert soup.select_one("#article-text").get_text() == record["text"]


def test_unknown_pages_are_404(served_archive) -> None:
    base, _ = served_archive
    assert page(base, "/meeting/0123456789abcdef")[0] == 404
    assert page(base, "/meeting/..%2F..%2Fetc%2Fpasswd")[0] == 404
    assert page(base, "/static/../archive.py")[0] == 404
    assert fetch(f"{base}/static/style.css")[0] == 200


def test_an_unexpected_failure_is_a_500_page(served_archive, monkeypatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pages, "search_page", broken)
    base, _ = served_archive
    status, soup = page(base, q="cum")
    assert status == 500 and soup.select_one("#message") and "boom" not in str(soup)


def test_missing_archive_gets_a_message(tmp_path) -> None:
    with serving(tmp_path) as base:
        status, soup = page(base, q="cum")
    message = soup.select_one("#message").get_text()
    assert status == 200 and "unionnews ingest" in message and str(tmp_path) not in str(soup)


def test_bad_evidence_spans_are_ignored() -> None:
    text = "Cụm thi đua số 2 họp tại Quảng Phú."
    record = {
        "text": text, "title": "Tin", "province": "Thanh Hóa", "cluster": {"name": "Cụm thi đua số 2"},
        "evidence": {"cluster": [0, 16], "title": [5, 2], "province": [30, 99]},
        "officials": [{"name": "A", "evidence": [True, 3]}, {"name": "B", "evidence": [25, 35]}, {"name": "C"}],
    }
    view = build_view(record)
    assert "".join(view.segments) == text
    spans = {value.text: value.segments for value in view.facts}
    assert spans == {"Tin": None, "Cụm thi đua số 2": spans["Cụm thi đua số 2"], "Thanh Hóa": None}
    first, last = spans["Cụm thi đua số 2"]
    assert "".join(view.segments[first : last + 1]) == "Cụm thi đua số 2"
    officials = view.lists["officials"]
    assert [o.segments is None for o in officials] == [True, False, True]
    first, last = officials[1].segments
    assert "".join(view.segments[first : last + 1]) == "Quảng Phú."


def test_marked_escapes_before_marking() -> None:
    html = marked("<b>Hoa</b> & Hòa", [[3, 6], [13, 16]])
    assert str(html) == "&lt;b&gt;<mark>Hoa</mark>&lt;/b&gt; &amp; <mark>Hòa</mark>"


def test_meeting_page_speaks_vietnamese(served_archive) -> None:
    base, records = served_archive
    record = next(r for r in records if r.get("meeting", {}).get("date") and r.get("figures") and r.get("url"))
    status, soup = page(base, f"/meeting/{tables.article_id(record)}")
    year, month, day = record["meeting"]["date"].split("-")
    facts = [b.get_text() for b in soup.select("#record dl button.ev")]
    assert status == 200 and f"{day}/{month}/{year}" in facts and record["meeting"]["date"] not in facts
    figures = [li.get_text(" ", strip=True) for li in soup.select("#figures > li")]
    assert len(figures) == len(record["figures"])
    assert not any(word in text for text in figures for word in ("achieved", "target", "stat"))
    source = soup.select_one("p.source")
    assert (source.select_one(".gone") is not None) == record["url"].startswith("http://127.0.0.1")
