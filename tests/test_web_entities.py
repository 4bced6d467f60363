"""The front page and the entity pages (official, cluster, province) over HTTP: their content on a data
folder holding the corpus sample meetings and synthetic ones (table and archive), the JSON forms, 404s,
the front page's counts equal to ``unionnews query``'s, and the links between the pages."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from starlette.testclient import TestClient

from extractors.lexicon import name_key
from pipeline import tables
from pipeline.benchmarks.synthetic import meeting_record, official_names, province_wards
from pipeline.cli import main
from pipeline.store import save_records
from pipeline.web import entity_pages
from pipeline.web.app import make_app
from pipeline.web.entity_charts import comparable
from pipeline.web.links import official_url
from test_archive_samples import by_source, sample_records

SYNTHETIC = 60
HUYEN = "Đinh Thị Thu Huyền"


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> tuple[Path, list[dict]]:
    """A data folder with the table and archive of the corpus sample meetings and synthetic meetings."""
    folder = tmp_path_factory.mktemp("data")
    rng = random.Random(7)
    people, provinces = official_names(rng), [p for p in province_wards() if p[2]][:2]
    records = sample_records() + [meeting_record(rng, i, people, provinces) for i in range(SYNTHETIC)]
    save_records(folder, records)
    return folder, records


@pytest.fixture(scope="module")
def client(data) -> TestClient:
    return TestClient(make_app(data[0]))


def soup_of(client: TestClient, path: str, **params: str) -> BeautifulSoup:
    response = client.get(path, params=params)
    assert response.status_code == 200, path
    return BeautifulSoup(response.text, "html.parser")


def query(data: Path, sql: str, capsys) -> list[dict]:
    """Rows of ``unionnews query --format json``."""
    capsys.readouterr()
    assert main(["query", "--data", str(data), "--format", "json", sql]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def grouped(data: Path, column: str, capsys) -> dict[str, int]:
    rows = query(data, f"SELECT {column} AS v, count(*) AS n FROM articles WHERE {column} IS NOT NULL GROUP BY 1",
                 capsys)
    return {str(row["v"]): row["n"] for row in rows}


def test_front_page_counts_equal_unionnews_query(client, data, capsys) -> None:
    folder, records = data
    front = client.get("/index.json").json()
    totals = query(folder, "SELECT count(*) AS articles, count(meeting_type) AS meetings, "
                           "count(DISTINCT province) AS provinces FROM articles", capsys)[0]
    assert front["articles"] == totals["articles"] == len(records)
    assert front["meetings"] == totals["meetings"] and front["provinces"] == totals["provinces"]
    for name, column in {"province": "province", "year": "CAST(year AS VARCHAR)", "type": "meeting_type"}.items():
        expected = grouped(folder, column, capsys)
        assert {v["value"]: v["count"] for v in front["counts"][name]} == expected, name
        soup = soup_of(client, "/")
        shown = {li.a["data-value"]: int(li.select_one(".n")["data-count"]) for li in soup.select(f"#counts-{name} li")}
        assert shown == expected, name


@pytest.mark.parametrize("name", ["province", "year", "type"])
def test_a_front_page_count_filters_the_results_to_its_number(client, name) -> None:
    soup = soup_of(client, "/")
    for item in soup.select(f"#counts-{name} li")[:3]:
        found = client.get(item.a["href"], headers={"Accept": "application/json"}).json()
        assert found["total"] == int(item.select_one(".n")["data-count"]) > 0
        assert found["filters"] == {name: item.a["data-value"]}


def test_front_page_shows_holdings_latest_meetings_and_a_chart(client, data) -> None:
    _, records = data
    soup = soup_of(client, "/")
    assert int(soup.select_one("#n-articles")["data-n"]) == len(records)
    years = sorted({int(r["meeting"]["date"][:4]) for r in records})
    assert soup.select_one("#years").get_text() == f"{years[0]}–{years[-1]}"
    day, month, year = soup.select_one("#updated").get_text().split(": ")[1].split("/")
    assert len(day) == len(month) == 2 and len(year) == 4
    latest = [a["href"] for a in soup.select("#latest .title")]
    newest = max(records, key=lambda r: r["meeting"]["date"])
    assert latest[0] == f"/meeting/{tables.article_id(newest)}" and len(latest) == 8
    assert all(client.get(href).status_code == 200 for href in latest)
    chart = soup.select_one("#chart-years svg")
    assert chart is not None and chart.select("polyline") and not soup.select("[style]")
    types = {r["meeting"]["type"] for r in records}
    assert {g.get_text() for g in chart.select(".chart-legend text")} == {t.capitalize() for t in types} | {"Tất cả"}
    name, points = chart.select_one("desc").get_text().split(";")[0].split(": ")
    per_year = [point.split() for point in points.split(", ")]
    assert name == "Tất cả" and [int(n) for _, n in per_year] == [
        sum(1 for r in records if r["meeting"]["date"][:4] == year) for year, _ in per_year]


def test_a_chart_of_few_meetings_has_whole_ticks(client) -> None:
    soup = soup_of(client, "/province/Cần Thơ")
    ticks = [t.get_text() for t in soup.select("#chart-years svg .chart-tick")]
    assert ticks and all(t.isdigit() for t in ticks)


def test_the_example_query_finds_something(client) -> None:
    soup = soup_of(client, "/")
    href = soup.select_one("#example")["href"]
    assert client.get(href, headers={"Accept": "application/json"}).json()["total"] > 0
    assert soup.select_one("#q")["placeholder"] == "vd. " + soup.select_one("#example").get_text()


def test_official_page_lists_every_meeting_with_title_and_organisation(client, data, capsys) -> None:
    folder, records = data
    key = name_key(HUYEN)
    rows = query(folder, f"SELECT article_id, meeting_date, o.title, organization FROM officials o JOIN articles "
                         f"USING (article_id) WHERE person_key = '{key}' ORDER BY meeting_date", capsys)
    soup = soup_of(client, f"/official/{key}")
    assert soup.select_one("#name").get_text() == HUYEN
    assert [a["href"] for a in soup.select("#meetings .title")] == [f"/meeting/{r['article_id']}" for r in rows]
    assert len(rows) == 2
    dates = [td.get_text() for td in soup.select("#meetings td.date")]
    assert dates == ["15/03/2023", "02/10/2025"]
    roles = [td.get_text() for td in soup.select("#meetings td.role")]
    assert roles[0] == "Phó Chủ tịch" and roles[1].startswith(f"{rows[1]['title']}, {rows[1]['organization']}")
    assert [li.get_text().split(" (")[0] for li in soup.select("#positions li")] == [
        "Phó Chủ tịch", f"{rows[1]['title']}, {rows[1]['organization']}"]
    assert {a["href"] for a in soup.select("#meetings .meta a.cluster")} == {"/cluster/ha%20noi%20cum%205"}
    found = client.get(f"/official/{key}.json").json()
    assert found["name"] == HUYEN and [m["id"] for m in found["meetings"]] == [r["article_id"] for r in rows]
    assert found["meetings"][1]["roles"][0]["cluster_role"] == "cụm trưởng"


def test_an_official_page_comes_in_pages_with_titles_over_all_meetings(client, data, monkeypatch) -> None:
    monkeypatch.setattr(entity_pages, "OFFICIAL_PER_PAGE", 1)
    key = name_key(HUYEN)
    whole = client.get(f"/official/{key}.json", params={"page": "1"}).json()
    assert (whole["total"], whole["pages"], len(whole["meetings"])) == (2, 2, 1)
    second = client.get(whole["links"]["next"], headers={"Accept": "application/json"}).json()
    assert second["page"] == 2 and second["links"] == {"next": None, "prev": whole["links"]["next"].replace(
        "page=2", "page=1")}
    first_meeting, second_meeting = whole["meetings"][0], second["meetings"][0]
    assert first_meeting["id"] != second_meeting["id"] and first_meeting["date"] < second_meeting["date"]
    soup = soup_of(client, f"/official/{key}", page="2")
    assert len(soup.select("#meetings .title")) == 1 and len(soup.select("#positions li")) == 2
    assert soup.select_one("#summary strong").get_text() == "2"
    assert soup.select_one('#pager a[rel="prev"]')["href"].startswith("/official/")
    bad = client.get(f"/official/{key}", params={"page": "x"})
    assert bad.status_code == 400 and "trang" in BeautifulSoup(bad.text, "html.parser").select_one("#message").get_text()


def test_an_official_is_found_whatever_the_spelling(client) -> None:
    assert client.get("/official/" + HUYEN.upper() + ".json").json()["person_key"] == name_key(HUYEN)


def test_cluster_page_by_year_with_members_leaders_and_figures(client, data) -> None:
    _, records = data
    old, new = by_source(records, "a06_"), by_source(records, "can-tho-")
    soup = soup_of(client, "/cluster/can tho cum 2")
    assert soup.select_one("#name").get_text() == "Cụm thi đua số 2 · Cần Thơ"
    for record in (old, new):
        year = record["meeting"]["date"][:4]
        section = soup.select_one(f"#year-{year}")
        assert [a["href"] for a in section.select(".title")] == [f"/meeting/{tables.article_id(record)}"]
        assert section.select_one(".members").get_text().split(": ", 1)[1] == ", ".join(
            unit["name"] for unit in record["member_units"])
    leaders = soup.select("#leaders a.official")
    assert [a.get_text() for a in leaders] == [old["cluster_leader"]["name"], new["cluster_leader"]["name"]]
    for link in leaders:
        assert client.get(link["href"] + ".json").json()["name"] == link.get_text()
    chart = soup.select_one("#figures svg")
    assert "Thu kinh phí công đoàn so với dự toán (chỉ tiêu): 2024 100, 2025 95" in chart.select_one("desc").get_text()
    found = client.get("/cluster/can%20tho%20cum%202.json").json()
    assert [year["year"] for year in found["years"]] == [2025, 2024]
    assert found["figures"] == [{"unit": "%", "series": {
        "Thu kinh phí công đoàn so với dự toán (chỉ tiêu)": [[2024, 100], [2025, 95]]}}]


def test_a_cluster_without_comparable_figures_draws_no_chart(client, data) -> None:
    soup = soup_of(client, "/cluster/ha noi cum 5")
    assert not soup.select("#figures svg") and soup.select_one("#figures .note")
    members = [r for r in data[1] if r["province"] == "Hà Nội" and r["cluster"]["number"] == 5]
    assert len(soup.select(".year .title")) == len(members) >= 2


def figure(kind: str, value: object, unit: str, subject: str) -> dict:
    return {"kind": kind, "value": value, "unit": unit, "subject": subject}


def test_comparable_figures_share_kind_unit_and_subject_whatever_the_year_named() -> None:
    meetings = [
        {"year": 2023, "figures": [figure("target", 2000, "đoàn viên", "Phát triển đoàn viên năm 2023"),
                                   figure("achieved", 40, "%", "thu kinh phí"), figure("stat", 9, "lớp", "lớp học")]},
        {"year": 2023, "figures": [figure("achieved", 55, "%", "Thu  kinh phí")]},
        {"year": 2024, "figures": [figure("target", 1500, "đoàn viên", "phát triển đoàn viên năm 2024"),
                                   figure("achieved", 60, "%", "thu kinh phí"), figure("target", 70, "%", "thu kinh phí"),
                                   figure("stat", True, "lớp", "lớp học")]},
    ]
    charts = {chart["unit"]: chart["series"] for chart in comparable(meetings)}
    assert charts == {"đoàn viên": {"Phát triển đoàn viên (chỉ tiêu)": [(2023, 2000), (2024, 1500)]},
                      "%": {"Thu kinh phí (đạt)": [(2023, 55), (2024, 60)]}}


def test_province_page_lists_its_clusters_and_meetings(client, data, capsys) -> None:
    folder, records = data
    synthetic = records[-1]["province"]
    expected = query(folder, "SELECT lower(strip_accents(province || ' ' || cluster_kind || ' ' || cluster_number)) AS v, "
                             f"count(*) AS n FROM articles WHERE province = '{synthetic}' GROUP BY 1", capsys)
    soup = soup_of(client, f"/province/{synthetic}")
    assert soup.select_one("#name").get_text() == synthetic
    shown = {unquote(li.a["href"]).removeprefix("/cluster/"): int(li.select_one(".n")["data-count"])
             for li in soup.select("#clusters li")}
    assert shown == {row["v"].replace("đ", "d"): row["n"] for row in expected}
    link = soup.select_one("#clusters li a")
    assert client.get(link["href"]).status_code == 200
    total = sum(1 for r in records if r["province"] == synthetic)
    assert len(soup.select("#meetings li")) == min(total, 50) and soup.select_one("#chart-years svg polyline")
    assert client.get(soup.select_one("#search-province")["href"],
                      headers={"Accept": "application/json"}).json()["total"] == total
    found = client.get(f"/province/{synthetic}.json").json()
    assert found["articles"] == total and {c["value"] for c in found["clusters"]} == set(shown)


@pytest.mark.parametrize("path", ["/official/khong co ai", "/cluster/ha noi cum 99", "/province/Atlantis",
                                  "/official/%20", "/cluster/x.json"])
def test_unknown_entities_are_404_in_vietnamese(client, path) -> None:
    response = client.get(path)
    assert response.status_code == 404
    if path.endswith(".json"):
        assert response.json()["error"].startswith("Không có")
    else:
        assert BeautifulSoup(response.text, "html.parser").select_one("#message").get_text().startswith("Không có")


def test_names_link_to_their_pages_in_results_and_meeting_pages(client, data) -> None:
    _, records = data
    soup = soup_of(client, "/", q="cum thi dua so 5", province="Hà Nội")
    result = soup.select_one("#results .result")
    assert result.select_one(".meta a.province")["href"] == "/province/H%C3%A0%20N%E1%BB%99i"
    assert result.select_one(".meta a.cluster")["href"] == "/cluster/ha%20noi%20cum%205"
    record = by_source(records, "a07_")
    page = soup_of(client, f"/meeting/{tables.article_id(record)}")
    people = [a["href"] for a in page.select("#officials a.person")]
    assert len(people) == len(record["officials"])
    for href in people:
        assert client.get(href).status_code == 200
    assert {a["href"] for a in page.select("#entities a")} == {"/province/H%C3%A0%20N%E1%BB%99i",
                                                               "/cluster/ha%20noi%20cum%205"}


def test_the_cluster_leader_links_to_their_page(client, data) -> None:
    _, records = data
    led = [record for record in records if (record.get("cluster_leader") or {}).get("name")]
    assert led
    for record in led:
        page = soup_of(client, f"/meeting/{tables.article_id(record)}")
        leader = next(dd for dt, dd in zip(page.select("#record dt"), page.select("#record dd"))
                      if dt.get_text() == "Cụm trưởng")
        link = leader.select_one("a.person")
        assert link["href"] == official_url(record["cluster_leader"]["name"])
        assert record["cluster_leader"]["name"] in soup_of(client, link["href"]).select_one("#name").get_text()


def test_every_link_from_the_front_page_leads_to_a_page(client) -> None:
    """Follow the site's own links from the front page, two clicks deep: none is broken."""
    seen, level = set(), ["/"]
    for _ in range(3):
        following = []
        for path in level:
            response = client.get(path)
            assert response.status_code == 200, path
            seen.add(path)
            if response.headers["content-type"].startswith("text/html"):
                links = {a["href"] for a in BeautifulSoup(response.text, "html.parser").select("a[href^='/']")}
                following += [link for link in links - seen if not link.startswith(("/export", "/?"))]
        level = sorted(set(following))
    kinds = {path.split("/")[1] for path in seen}
    assert {"official", "cluster", "province", "meeting"} <= kinds


#: English words a page's own text must not show (labels, figure kinds, comparators, pager, messages).
ENGLISH = {"achieved", "target", "stat", "next", "previous", "prev", "page", "pages", "result", "results", "search",
           "meeting", "meetings", "official", "cluster", "province", "members", "leader", "leaders", "error",
           "found", "figures", "total", "year", "type", "date", "sort", "relevance", "export", "close", "evidence",
           "unknown", "none", "null", "true", "false", "invalid", "bad", "method", "allowed"}


def test_no_page_shows_an_english_word(client) -> None:
    """The front page, the pages it links to, a search with facets and the error pages: their text and
    their titles, labels and placeholders (not the article's own text or its address) are Vietnamese."""
    links = {a["href"] for a in soup_of(client, "/").select("a[href^='/']") if not a["href"].startswith("/export")}
    errors = ["/?since=2024-13-01", "/?page=0", "/?year=20x", "/?sort=x", "/nowhere", "/meeting/0", "/official/x",
              "/cluster/x", "/province/x"]
    for path in sorted(links) + ["/?q=cum+thi+dua&sort=date&page=2"] + errors:
        soup = BeautifulSoup(client.get(path).text, "html.parser")
        for part in soup.select("script, style, .article, .source"):
            part.decompose()
        text = soup.get_text(" ") + " ".join(str(tag.get(name, "")) for tag in soup.find_all(True)
                                             for name in ("title", "aria-label", "placeholder", "alt"))
        words = {word.lower() for word in re.findall(r"[A-Za-z]+", text)}
        assert not words & ENGLISH, (path, words & ENGLISH)
