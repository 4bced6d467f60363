"""Read an article from a .txt file, a saved page or fetched HTML (stub: being built)."""
from __future__ import annotations

from pathlib import Path

from scrapers.article import Article, NotAnArticle

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}


def read_file(path: Path) -> Article:
    """Read an article file (.txt or .html/.htm)."""
    data = Path(path).read_bytes()
    if Path(path).suffix.lower() in {".html", ".htm"}:
        return read_html(data, source=Path(path).name)
    return read_text(data.decode("utf-8"), source=Path(path).name)


def read_text(text: str, source: str) -> Article:
    """Read a plain-text article: the first non-empty line is the title."""
    if not text.strip():
        raise NotAnArticle("empty file")
    title = text.strip().splitlines()[0].strip()
    return Article(source=source, text=text.strip(), title=title)


def read_html(html: str | bytes, source: str, url: str | None = None) -> Article:
    """Read a web page: headline, date, byline and main text."""
    import trafilatura

    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    text = trafilatura.extract(html) or ""
    if not text.strip():
        raise NotAnArticle("no article text in the page")
    return Article(source=source, text=text, url=url)
