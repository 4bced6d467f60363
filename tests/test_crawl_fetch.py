"""The crawler's HTTP client: decoding, backoff, limits and every network fault."""
from __future__ import annotations

import time
import unicodedata

import pytest
from crawl_fixtures import SITES, quick_fetcher, to_cp1258
from fault_server import ARTICLES, FAILING, FaultServer

from pipeline.sample_site import SampleSite
from scrapers.encoding import decode_body
from scrapers.fetch import USER_AGENT, FetchError, retry_after

TEXT = (SITES / "portal" / "tin-tuc" / "cum-thi-dua-so-2-giao-ban-quy-iii.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("content_type", [
    "text/html; charset=utf-8",          # wrong label
    "text/html; charset=iso-8859-1",     # wrong label that decodes anything
    "text/html",                          # no label
    None,                                 # no header at all
    "text/html; charset=windows-1258",    # right label
])
def test_windows_1258_pages_decode_to_nfc_text_whatever_the_header_says(content_type):
    assert decode_body(to_cp1258(TEXT), content_type) == TEXT


def test_utf8_pages_stay_utf8_even_when_labelled_windows_1258():
    assert decode_body(TEXT.encode("utf-8"), "text/html; charset=windows-1258") == TEXT


def test_decoded_text_is_nfc():
    decomposed = unicodedata.normalize("NFD", "Hội nghị tổng kết").encode("utf-8")
    assert decode_body(decomposed, "text/html") == "Hội nghị tổng kết"


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after("7") == 7.0
    future = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 120))
    assert 100 < retry_after(future) <= 120
    assert retry_after("soon") is None
    assert retry_after(None) is None


def test_user_agent_names_the_project():
    assert USER_AGENT.startswith("unionnews/")


@pytest.fixture(scope="module")
def faults():
    with FaultServer(slow_seconds=1.5) as server:
        yield server


@pytest.mark.parametrize("path", FAILING)
def test_each_fault_is_a_one_line_error_naming_the_url(faults, path):
    url = faults.base_url + path
    with pytest.raises(FetchError) as caught:
        quick_fetcher().get(url)
    message = str(caught.value)
    assert message.startswith(url + ": ") and "\n" not in message


def test_503_is_retried_after_the_time_retry_after_asks(faults):
    response = quick_fetcher().get(faults.base_url + "/busy")
    assert response.status == 200 and b"<h1" in response.body
    times = [t for path, t in faults.requests if path == "/busy"]
    assert len(times) == 2 and times[1] - times[0] >= 0.9


def test_429_is_retried(faults):
    assert quick_fetcher().get(faults.base_url + "/limited").status == 200


def test_500_is_retried_then_reported(faults):
    before = faults.hits.get("/error", 0)
    with pytest.raises(FetchError, match="HTTP 500"):
        quick_fetcher().get(faults.base_url + "/error")
    assert faults.hits["/error"] - before == 3


def test_legacy_page_under_a_wrong_header_comes_out_right(faults):
    text = quick_fetcher().get(faults.base_url + "/cp1258-wrong-header").text()
    original = ARTICLES[3].read_text(encoding="utf-8")
    title = original.split("<h1")[1].split(">", 1)[1].split("<")[0]
    assert title in text and "\ufffd" not in text


def test_conditional_get_of_an_unchanged_page_downloads_no_body():
    with SampleSite(SITES / "portal") as site:
        fetcher = quick_fetcher()
        first = fetcher.get(site.base_url + "/tin-tuc/trang-1.html")
        again = fetcher.get(site.base_url + "/tin-tuc/trang-1.html", first.headers["ETag"], first.headers["Last-Modified"])
        by_date = fetcher.get(site.base_url + "/tin-tuc/trang-1.html", None, first.headers["Last-Modified"])
    assert first.status == 200 and first.body
    assert again.not_modified and again.body == b""
    assert by_date.not_modified


def test_sample_site_puts_its_own_origin_in_place_of_the_placeholder():
    with SampleSite(SITES / "portal") as site:
        body = quick_fetcher().get(site.base_url + "/robots.txt").text()
    assert f"Sitemap: {site.base_url}/sitemap-index.xml" in body
    assert "unionnews.sample" not in body


def test_retry_after_holds_back_every_request_to_that_host():
    from concurrent.futures import ThreadPoolExecutor

    fetcher = quick_fetcher()
    with FaultServer() as server, ThreadPoolExecutor(2) as pool:
        busy = pool.submit(fetcher.get, server.base_url + "/busy")
        while "/busy" not in server.hits:
            time.sleep(0.01)
        time.sleep(0.05)  # the 503 has been answered; its Retry-After: 1 now holds the host
        assert pool.submit(fetcher.get, server.base_url + "/good").result().status == 200
        assert busy.result().status == 200
    first_busy = next(t for path, t in server.requests if path == "/busy")
    good = next(t for path, t in server.requests if path == "/good")
    assert good - first_busy >= 0.9
