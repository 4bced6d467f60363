"""The shipped sites config against real URLs: every article URL listed in ../shared/real/*/SOURCES.md
is an article of its configured site, and no listing, category, search or home URL is."""
from __future__ import annotations

import re

import pytest

from data_sources import SHARED as SHARED_ROOT, needs_shared
from scrapers.discovery import canonical_url, host_of
from scrapers.sites import load_sites

SHARED = SHARED_ROOT / "real"
URL = re.compile(r"https?://[^\s|)>`]+")
# Hosts of union portals and union papers: every one of them listed must have a site.
UNION_HOST = re.compile(r"congdoan|ldld|laodong|vnubw|tapchicaosu")
SITES = load_sites()


def listed_urls() -> list[str]:
    """The article URLs the SOURCES.md files of the real test data list, canonical as the crawler sees them."""
    urls = {canonical_url(match.group().rstrip(".,;")) for path in sorted(SHARED.glob("*/SOURCES.md"))
            for match in URL.finditer(path.read_text(encoding="utf-8"))}
    return sorted(url for url in urls if url)


def site_of(url: str):
    """The configured site whose hosts hold ``url``, or None."""
    return next((site for site in SITES if site.in_scope(url)), None)


LISTED = listed_urls()
COVERED = [url for url in LISTED if site_of(url)]


@needs_shared
def test_the_real_sources_are_there_and_about_twenty_sites_cover_them() -> None:
    assert len(LISTED) >= 30
    covering = {site_of(url).name for url in COVERED}
    assert len(covering) >= 20
    missing = [url for url in LISTED if UNION_HOST.search(host_of(url)) and not site_of(url)]
    assert missing == [], f"union sites without a config entry: {missing}"


@needs_shared
@pytest.mark.parametrize("url", COVERED or [None])  # None: no sources listed, skipped or failed by needs_shared
def test_every_listed_article_url_is_an_article_of_its_site(url: str) -> None:
    site = site_of(url)
    assert site.is_article(url), f"{site.name}: {url}"
    assert site.follows(url)
    assert sum(s.in_scope(url) for s in SITES) == 1


def listing_urls(site) -> list[str]:
    """Invented listing pages of a site: its home, sections, pagination, tags, search, contact, feed."""
    out = []
    for start in site.start_urls:
        root = re.match(r"https?://[^/]+", start).group()
        out += [start, root + "/", f"{root}/tin-tuc", f"{root}/tin-tuc/", f"{root}/tin-tuc?page=2",
                f"{root}/tin-tuc/trang-3.html", f"{root}/cong-doan/page/2/", f"{root}/tag/cum-thi-dua",
                f"{root}/tim-kiem?q=cum+thi+dua", f"{root}/lien-he.html", f"{root}/gioi-thieu",
                f"{root}/rss/cong-doan.rss", f"{root}/sitemap.xml", f"{root}/chuyen-muc/thi-dua-khen-thuong",
                f"{root}/tin-hoat-dong-cong-doan", f"{root}/category/tin-tuc-su-kien/",
                f"{root}/2024/11/", f"{root}/index.php?option=com_content&view=category&id=12",
                f"{root}/News.aspx?CatId=4", f"{root}/trangchuyenmuc.aspx?group=1194"]
    return out


@pytest.mark.parametrize("site", SITES, ids=[site.name for site in SITES])
def test_no_listing_url_is_an_article(site) -> None:
    for url in listing_urls(site):
        canonical = canonical_url(url) or url
        assert not site.is_article(canonical), f"{site.name} takes the listing {canonical} for an article"


def test_a_site_takes_only_its_own_articles() -> None:
    laodong = next(site for site in SITES if site.name == "laodong")
    assert laodong.is_article("https://amp.laodong.vn/cong-doan/cum-thi-dua-so-4-giao-ban-quy-iii-2024-4412345.ldo")
    assert not laodong.is_article("https://laodong.vn/the-thao/giai-bong-da-cong-nhan-mo-rong-4412345.ldo")
    assert not laodong.in_scope("https://example.vn/cong-doan/cum-thi-dua-so-4-4412345.ldo")
