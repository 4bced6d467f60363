"""The page reader's speed beside trafilatura's, measured side by side in one run.

On the real pages of ``../shared/real/html`` when that folder is present, else on the pages of the
bundled sample site (``corpus/site``): pages/second of reading a page and extracting its record
(:func:`scrapers.reading.read_html` then :func:`pipeline.normalizer.extract_record`), and of ``trafilatura.extract``
alone on the same decoded pages. The two alternate round by round, so that a busy machine slows
both alike; ``ratio`` above 1 means reading and extracting a page is faster than trafilatura's
extraction of it alone.
"""
from __future__ import annotations

import time
from pathlib import Path

from pipeline.bundled import corpus_dir

#: Beside a checkout (the folder is not part of the repository, nor of an installed copy).
REAL_PAGES = Path(__file__).resolve().parents[3] / "shared" / "real" / "html"


def page_files() -> tuple[str, list[Path]]:
    """(where the pages come from, the article pages): the real pages if present, else the sample site's."""
    real = sorted(REAL_PAGES.glob("*.html"))
    if real:
        return str(REAL_PAGES), real
    sample_site = corpus_dir() / "site"
    return str(sample_site), sorted(p for p in sample_site.rglob("*.html") if _is_article(p))


def benchmark_pages(rounds: int = 5) -> dict:
    """Pages/second of read + extract and of ``trafilatura.extract`` on the same pages, and their ratio."""
    import trafilatura

    from pipeline.normalizer import extract_record as extract
    from scrapers.encoding import decode_body
    from scrapers.reading import read_html

    source, files = page_files()
    pages = [(path.name, decode_body(path.read_bytes())) for path in files]
    for name, html in pages:  # warm up both: imports, caches, compiled patterns
        trafilatura.extract(html)
        extract(read_html(html, name))
    reader = trafilatura_time = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        for _name, html in pages:
            trafilatura.extract(html)
        trafilatura_time += time.perf_counter() - started
        started = time.perf_counter()
        for name, html in pages:
            extract(read_html(html, name))
        reader += time.perf_counter() - started
    count = len(pages) * rounds
    return {"pages": len(pages), "source": source, "read_extract_pages_per_s": count / reader,
            "trafilatura_pages_per_s": count / trafilatura_time, "ratio": trafilatura_time / reader}


def _is_article(path: Path) -> bool:
    """A sample-site page that the reader takes for an article (listings and the admin page are not)."""
    from scrapers.article import NotAnArticle
    from scrapers.reading import read_file

    try:
        read_file(path)
    except NotAnArticle:
        return False
    return True
