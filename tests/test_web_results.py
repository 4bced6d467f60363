"""Search results on the web: total, pages, sort, facets equal to ``unionnews query``'s counts, suggestions,
CSV and JSON export (Starlette's TestClient over a stored table and archive of synthetic meetings)."""
from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from starlette.testclient import TestClient

from pipeline.archive import index_records
from pipeline.benchmarks.synthetic import meeting_record, official_names, province_wards
from pipeline.cli import main
from pipeline.store import save_records
from pipeline.web.app import make_app

ARTICLES = 130


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """A data folder with the table and the archive of synthetic meetings in three provinces."""
    folder = tmp_path_factory.mktemp("data")
    rng = random.Random(3)
    people, provinces = official_names(rng), [p for p in province_wards() if p[2]][:3]
    save_records(folder, [meeting_record(rng, i, people, provinces) for i in range(ARTICLES)])
    return folder


@pytest.fixture(scope="module")
def client(data) -> TestClient:
    return TestClient(make_app(data))


def query(data: Path, sql: str, capsys) -> list[dict]:
    """Rows of ``unionnews query --format json``."""
    capsys.readouterr()
    assert main(["query", "--data", str(data), "--format", "json", sql]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


SQL_FACETS = {
    "province": "province", "year": "CAST(year AS VARCHAR)", "type": "meeting_type",
    "cluster_key": "lower(strip_accents(province || ' ' || cluster_kind || ' ' || cluster_number))",
}


def sql_counts(data: Path, where: str, capsys) -> tuple[int, dict[str, dict[str, int]]]:
    total = query(data, f"SELECT count(*) AS n FROM articles WHERE {where}", capsys)[0]["n"]
    counts = {}
    for name, column in SQL_FACETS.items():
        rows = query(data, f"SELECT {column} AS v, count(*) AS n FROM articles WHERE {where} AND {column} IS NOT NULL "
                           "GROUP BY 1", capsys)
        counts[name] = {str(row["v"]).replace("đ", "d"): row["n"] for row in rows}
    return total, counts


@pytest.mark.parametrize("params, where", [
    ({"sort": "date"}, "true"),
    ({"year": "2021"}, "year = 2021"),
    ({"type": "giao ban", "year": "2024"}, "meeting_type = 'giao ban' AND year = 2024"),
])
def test_totals_and_facets_equal_unionnews_query(client, data, capsys, params, where) -> None:
    found = client.get("/index.json", params=params).json()
    total, counts = sql_counts(data, where, capsys)
    assert found["total"] == total > 0
    for name, expected in counts.items():
        assert {value["value"]: value["count"] for value in found["facets"][name]} == expected, name


def test_facets_of_a_text_search_count_its_matches(client, data, capsys) -> None:
    found = client.get("/index.json", params={"q": "cum thi dua so 3"}).json()
    ids = [row["id"] for row in client.get("/export.json", params={"q": "cum thi dua so 3"}).json()]
    assert found["total"] == len(ids) > 0
    where = "article_id IN (" + ", ".join(f"'{i}'" for i in ids) + ")"
    total, counts = sql_counts(data, where, capsys)
    assert total == len(ids)
    assert {v["value"]: v["count"] for v in found["facets"]["province"]} == counts["province"]


def test_a_facet_link_filters_to_its_count(client) -> None:
    soup = BeautifulSoup(client.get("/", params={"q": "cum thi dua"}).text, "html.parser")
    link = soup.select_one("#facet-province li a")
    count = int(link.find_next_sibling("span").get_text().replace(".", ""))
    narrowed = BeautifulSoup(client.get(link["href"]).text, "html.parser")
    assert int(narrowed.select_one("#count")["data-total"]) == count
    assert narrowed.select_one("#chips a.chip")


def test_pages_cover_every_result_once(client) -> None:
    first = client.get("/index.json", params={"sort": "date"}).json()
    assert first["total"] == ARTICLES and first["pages"] == -(-ARTICLES // 20) and len(first["results"]) == 20
    seen = []
    for number in range(1, first["pages"] + 1):
        seen += [r["id"] for r in client.get("/index.json", params={"sort": "date", "page": number}).json()["results"]]
    assert len(seen) == len(set(seen)) == ARTICLES
    soup = BeautifulSoup(client.get("/", params={"sort": "date", "page": 2}).text, "html.parser")
    assert soup.select_one("#pager a[rel=next]")["href"].endswith("page=3")
    assert soup.select_one("#pager [aria-current]").get_text() == "2"


def test_sort_by_relevance_or_by_date(client) -> None:
    by_score = client.get("/index.json", params={"q": "cum thi dua so 4", "sort": "relevance"}).json()["results"]
    scores = [r["score"] for r in by_score]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    by_date = client.get("/index.json", params={"q": "cum thi dua so 4", "sort": "date"}).json()["results"]
    dates = [r["meeting_date"] for r in by_date]
    assert dates == sorted(dates, reverse=True) and {r["id"] for r in by_date} != set() and by_date != by_score


def test_no_results_suggest_what_to_try(client) -> None:
    soup = BeautifulSoup(client.get("/", params={"q": "cum thi dua so 4", "year": "1999"}).text, "html.parser")
    assert soup.select_one("#message")
    hrefs = [a["href"] for a in soup.select("#suggestions a")]
    totals = [client.get(href, headers={"Accept": "application/json"}).json()["total"] for href in hrefs]
    assert hrefs and all(total > 0 for total in totals)


def test_bad_page_or_sort_is_a_400(client) -> None:
    assert client.get("/", params={"q": "cum", "page": "x"}).status_code == 400
    assert client.get("/", params={"q": "cum", "sort": "random"}).status_code == 400
    assert client.get("/export.csv", params={"q": "cum", "since": "hôm qua"}).status_code == 400


def test_csv_export_is_utf8_with_bom_and_holds_every_result(client) -> None:
    response = client.get("/export.csv", params={"province": "Hà Nội"})
    total = client.get("/index.json", params={"province": "Hà Nội"}).json()["total"]
    assert response.headers["content-type"].startswith("text/csv") and "attachment" in response.headers[
        "content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == total > 0 and {row["province"] for row in rows} == {"Hà Nội"}
    assert all(row["page"] == f"/meeting/{row['id']}" for row in rows)


def test_json_export_follows_the_page_order(client) -> None:
    params = {"q": "cum thi dua so 4", "sort": "date"}
    exported = client.get("/export.json", params=params).json()
    first_page = client.get("/index.json", params=params).json()["results"]
    assert [row["id"] for row in exported[:20]] == [r["id"] for r in first_page]


def test_counts_are_written_with_vietnamese_separators(tmp_path) -> None:
    rng = random.Random(4)
    people, provinces = official_names(rng), [p for p in province_wards() if p[2]][:1]
    index_records(tmp_path, [meeting_record(rng, i, people, provinces) for i in range(1100)])
    soup = BeautifulSoup(TestClient(make_app(tmp_path)).get("/", params={"q": "cum thi dua"}).text, "html.parser")
    total = int(soup.select_one("#count")["data-total"])
    assert total > 1000
    assert soup.select_one("#count").get_text().startswith(f"{total:,} hội nghị".replace(",", "."))
    province_count = soup.select_one("#facet-province .n").get_text()
    assert province_count == f"{total:,}".replace(",", ".")  # one province: all of them
