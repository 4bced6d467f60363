"""The archive index: folding, ranking, filters, upserts, failures."""
from __future__ import annotations

import copy
import subprocess
import sys

import pytest
import tantivy

from pipeline import archive, tables
from test_archive_samples import by_source, sample_archive, sample_records  # noqa: F401  (fixture)


def sources(results: list[dict]) -> list[str]:
    return [result["source"] for result in results]


def test_name_without_diacritics_finds_the_official(sample_archive) -> None:
    data_dir, records = sample_archive
    results = archive.search(data_dir, "dinh thi thu huyen")
    named = {r["source"] for r in records if any(o["name"] == "Đinh Thị Thu Huyền" for o in r["officials"])}
    assert set(sources(results)) == named and len(named) == 2


def test_accents_and_case_do_not_matter(sample_archive) -> None:
    data_dir, _ = sample_archive
    plain = archive.search(data_dir, "khoi thi dua so 6 ha long")
    for variant in ("Khối thi đua số 6 Hạ Long", "KHỐI THI ĐUA SỐ 6 HẠ LONG"):
        assert sources(archive.search(data_dir, variant)) == sources(plain)
    assert sources(plain)[0].startswith("a08_")


def test_d_with_stroke_folds_to_d(tmp_path) -> None:
    record = {"source": "a.txt", "title": "Tin ngắn", "text": "Quỹ được hai triệu đồng."}
    archive.index_records(tmp_path, [record])
    assert sources(archive.search(tmp_path, "dong")) == ["a.txt"]
    assert sources(archive.search(tmp_path, "ĐỒNG")) == ["a.txt"]


def test_name_that_appears_nowhere_finds_nothing(sample_archive) -> None:
    data_dir, _ = sample_archive
    assert archive.search(data_dir, "Trịnh Quốc Khánh") == []


def test_syllables_of_a_name_scattered_in_the_text_do_not_match(tmp_path) -> None:
    record = {"source": "a.txt", "title": "Tin", "text": "Ông Nguyễn Văn An nói về khoa học."}
    archive.index_records(tmp_path, [record])
    assert archive.search(tmp_path, "nguyen van khoa") == []
    assert sources(archive.search(tmp_path, "nguyen van an")) == ["a.txt"]
    assert sources(archive.search(tmp_path, "van an khoa hoc")) == ["a.txt"]


def test_phrase_match_ranks_first(tmp_path) -> None:
    records = [
        {"source": "scattered.txt", "title": "Tin", "text": "Cụm trưởng Lê Hà phát biểu. Thi đua ở Lang Chánh sôi nổi."},
        {"source": "phrase.txt", "title": "Tin", "text": "Hội nghị ở Lang Chánh. Cụm trưởng Lê Hà có mặt."},
    ]
    archive.index_records(tmp_path, records)
    results = archive.search(tmp_path, "lang chanh cum truong")
    assert sources(results)[0] == "phrase.txt"
    assert results[0]["score"] > results[1]["score"]


def test_filters_select_province_cluster_and_dates(sample_archive) -> None:
    data_dir, records = sample_archive
    can_tho = archive.search(data_dir, "", province="can tho")
    assert set(sources(can_tho)) == {r["source"] for r in records if r["province"] == "Cần Thơ"}
    cluster_2 = archive.search(data_dir, "cum thi dua", cluster=2)
    assert {r["cluster"] for r in cluster_2} == {2} and len(cluster_2) == 2
    in_autumn = archive.search(data_dir, "", since="2025-09-01", until="2025-10-31")
    expected = {r["source"] for r in records if "2025-09-01" <= r["meeting"]["date"] <= "2025-10-31"}
    assert set(sources(in_autumn)) == expected and len(expected) == 2
    as_written_in_vietnamese = archive.search(data_dir, "", since="01/09/2025", until="31/10/2025")
    assert sources(as_written_in_vietnamese) == sources(in_autumn)


def test_empty_query_lists_latest_meeting_first(sample_archive) -> None:
    data_dir, records = sample_archive
    dates = [r["meeting_date"] for r in archive.search(data_dir, "")]
    assert dates == sorted((r["meeting"]["date"] for r in records), reverse=True)


@pytest.mark.parametrize(
    "arguments",
    [
        {"since": "2022-13-01"},
        {"until": "tomorrow"},
        {"since": "2023-01-01", "until": "2022-01-01"},
        {"cluster": "abc"},
        {"text": "x" * 5000},
        {"text": " ".join(["cum"] * 40)},
        {"limit": 0},
    ],
)
def test_bad_queries_get_a_one_line_message(sample_archive, arguments) -> None:
    data_dir, _ = sample_archive
    arguments = {"text": "cum", **arguments}
    with pytest.raises(archive.BadQuery) as error:
        archive.search(data_dir, **arguments)
    assert str(error.value) and "\n" not in str(error.value)


def test_missing_archive_is_reported(tmp_path) -> None:
    with pytest.raises(archive.NoArchive, match="no archive yet"):
        archive.search(tmp_path, "cum")


def test_snippet_marks_the_query_words(sample_archive) -> None:
    data_dir, _ = sample_archive
    result = archive.search(data_dir, "ha long")[0]
    marked = [result["snippet"][start:end] for start, end in result["highlights"]]
    assert marked and {archive.fold_key(word) for word in marked} <= {"ha", "long"}


def test_snippet_of_a_long_text_is_a_window_around_the_match(tmp_path) -> None:
    text = "Mở đầu. " + "Câu không liên quan. " * 30 + "Bà Lò Thị Mai phát biểu. " + "Câu kết thúc. " * 30
    archive.index_records(tmp_path, [{"source": "a.txt", "title": "Tin", "text": text}])
    result = archive.search(tmp_path, "lo thi mai")[0]
    snippet = result["snippet"]
    assert snippet.startswith("… ") and snippet.endswith(" …") and len(snippet) <= archive.SNIPPET_CHARS + 4
    assert [snippet[start:end] for start, end in result["highlights"]] == ["Lò", "Thị", "Mai"]


def test_get_returns_the_stored_record_with_text_and_evidence(sample_archive) -> None:
    data_dir, records = sample_archive
    record = by_source(records, "a07_")
    stored = archive.get(data_dir, tables.article_id(record))
    assert stored["text"] == record["text"] and stored["evidence"] == record["evidence"]
    assert stored["officials"] == record["officials"]
    assert archive.get(data_dir, "0" * 16) is None
    assert archive.get(data_dir, "../../etc/passwd") is None


def test_indexing_again_replaces_the_article(tmp_path) -> None:
    records = sample_records()
    archive.index_records(tmp_path, records)
    changed = copy.deepcopy(records[0])
    changed["title"] = "Tiêu đề mới toanh"
    changed["text"] = changed["text"].replace(records[0]["title"], changed["title"])
    archive.index_records(tmp_path, [changed, changed])
    archive.index_records(tmp_path, records[1:])
    assert len(archive.search(tmp_path, "", limit=100)) == len(records)
    assert sources(archive.search(tmp_path, "moi toanh")) == [records[0]["source"]]
    assert archive.get(tmp_path, tables.article_id(records[0]))["title"] == changed["title"]


def test_a_failing_batch_leaves_the_archive_as_it_was(tmp_path) -> None:
    records = sample_records()
    archive.index_records(tmp_path, records[:2])
    broken = {"title": "không có nguồn"}
    with pytest.raises(KeyError):
        archive.index_records(tmp_path, [records[2], broken])
    assert set(sources(archive.search(tmp_path, ""))) == {records[0]["source"], records[1]["source"]}
    archive.index_records(tmp_path, records[2:3])
    assert len(archive.search(tmp_path, "")) == 3


KILLED_WRITER = """
import sys
from pipeline import archive
for batch in range(1000):
    text = "Hội nghị giao ban cụm thi đua. " * 200
    archive.index_records(sys.argv[1], [{"source": f"{batch}-{i}.txt", "title": "Tin", "text": text} for i in range(30)])
    print(batch, flush=True)
"""


def test_a_killed_writer_leaves_a_readable_archive(tmp_path) -> None:
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(3):
            child.stdout.readline()
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
    searcher = tantivy.Index.open(str(tmp_path / archive.ARCHIVE_DIR)).searcher()
    assert searcher.num_docs >= 90 and searcher.num_docs % 30 == 0
    assert len(archive.search(tmp_path, "giao ban", limit=50)) == 50


def test_records_indexed_by_another_process_are_found(tmp_path) -> None:
    archive.index_records(tmp_path, [{"source": "a.txt", "title": "Tin", "text": "Họp ở Thọ Xuân."}])
    assert sources(archive.search(tmp_path, "")) == ["a.txt"]
    code = "import sys; from pipeline import archive; archive.index_records(sys.argv[1], " \
           "[{'source': 'b.txt', 'title': 'Tin', 'text': 'Họp ở Yên Định.'}])"
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, timeout=60)
    assert sources(archive.search(tmp_path, "yen dinh")) == ["b.txt"]


def test_related_links_same_official_and_same_cluster(sample_archive) -> None:
    data_dir, records = sample_archive
    hanoi = archive.get(data_dir, tables.article_id(by_source(records, "a07_")))
    links = archive.related(data_dir, hanoi)
    assert sources(links["officials"]["Đinh Thị Thu Huyền"]) == ["hostile.txt"]
    assert links["officials"]["Lưu Minh Đức"] == []
    assert sources(links["cluster"]) == ["hostile.txt"]
    can_tho_2 = archive.get(data_dir, tables.article_id(by_source(records, "can-tho-")))
    assert sources(archive.related(data_dir, can_tho_2)["cluster"]) == [by_source(records, "a06_")["source"]]

