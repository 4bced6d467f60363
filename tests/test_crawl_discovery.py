"""Link discovery (sitemaps, feeds, listing pages), URL canonicalisation and the sites config."""
from __future__ import annotations

import gzip

import pytest

from crawl_fixtures import SITES
from scrapers.discovery import canonical_url, find_links
from scrapers.sites import SITES_FILE, SiteConfigError, generic_site, load_sites

ORIGIN = "http://unionnews.sample"


def links_of(relative: str, content_type: str) -> list[str]:
    path = SITES / relative
    body = path.read_bytes()
    found = find_links(f"{ORIGIN}/{relative.split('/', 1)[1]}", body, body.decode("utf-8"), content_type)
    return found.sitemaps + found.pages


def test_sitemap_index_leads_to_sitemaps():
    body = (SITES / "portal/sitemap-index.xml").read_bytes()
    found = find_links(f"{ORIGIN}/sitemap-index.xml", body, body.decode(), "application/xml")
    assert found.sitemaps == [f"{ORIGIN}/sitemaps/tin-tuc.xml"] and found.pages == []


def test_gzipped_sitemap_is_read():
    body = gzip.compress((SITES / "portal/sitemaps/tin-tuc.xml").read_bytes())
    found = find_links(f"{ORIGIN}/sitemap.xml.gz", body, "", "application/gzip")
    assert len(found.pages) == len(list((SITES / "portal/tin-tuc").glob("c*.html"))) + 1


def test_sitemap_lists_every_article():
    articles = {f"{ORIGIN}/tin-tuc/{p.name}" for p in (SITES / "portal/tin-tuc").glob("*.html") if not p.name.startswith("trang-")}
    assert set(links_of("portal/sitemaps/tin-tuc.xml", "application/xml")) == articles


def test_rss_items_with_tracking_parameters_removed():
    expected = {f"{ORIGIN}/{p.name}" for p in (SITES / "newspaper").glob("*.html") if p.name != "index.html"}
    assert set(links_of("newspaper/rss/cong-doan.rss", "application/rss+xml")) == expected


def test_atom_entries_not_the_feed_self_link():
    expected = {f"{ORIGIN}/{p.parent.relative_to(SITES / 'blog').as_posix()}/" for p in (SITES / "blog").glob("20*/*/*/*/index.html")}
    assert set(links_of("blog/feed/atom.xml", "application/atom+xml")) == expected


def test_listing_page_gives_pagination_feed_and_articles_in_order():
    links = links_of("blog/category/cong-doan/index.html", "text/html")
    assert f"{ORIGIN}/category/cong-doan/page/2/" in links
    assert f"{ORIGIN}/feed/atom.xml" in links
    assert len(links) == len(set(links))
    posts = [link for link in links if "/2024/" in link]
    assert posts == [f"{ORIGIN}/2024/08/09/cum-thi-dua-so-v-giao-ban/", f"{ORIGIN}/2024/06/28/cum-thi-dua-so-3-tong-ket/"]


def test_relative_links_resolve_against_the_page():
    links = links_of("portal/tin-tuc/trang-1.html", "text/html")
    assert f"{ORIGIN}/tin-tuc/trang-2.html" in links


@pytest.mark.parametrize("href, expected", [
    ("/a/b.html#binh-luan", f"{ORIGIN}/a/b.html"),
    ("b.html?utm_source=facebook&id=3", f"{ORIGIN}/tin/b.html?id=3"),
    ("../x.html", f"{ORIGIN}/x.html"),
    ("mailto:lienhe@example.vn", None),
    ("javascript:void(0)", None),
    ("/anh/hoi-nghi.jpg", None),
    ("/tai-lieu/quyet-dinh.pdf", None),
    ("ftp://example.vn/a", None),
])
def test_canonical_url(href, expected):
    assert canonical_url(href, f"{ORIGIN}/tin/a.html") == expected


def test_shipped_sites_config_is_valid():
    sites = load_sites()
    names = [site.name for site in sites]
    assert len(sites) >= 3 and len(set(names)) == len(names)
    for site in sites:
        assert site.start_urls and all(url.startswith("https://") for url in site.start_urls)
        assert site.article_pattern and site.delay >= 1
        assert not any(site.is_article(url) for url in site.start_urls)


def test_shipped_patterns_tell_articles_from_listings():
    laodong = {site.name: site for site in load_sites()}["laodong"]
    article = "https://laodong.vn/cong-doan/cum-thi-dua-so-2-tong-ket-nam-1234567.ldo"
    assert laodong.is_article(article) and laodong.follows(article)
    assert laodong.follows("https://laodong.vn/cong-doan?page=2")
    assert not laodong.is_article("https://laodong.vn/cong-doan?page=2")
    assert not laodong.follows("https://laodong.vn/the-thao/bong-da-123.ldo")
    assert not laodong.follows("https://example.vn/cong-doan")


def test_generic_site_stays_on_its_host():
    site = generic_site("http://127.0.0.1:8000/tin-tuc/")
    assert site.follows("http://127.0.0.1:8000/any/page.html")
    assert not site.follows("http://127.0.0.1:9000/any/page.html")
    assert site.is_article("http://127.0.0.1:8000/any/page.html")


def test_bad_sites_config_names_the_file(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text('[[site]]\nname = "x"\nstart_urls = ["https://x.vn/"]\narticle_pattern = "(unclosed"\n')
    with pytest.raises(SiteConfigError, match="sites.toml.*'x'"):
        load_sites(path)
    path.write_text("[[site]\n")
    with pytest.raises(SiteConfigError, match="sites.toml"):
        load_sites(path)


def test_shipped_config_file_is_packaged_next_to_the_module():
    assert SITES_FILE.is_file() and SITES_FILE.suffix == ".toml"
