"""``unionnews search`` on the command line."""
from __future__ import annotations

import json

from pipeline.cli import main
from test_archive_samples import sample_archive  # noqa: F401  (fixture)


def test_json_prints_one_result_per_line(sample_archive, capsys) -> None:
    data_dir, _ = sample_archive
    code = main(["search", "--data", str(data_dir), "--format", "json", "dinh thi thu huyen"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0 and len(lines) == 2
    results = [json.loads(line) for line in lines]
    for field in ("source", "url", "title", "meeting_date", "cluster", "province", "score", "snippet"):
        assert all(field in result for result in results)
    assert results[0]["score"] >= results[1]["score"]
    assert all("Thu Huyền" in result["snippet"] for result in results)


def test_filters_on_the_command_line(sample_archive, capsys) -> None:
    data_dir, records = sample_archive
    args = ["search", "--data", str(data_dir), "--format", "json", "--province", "Can Tho", "--cluster", "2",
            "--since", "2025-01-01", "--until", "2025-12-31", "cum thi dua"]
    assert main(args) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    expected = [r["source"] for r in records
                if r["province"] == "Cần Thơ" and r["cluster"]["number"] == 2 and r["meeting"]["date"] >= "2025"]
    assert [r["source"] for r in results] == expected and expected


def test_text_format_names_title_and_place(sample_archive, capsys) -> None:
    data_dir, records = sample_archive
    assert main(["search", "--data", str(data_dir), "khoi thi dua so 6 ha long"]) == 0
    out = capsys.readouterr().out
    meeting = next(r for r in records if r["source"].startswith("a08_"))
    assert out.startswith(f"1. {meeting['title']}") and "Quảng Ninh" in out


def test_nothing_found_is_not_an_error(sample_archive, capsys) -> None:
    data_dir, _ = sample_archive
    assert main(["search", "--data", str(data_dir), "--format", "json", "Trịnh Quốc Khánh"]) == 0
    assert capsys.readouterr().out == ""


def test_bad_date_and_missing_archive_exit_2_with_one_line(sample_archive, tmp_path, capsys) -> None:
    data_dir, _ = sample_archive
    assert main(["search", "--data", str(data_dir), "--since", "2022-02-30", "cum"]) == 2
    assert main(["search", "--data", str(tmp_path), "cum"]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 2 and "2022-02-30" in errors[0] and "no archive yet" in errors[1]
