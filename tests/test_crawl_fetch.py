"""The crawler's HTTP client: decoding, backoff, redirects, limits and every network fault."""
from __future__ import annotations

import time
import unicodedata

import pytest
from crawl_fixtures import SITES, quick_fetcher, to_cp1258
from fault_server import ARTICLES, FAILING, FORBIDDEN, MOVED_ARTICLE, FaultServer

from pipeline.sample_site import SampleSite
from scrapers.encoding import decode_body
from scrapers.fetch import USER_AGENT, Fetcher, FetchError, RedirectRefused, Refusal, is_fetchable, retry_after

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


@pytest.mark.parametrize("path", ["/nho-giot", "/nho-giot-dau"])
def test_a_response_trickled_one_byte_at_a_time_is_cut_at_the_time_limit(faults, path):
    fetcher = quick_fetcher()  # 0.5 s per exchange; the server would take 20 s or more
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 0\.5 s"):
        fetcher.get(faults.base_url + path)
    assert time.monotonic() - started < 3


def test_a_redirect_is_followed_hop_by_hop_each_hop_checked_before_it_is_fetched(faults):
    faults.redirects.update({"/cu": "/cu-nua", "/cu-nua": "/moi"})
    checked = []

    def check(target: str) -> None:
        checked.append((target, faults.hits.get(target.removeprefix(faults.base_url), 0)))

    response = quick_fetcher().get(faults.base_url + "/cu", check_hop=check)
    assert response.url == faults.base_url + "/moi" and response.status == 200 and response.body == MOVED_ARTICLE
    assert [target for target, _ in checked] == [faults.base_url + "/cu-nua", faults.base_url + "/moi"]
    assert checked[1][1] == faults.hits["/moi"] - 1  # /moi was checked before it was asked for


def test_a_refused_hop_is_not_fetched_and_says_why(faults):
    faults.redirects["/vao-cam"] = FORBIDDEN
    before = faults.hits.get(FORBIDDEN, 0)
    with pytest.raises(RedirectRefused) as caught:
        quick_fetcher().get(faults.base_url + "/vao-cam", check_hop=lambda target: Refusal("disallowed", "robots.txt disallows it"))
    assert str(caught.value) == (f"{faults.base_url}/vao-cam: redirect to {faults.base_url}{FORBIDDEN} not followed "
                                 "(robots.txt disallows it)")
    assert caught.value.refusal.kind == "disallowed" and faults.hits.get(FORBIDDEN, 0) == before


def test_validators_revalidate_a_redirected_page_through_its_redirect(faults):
    faults.redirects["/bai-cu"] = "/moi"
    fetcher = quick_fetcher()
    first = fetcher.get(faults.base_url + "/bai-cu")
    again = fetcher.get(faults.base_url + "/bai-cu", first.headers["ETag"])
    assert first.url == faults.base_url + "/moi" and first.status == 200
    assert again.not_modified and again.url == faults.base_url + "/moi" and again.body == b""


def test_a_redirect_to_another_scheme_is_refused(faults):
    faults.redirects["/sang-ftp"] = "ftp://127.0.0.1/tep.txt"
    with pytest.raises(FetchError, match="not a web address"):
        quick_fetcher().get(faults.base_url + "/sang-ftp")


def test_an_error_after_a_redirect_names_both_urls(faults):
    faults.redirects["/chuyen-hong"] = "/khong-co"
    with pytest.raises(FetchError) as caught:
        quick_fetcher().get(faults.base_url + "/chuyen-hong")
    assert str(caught.value) == (f"{faults.base_url}/chuyen-hong: HTTP 404 Not Found "
                                 f"(after a redirect to {faults.base_url}/khong-co)")


def test_a_sitemap_may_be_larger_than_a_page(faults):
    fetcher = Fetcher(timeout=10, max_bytes=1_000_000)  # pages: 1 MB at most; time for 5.7 MB on a busy machine
    assert len(fetcher.get(faults.base_url + "/sitemaps/lon.xml").body) > 5_000_000
    with pytest.raises(FetchError, match="larger than 1000000 bytes"):
        fetcher.get(faults.base_url + "/huge")


def test_gzipped_sitemaps_are_fetched_whatever_their_binary_media_type(faults):
    for path in ("/sitemaps/tin.xml.gz", "/sitemaps/octet.xml.gz", "/sitemaps/bom.xml.gz"):
        assert quick_fetcher().get(faults.base_url + path).body[:2] == b"\x1f\x8b"
    assert is_fetchable("application/octet-stream", "http://x.vn/sitemap.xml.gz")
    assert not is_fetchable("application/octet-stream", "http://x.vn/tai-lieu.bin")


def test_truncate_at_keeps_the_first_bytes_of_a_long_body(faults):
    response = quick_fetcher().get(faults.base_url + "/huge", truncate_at=1000)
    assert response.truncated and len(response.body) == 1000 and response.body.startswith(b"<p>aaa")
