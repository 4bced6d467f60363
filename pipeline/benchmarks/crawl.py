"""Crawl throughput on loopback: a generated union site served on 127.0.0.1, crawled with no politeness delay."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from pipeline.crawling import crawl
from pipeline.sample_site import PLACEHOLDER, serve_folder
from scrapers.sites import generic_site

PER_LISTING = 20
PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head>
<body><header><a href="/">Liên đoàn Lao động tỉnh</a> | <a href="/tin-tuc/trang-1.html">Tin tức</a></header>
<main>{main}</main><footer>Trang thử tốc độ thu thập.</footer></body></html>
"""


def article_html(number: int) -> str:
    """Article ``number`` of the generated site: a short cluster-meeting report with its own figures."""
    cluster = number % 12 + 1
    title = f"Cụm thi đua số {cluster} sơ kết công tác quý {number % 4 + 1}, bản tin {number}"
    paragraphs = [
        f"Ngày {number % 28 + 1}/{number % 12 + 1}/2024, Cụm thi đua số {cluster}, Liên đoàn Lao động tỉnh "
        f"tổ chức hội nghị sơ kết với {number % 9 + 5} công đoàn thành viên (bản tin số {number}).",
        f"Các đơn vị đã kết nạp {100 + number * 7} đoàn viên mới, đạt {80 + number % 20},{number % 10}% kế hoạch, "
        f"và hỗ trợ {20 + number % 50} gia đình đoàn viên khó khăn.",
        f"Cụm trưởng đề nghị các công đoàn giữ vững kết quả, phấn đấu vượt {number % 15 + 5}% chỉ tiêu trong quý tới.",
        f"Phóng viên {number}",
    ]
    main = f"<article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"
    return PAGE.format(title=title, main=main)


def write_site(folder: Path, pages: int) -> None:
    """Write ``pages`` articles, the numbered listing pages linking them, robots.txt and a sitemap."""
    (folder / "tin-tuc").mkdir(parents=True)
    for number in range(1, pages + 1):
        (folder / "tin-tuc" / f"bai-{number}.html").write_text(article_html(number), encoding="utf-8")
    listings = max(1, -(-pages // PER_LISTING))
    for page in range(1, listings + 1):
        first = (page - 1) * PER_LISTING + 1
        links = "".join(f'<li><a href="/tin-tuc/bai-{n}.html">Bản tin {n}</a></li>'
                        for n in range(first, min(first + PER_LISTING, pages + 1)))
        more = f'<a rel="next" href="/tin-tuc/trang-{page + 1}.html">Trang sau</a>' if page < listings else ""
        (folder / "tin-tuc" / f"trang-{page}.html").write_text(
            PAGE.format(title=f"Tin tức - trang {page}", main=f"<ul>{links}</ul>{more}"), encoding="utf-8")
    (folder / "index.html").write_text(PAGE.format(title="Trang chủ", main="<p>Trang chủ</p>"), encoding="utf-8")
    (folder / "robots.txt").write_text(f"User-agent: *\nDisallow: /quan-tri/\nSitemap: {PLACEHOLDER}/sitemap.xml\n")
    locs = "".join(f"<url><loc>{PLACEHOLDER}/tin-tuc/trang-{p}.html</loc></url>" for p in range(1, listings + 1))
    (folder / "sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>')


def benchmark_crawl(pages: int, workers: list[int]) -> dict[str, float]:
    """Serve a generated site of ``pages`` articles on loopback and crawl it with delays off (full pipeline:
    fetch, WARC, extraction, store) once per worker count, each into a fresh data folder; beside it, what the
    server alone gives to a bare keep-alive ``requests`` loop over the same pages (so that the crawl, not the
    server, is what is measured)."""
    import pipeline.normalizer  # noqa: F401  (load the extraction engine and the store before the clock starts)
    import pipeline.store  # noqa: F401

    results: dict[str, float] = {"pages": pages}
    with tempfile.TemporaryDirectory(prefix="unionnews-bench-") as scratch:
        root = Path(scratch)
        write_site(root / "site", pages)
        with serve_folder(root / "site") as base_url:
            results["server_pages_per_second"] = round(_server_rate(base_url, pages), 1)
            site = generic_site(base_url + "/")
            for count in workers:
                started = time.perf_counter()
                report = crawl([site], root / f"data-{count}", workers=count, delay=0, max_pages=2 * pages + 10,
                               on_error=lambda message: None)[site.name]
                seconds = time.perf_counter() - started
                results[f"workers_{count}_fetched"] = report.fetched
                results[f"workers_{count}_records"] = report.new_records
                results[f"workers_{count}_failed"] = report.failed
                results[f"workers_{count}_seconds"] = round(seconds, 3)
                results[f"workers_{count}_pages_per_second"] = round(report.fetched / seconds, 1)
    if len(workers) > 1:
        first, last = workers[0], workers[-1]
        results["speedup"] = round(results[f"workers_{last}_pages_per_second"]
                                   / results[f"workers_{first}_pages_per_second"], 2)
    return results


def _server_rate(base_url: str, pages: int) -> float:
    """Pages/second a bare keep-alive ``requests`` session gets from the server over the article pages."""
    import requests

    with requests.Session() as session:
        started = time.perf_counter()
        for number in range(1, pages + 1):
            session.get(f"{base_url}/tin-tuc/bai-{number}.html", timeout=10).raise_for_status()
        return pages / (time.perf_counter() - started)
