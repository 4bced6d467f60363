"""``unionnews query``, the views it registers, ``pipeline.load`` and the analyst questions of docs/tables.md."""
from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path

import pytest

import pipeline
from pipeline.cli import main
from pipeline.views import connect
from pipeline.store import save_records
from pipeline.benchmarks.synthetic import vi_number
from pipeline.tables import name_key
from table_reads import plain_counts
from test_tables import gold_records

DOC_QUERIES = re.findall(r"```sql\n(.*?)```", (Path(__file__).resolve().parents[1] / "docs" / "tables.md")
                         .read_text(encoding="utf-8"), re.S)
RESPELT = {"Thủy": "Thuỷ", "Thúy": "Thuý", "Hòa": "Hoà"}


def respelt(name: str) -> str:
    """``name`` with the other tone placement, where it has a syllable that allows one."""
    return " ".join(RESPELT.get(part, part) for part in name.split())


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """A data folder with the gold records (percentages with evidence spans), plus one more
    article in another cluster naming a gold official with the other tone placement."""
    records = gold_records()
    for record in records:
        for figure in record["figures"]:
            start = record["text"].find(f"{vi_number(figure['value'])}%") if figure["unit"] == "%" else -1
            if start >= 0:
                figure["evidence"] = [start, start + len(vi_number(figure["value"])) + 1]
    official = next(o for r in records for o in r["officials"] if respelt(o["name"]) != o["name"])
    extra = copy.deepcopy(records[4])
    extra.update(source="extra.txt", cluster={"number": 5, "name": "Khối thi đua số 5", "kind": "khối"})
    extra["officials"] = [{**official, "name": respelt(official["name"])}]
    folder = tmp_path_factory.mktemp("data")
    save_records(folder, [*records, extra])
    return folder


def query(data: Path, sql: str, *options: str) -> int:
    """Run ``unionnews query``; returns the exit code."""
    return main(["query", "--data", str(data), *options, sql])


def test_tables_are_views_by_name_printed_as_a_table(data, capsys):
    assert query(data, "SELECT province, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1") == 0
    out = capsys.readouterr().out
    assert "Thanh Hóa" in out and "Hà Nội" in out and "│" in out


def test_csv_and_json_hold_the_same_rows_as_duckdb(data, capsys):
    sql = "SELECT province, year, count(*) AS n FROM articles GROUP BY ALL ORDER BY ALL"
    assert query(data, sql, "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert query(data, sql, "--format", "json") == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    expected = connect(data).sql(sql).fetchall()
    assert [(r["province"] or None, int(r["year"]), int(r["n"])) for r in rows] == expected
    assert [(o["province"], o["year"], o["n"]) for o in objects] == expected


def test_json_writes_dates_as_iso_strings(data, capsys):
    assert query(data, "SELECT meeting_date FROM articles WHERE meeting_date IS NOT NULL LIMIT 1",
                 "--format", "json") == 0
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", json.loads(capsys.readouterr().out)["meeting_date"])


def test_a_sql_error_is_one_line_and_exit_code_2(data, capsys):
    assert query(data, "SELECT no_such_column FROM articles") == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "no_such_column" in err


def test_an_empty_data_folder_says_so(tmp_path, capsys):
    assert query(tmp_path, "SELECT 1") == 2
    assert "no tables" in capsys.readouterr().err


def test_views_give_null_and_integer_for_unknown_partitions(data):
    con = connect(data)
    assert con.sql("SELECT count(*) FROM articles WHERE province IS NULL").fetchall()[0][0] == \
        sum(1 for r in gold_records() if r["province"] is None)
    assert con.sql("SELECT DISTINCT typeof(year) FROM officials").fetchall() == [("INTEGER",)]


def test_load_returns_a_dataframe_of_the_table(data):
    frame = pipeline.load("member_units", data)
    assert len(frame) == plain_counts(data)["member_units"]
    assert {"article_id", "admin_code", "province", "year"} <= set(frame.columns)
    with pytest.raises(ValueError):
        pipeline.load("no_such_table", data)


def test_there_are_five_analyst_questions_and_each_runs(data):
    con = connect(data)
    assert len(DOC_QUERIES) == 5
    for sql in DOC_QUERIES:
        con.sql(sql).fetchall()


def test_the_cross_cluster_question_finds_one_person_spelt_two_ways(data):
    con = connect(data)
    rows = con.sql(next(q for q in DOC_QUERIES if "HAVING" in q)).fetchall()
    assert len(rows) == 1
    person_key, name, clusters, _ = rows[0]
    assert clusters == 2 and person_key == name_key(name)
    spellings = {n for (n,) in con.execute("SELECT DISTINCT name FROM officials WHERE person_key = ?",
                                          [person_key]).fetchall()}
    assert len(spellings) == 2 and {respelt(n) for n in spellings} & spellings


def test_the_evidence_question_shows_the_number_each_figure_was_read_from(data):
    rows = connect(data).sql(next(q for q in DOC_QUERIES if "substr(" in q)).fetchall()
    assert rows
    for _source, _kind, value, unit, _subject, evidence in rows:
        assert evidence == f"{vi_number(value if value % 1 else int(value))}{unit}"


def test_the_readme_shows_the_same_five_questions():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert set(DOC_QUERIES) <= set(re.findall(r"```sql\n(.*?)```", readme, re.DOTALL))
