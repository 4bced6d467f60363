"""The bundled sample site (corpus/site/) and its hand-checked records (corpus/gold/site.jsonl).

The demo serves corpus/site/ on 127.0.0.1 and crawls it; these tests keep the
site self-consistent (every link resolves, sitemap/feed/robots agree) and keep
the gold records in the shape of docs/record.md and true to the pages.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from protego import Protego

from data_sources import SEED_DIR as SEEDS, needs_shared

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "corpus" / "site"
GOLD = ROOT / "corpus" / "gold" / "site.jsonl"
ORIGIN = "http://unionnews.sample"

FIELDS = ["source", "url", "title", "published_date", "author", "cluster", "federation", "province", "meeting",
          "cluster_leader", "officials", "member_units", "member_count_stated", "figures", "documents"]
MEETING_TYPES = {"tổng kết", "sơ kết", "giao ban", "ký kết giao ước", "khác"}
UNIT_TYPES = {"phường", "xã", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "ngành", None}
FIGURE_KINDS = {"target", "achieved", "stat"}
COMPARATORS = {"=", ">", ">=", "<", "<=", "~"}
CLUSTER_ROLES = {"cụm trưởng", "cụm phó", None}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


GOLD_RECORDS = load_gold()


def page_path(url_or_path: str) -> Path:
    """The file under corpus/site/ that serves a URL (placeholder origin) or a root-relative path."""
    path = urlsplit(url_or_path).path
    if path in ("", "/"):
        return SITE / "index.html"
    if path.endswith("/"):
        return SITE / path.lstrip("/") / "index.html"
    return SITE / path.lstrip("/")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def visible_text(path: Path) -> str:
    s = soup(path)
    for tag in s(["script", "style"]):
        tag.decompose()
    return " ".join(s.get_text(" ").split())


def article_paths() -> set[str]:
    return {urlsplit(g["url"]).path for g in GOLD_RECORDS}


def internal_links(path: Path) -> set[str]:
    """Root-relative href/src targets of a page (query and fragment dropped)."""
    s = soup(path)
    out = set()
    for tag, attr in (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")):
        for el in s.find_all(tag):
            ref = el.get(attr)
            if ref and ref.startswith("/") and not ref.startswith("//"):
                out.add(urlsplit(ref).path)
    return out


def is_valid_date(s: str) -> bool:
    if not ISO_DATE.match(s):
        return False
    dt.date.fromisoformat(s)
    return True


# ---------------------------------------------------------------- links, sitemap, feed, robots

def test_listing_pages_link_every_article_and_links_resolve():
    listings = [SITE / "index.html"] + sorted((SITE / "tin-tuc").glob("trang-*.html"))
    assert len(listings) >= 2, "the site needs paginated listing pages"
    linked = set()
    for page in listings:
        links = internal_links(page)
        linked |= links
        for ref in links:
            assert page_path(ref).is_file(), f"{page.name} links to missing {ref}"
    assert article_paths() <= linked, f"articles not reachable from listings: {article_paths() - linked}"


def test_every_internal_link_on_every_page_resolves():
    pages = sorted(SITE.rglob("*.html"))
    assert len(pages) >= 13
    for page in pages:
        for ref in internal_links(page):
            assert page_path(ref).is_file(), f"{page.relative_to(SITE)} links to missing {ref}"


def test_sitemap_lists_exactly_the_article_pages():
    root = ET.parse(SITE / "sitemap.xml").getroot()
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [el.text.strip() for el in root.findall("sm:url/sm:loc", ns)]
    assert len(locs) == 10 == len(set(locs))
    assert all(loc.startswith(ORIGIN + "/") for loc in locs)
    assert {urlsplit(loc).path for loc in locs} == article_paths()
    for loc in locs:
        assert page_path(loc).is_file(), loc


def test_rss_lists_exactly_the_article_pages():
    channel = ET.parse(SITE / "rss.xml").getroot().find("channel")
    items = channel.findall("item")
    links = [item.findtext("link").strip() for item in items]
    assert len(links) == 10 == len(set(links))
    assert {urlsplit(link).path for link in links} == article_paths()
    titles = {urlsplit(i.findtext("link").strip()).path: i.findtext("title") for i in items}
    for g in GOLD_RECORDS:
        assert titles[urlsplit(g["url"]).path] == g["title"]
        assert page_path(g["url"]).is_file()


def test_robots_disallows_admin_and_names_the_sitemap():
    robots = Protego.parse((SITE / "robots.txt").read_text(encoding="utf-8"))
    assert not robots.can_fetch(ORIGIN + "/admin/secret.html", "unionnews")
    assert not robots.can_fetch(ORIGIN + "/admin/", "*")
    for g in GOLD_RECORDS:
        assert robots.can_fetch(g["url"], "unionnews"), g["url"]
    assert robots.can_fetch(ORIGIN + "/tin-tuc/trang-2.html", "unionnews")
    assert list(robots.sitemaps) == [ORIGIN + "/sitemap.xml"]
    assert (SITE / "admin" / "secret.html").is_file()
    # the secret page is linked from the home page (a crawler meets it) but never offered by sitemap or feed
    assert "/admin/secret.html" in internal_links(SITE / "index.html")
    for name in ("sitemap.xml", "rss.xml"):
        assert "/admin/" not in (SITE / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- gold records

def test_gold_has_one_record_per_article_with_unique_basenames():
    assert len(GOLD_RECORDS) == 10
    sources = [g["source"] for g in GOLD_RECORDS]
    assert len(set(sources)) == 10
    for g in GOLD_RECORDS:
        assert g["url"].startswith(ORIGIN + "/")
        assert g["source"] == urlsplit(g["url"]).path.rsplit("/", 1)[-1]
        assert page_path(g["url"]).is_file()
    basenames = [p.name for p in SITE.rglob("*.html")]
    assert len(basenames) == len(set(basenames)), "page basenames must be unique across the site"


@pytest.mark.parametrize("g", GOLD_RECORDS, ids=[g["source"] for g in GOLD_RECORDS])
def test_gold_record_shape(g):
    assert list(g) == FIELDS, "all docs/record.md fields, no evidence/text"
    assert isinstance(g["title"], str) and g["title"]
    assert g["published_date"] is None or is_valid_date(g["published_date"])
    assert g["author"] is None or (isinstance(g["author"], str) and not g["author"].endswith((".", ",")))
    for key in ("federation", "province"):
        assert g[key] is None or isinstance(g[key], str)
    if g["cluster"] is not None:
        assert set(g["cluster"]) == {"number", "name", "kind"}
        assert isinstance(g["cluster"]["number"], int) and not isinstance(g["cluster"]["number"], bool)
        assert g["cluster"]["kind"] in {"cụm", "khối"}
        assert g["cluster"]["name"].lower().startswith(g["cluster"]["kind"])
    if g["meeting"] is not None:
        assert set(g["meeting"]) == {"date", "type", "location", "period"}
        assert g["meeting"]["type"] in MEETING_TYPES
        assert g["meeting"]["date"] is None or is_valid_date(g["meeting"]["date"])
    if g["cluster_leader"] is not None:
        assert set(g["cluster_leader"]) == {"name", "unit"}
    for o in g["officials"]:
        assert set(o) - {"optional"} == {"name", "title", "organization", "former", "cluster_role"}
        assert isinstance(o["name"], str) and isinstance(o["former"], bool)
        assert o["cluster_role"] in CLUSTER_ROLES
    for u in g["member_units"]:
        assert set(u) - {"optional", "aliases"} == {"name", "type", "place"}
        assert u["type"] in UNIT_TYPES
        assert u["place"] in u["name"]
    assert g["member_count_stated"] is None or (isinstance(g["member_count_stated"], int) and g["member_count_stated"] > 0)
    if g["member_count_stated"] is not None and g["member_units"]:
        assert g["member_count_stated"] == len(g["member_units"])
    for f in g["figures"]:
        assert set(f) - {"optional", "text"} == {"value", "unit", "kind", "comparator", "subject"}
        assert isinstance(f["value"], (int, float)) and not isinstance(f["value"], bool)
        assert f["kind"] in FIGURE_KINDS and f["comparator"] in COMPARATORS
        assert isinstance(f["unit"], str) and f["unit"]
    for d in g["documents"]:
        assert set(d) - {"optional"} == {"number", "type", "date", "issuer"}
        assert "/" in d["number"]
        assert d["date"] is None or is_valid_date(d["date"])
    dumped = json.dumps(g, ensure_ascii=False)
    assert unicodedata.normalize("NFC", dumped) == dumped


def test_gold_covers_the_variety_the_demo_needs():
    provinces = {g["province"] for g in GOLD_RECORDS}
    assert len(provinces) >= 5
    assert sum(g["cluster"] is None for g in GOLD_RECORDS) == 2
    assert {g["cluster"]["kind"] for g in GOLD_RECORDS if g["cluster"]} == {"cụm", "khối"}
    types = {u["type"] for g in GOLD_RECORDS for u in g["member_units"]}
    assert {"phường", "xã", "huyện", "quận"} <= types, "both pre- and post-July-2025 unit names"
    assert any(o["former"] for g in GOLD_RECORDS for o in g["officials"])
    roles = {o["cluster_role"] for g in GOLD_RECORDS for o in g["officials"]}
    assert {"cụm trưởng", "cụm phó"} <= roles
    assert {g["meeting"]["type"] for g in GOLD_RECORDS if g["meeting"]} >= {"sơ kết", "tổng kết", "giao ban", "ký kết giao ước"}


@pytest.mark.parametrize("g", GOLD_RECORDS, ids=[g["source"] for g in GOLD_RECORDS])
def test_gold_values_appear_in_the_page(g):
    path = page_path(g["url"])
    text = visible_text(path)
    s = soup(path)
    assert s.find("h1").get_text(" ", strip=True) == g["title"]
    for o in g["officials"]:
        assert o["name"] in text, o["name"]
    for d in g["documents"]:
        assert d["number"] in text, d["number"]
    for u in g["member_units"]:
        assert u["place"] in text, u["place"]
    if g["cluster_leader"] and g["cluster_leader"]["name"]:
        assert g["cluster_leader"]["name"] in text
    if g["author"]:
        assert g["author"] in text
    if g["cluster"]:
        assert re.search(rf"{g['cluster']['kind']} thi đua số", text, re.I)
    if g["meeting"] and g["meeting"]["location"]:
        assert g["meeting"]["location"] in text
    body = s.select_one(".news-content, .article-content, .article-body")
    assert body is not None and 1500 <= len(body.get_text(" ", strip=True)) <= 3500


@pytest.mark.parametrize("g", GOLD_RECORDS, ids=[g["source"] for g in GOLD_RECORDS])
def test_gold_published_date_matches_the_page(g):
    path = page_path(g["url"])
    s = soup(path)
    y, m, d = g["published_date"].split("-")
    meta = s.find("meta", attrs={"property": "article:published_time"})
    if meta is not None:  # national paper: metadata and JSON-LD
        assert meta["content"][:10] == g["published_date"]
        ld = json.loads(s.find("script", attrs={"type": "application/ld+json"}).string)
        assert ld["@type"] == "NewsArticle" and ld["datePublished"][:10] == g["published_date"]
        assert ld["headline"] == g["title"]
        assert s.find("meta", attrs={"property": "og:title"})["content"] == g["title"]
        assert s.find("meta", attrs={"name": "author"})["content"] == g["author"]
    else:
        text = visible_text(path)
        assert f"Ngày đăng: {d}/{m}/{y}" in text or re.search(rf"\d\d:\d\d \| {d}/{m}/{y}", text), g["source"]


def test_script_title_is_escaped_in_the_source():
    hits = [g for g in GOLD_RECORDS if "<script>alert(1)</script>" in g["title"]]
    assert len(hits) == 1
    path = page_path(hits[0]["url"])
    raw = path.read_text(encoding="utf-8")
    assert "<script>alert" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    s = soup(path)
    assert "<script>alert(1)</script>" in s.title.get_text()
    assert "<script>alert(1)</script>" in s.find("h1").get_text()


# ---------------------------------------------------------------- originality

def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@needs_shared
def test_no_page_shares_a_60_character_run_with_a_seed():
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds, f"seed articles expected in {SEEDS}"
    n = 60
    grams = set()
    for seed in seeds:
        t = _fold(seed.read_text(encoding="utf-8"))
        grams.update(t[i:i + n] for i in range(len(t) - n + 1))
    files = sorted(SITE.rglob("*.html")) + [SITE / "rss.xml", SITE / "sitemap.xml"]
    for path in files:
        t = _fold(visible_text(path)) if path.suffix == ".html" else _fold(path.read_text(encoding="utf-8"))
        shared = next((t[i:i + n] for i in range(len(t) - n + 1) if t[i:i + n] in grams), None)
        assert shared is None, f"{path.relative_to(SITE)} repeats seed text: {shared!r}"
