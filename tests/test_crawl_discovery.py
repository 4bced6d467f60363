"""Link discovery (sitemaps, feeds, listing pages), URL canonicalisation, crawler traps and the sites config."""
from __future__ import annotations

import gzip

import pytest

from crawl_fixtures import SITES
from scrapers import discovery
from scrapers.discovery import canonical_url, find_links
from scrapers.sites import DEFAULT_MAX_PAGES, SITES_FILE, Site, SiteConfigError, generic_site, load_sites
from scrapers.traps import MAX_CHAIN, link_trap, trap_reason, url_kind

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


@pytest.mark.parametrize("href, expected", [
    ("/sitemap.xml.gz", f"{ORIGIN}/sitemap.xml.gz"),            # a gzipped sitemap is read
    ("/tai-lieu/bao-cao.tar.gz", None),                         # other archives are not
    ("/tin/a.html?sid=8f3a9c&id=3", f"{ORIGIN}/tin/a.html?id=3"),
    ("/tin/a.html?PHPSESSID=8f3a9c", f"{ORIGIN}/tin/a.html"),
    ("/tin/a.jsp;jsessionid=8F3A9C?id=3", f"{ORIGIN}/tin/a.jsp?id=3"),
    ("/tin/a.html?sidebar=1", f"{ORIGIN}/tin/a.html?sidebar=1"),  # not a session id
])
def test_canonical_url_keeps_gzipped_sitemaps_and_drops_session_ids(href, expected):
    assert canonical_url(href, f"{ORIGIN}/tin/") == expected


@pytest.mark.parametrize("url, reason", [
    (f"{ORIGIN}/tin/lap/lap/lap/", "repeats a segment"),
    (f"{ORIGIN}/a/b/a/b/a/b", "repeats a segment"),
    (f"{ORIGIN}/" + "/".join("abcdefghijklm"), "more than 12 segments"),
    (f"{ORIGIN}/loc?a=1&a=1", "repeats a parameter"),
    (f"{ORIGIN}/loc?" + "&".join(f"k{i}=1" for i in range(9)), "more than 8 parameters"),
    (f"{ORIGIN}/dai/" + "ab" * 250, "too long"),
])
def test_urls_of_endless_spaces_are_told_by_their_form(url, reason):
    assert reason in trap_reason(url)


@pytest.mark.parametrize("url", [
    f"{ORIGIN}/tin-tuc/cum-thi-dua-so-2-tong-ket-nam-1234567.ldo",
    f"{ORIGIN}/2024/08/09/cum-thi-dua-so-v-giao-ban/",
    f"{ORIGIN}/portal/Pages/2024-8-9/Cum-thi-dua-so-2.aspx",
    f"{ORIGIN}/cong-doan?page=12",
    f"{ORIGIN}/tin/tin-tuc/tin-tuc-su-kien.html",
])
def test_real_page_urls_are_no_trap(url):
    assert trap_reason(url) is None


def test_a_chain_grows_along_pages_of_one_kind_and_ends_at_its_limit():
    page = f"{ORIGIN}/cong-doan?page=7"
    kind = url_kind(page)
    assert link_trap(f"{ORIGIN}/cong-doan?page=8", kind, 6) == (None, 7)
    assert link_trap(f"{ORIGIN}/cong-doan/bai-123.html", kind, 6) == (None, 0)  # an article starts afresh
    assert url_kind(f"{ORIGIN}/lich?ngay=2024-06-01") == url_kind(f"{ORIGIN}/lich?ngay=2031-12-31")
    reason, chain = link_trap(f"{ORIGIN}/cong-doan?page=102", kind, MAX_CHAIN)
    assert chain == MAX_CHAIN + 1 and "pagination" in reason


def test_a_gzip_bomb_sitemap_is_read_up_to_the_limit_with_a_note(monkeypatch):
    locs = "".join(f"<url><loc>{ORIGIN}/ban-do/{n}</loc></url>" for n in range(2000))
    body = gzip.compress(f"<?xml version='1.0'?><urlset>{locs}</urlset>".encode())
    monkeypatch.setattr(discovery, "MAX_UNZIPPED", 20_000)
    found = find_links(f"{ORIGIN}/bom.xml.gz", body, "", "application/gzip")
    assert 100 < len(found.pages) < 2000 and "more than 20,000 bytes unzipped" in found.note


def test_a_corrupt_or_cut_gzip_sitemap_is_noted():
    body = gzip.compress((SITES / "portal/sitemaps/tin-tuc.xml").read_bytes())
    assert "not a readable gzip file" in find_links(f"{ORIGIN}/a.xml.gz", body[:10] + b"\xff" * 100, "", "application/gzip").note
    cut = find_links(f"{ORIGIN}/a.xml.gz", body[: len(body) // 2], "", "application/gzip")
    assert "cut short" in cut.note
    assert find_links(f"{ORIGIN}/a.xml.gz", body, "", "application/gzip").note is None


def test_redirects_stay_on_the_site_and_within_its_rules():
    site = Site(name="s", start_urls=("https://x.vn/tin-tuc",), article_pattern=r"/bai-\d+\.html$",
                follow_pattern=r"/tin-tuc(\?page=\d+)?$")
    assert site.follows_redirect("https://x.vn/bai-1.html", "https://www.x.vn/bai-1.html")
    assert not site.follows_redirect("https://x.vn/bai-1.html", "https://x.vn/dang-nhap")
    assert not site.follows_redirect("https://x.vn/bai-1.html", "https://y.vn/bai-1.html")
    assert site.follows_redirect("https://x.vn/sitemap.xml", "https://x.vn/sitemaps/2024.xml")  # not a followed page


def test_page_cap_per_site_from_the_config_with_a_default(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text('[[site]]\nname = "a"\nstart_urls = ["https://a.vn/"]\nmax_pages = 40\n'
                    '[[site]]\nname = "b"\nstart_urls = ["https://b.vn/"]\n')
    assert [site.max_pages for site in load_sites(path)] == [40, DEFAULT_MAX_PAGES]
    assert generic_site("https://c.vn/").max_pages == DEFAULT_MAX_PAGES
    path.write_text('[[site]]\nname = "a"\nstart_urls = ["https://a.vn/"]\nmax_pages = 0\n')
    with pytest.raises(SiteConfigError, match="max_pages"):
        load_sites(path)
