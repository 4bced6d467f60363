"""Bad inputs: the CLI reports each in one clear line and goes on; the reader and the engine never crash."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_sources import CORPUS
from extract_helpers import article_text, run_cli
from pipeline.normalizer import extract_record as extract
from scrapers.article import NotAnArticle
from scrapers.reading import decode_text, read_html, read_text

GOOD_HTML = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta property="og:title" content="Cụm thi đua số 8 giao ban quý II">
<meta property="article:published_time" content="2025-05-15T09:30:00+07:00"></head>
<body><article><h1>Cụm thi đua số 8 giao ban quý II</h1>
<p>Sáng 14/5, tại xã Con Cuông, Cụm thi đua số 8 LĐLĐ tỉnh Nghệ An tổ chức hội nghị giao ban công tác công đoàn
quý II năm 2025 với sự tham dự của lãnh đạo các công đoàn xã trong cụm.</p>
<p>Các công đoàn thành viên báo cáo kết quả chăm lo cho đoàn viên, người lao động và thống nhất nhiều nội dung
phối hợp trong những tháng còn lại của năm.</p>
<p>Ngọc Anh</p></article></body></html>"""


def bad_inputs(folder: Path) -> dict[str, Path]:
    """One input of each kind the CLI must refuse, written into ``folder`` (the missing one is not written)."""
    paths = {
        "empty": folder / "rong.txt",
        "binary": folder / "anh.txt",
        "binary_html": folder / "anh.html",
        "huge": folder / "qua-lon.html",
        "english": folder / "english.html",
        "malformed": folder / "hong.html",
        "missing": folder / "khong-co.txt",
    }
    paths["empty"].write_bytes(b"")
    paths["binary"].write_bytes(b"\x00\x01\x02\xff\xfe" + bytes(range(256)) * 40)
    paths["binary_html"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    block = "<p>" + "Cụm thi đua số 8 tổ chức hội nghị giao ban. " * 20 + "</p>\n"
    with open(paths["huge"], "w", encoding="utf-8") as out:
        out.write("<html><head><title>Trang rất lớn</title></head><body>")
        for _ in range(20 * 1024 * 1024 // len(block.encode()) + 1):
            out.write(block)
        out.write("</body></html>")
    assert paths["huge"].stat().st_size >= 20 * 1024 * 1024
    english = "".join(f"<p>The trade union cluster number {i} held its annual meeting on Monday to review the "
                      f"results of the year and to plan the next one; many delegates attended.</p>" for i in range(8))
    paths["english"].write_text(f"<html><head><title>Union news</title></head><body><article><h1>Union meeting held"
                                f"</h1>{english}<p>John Smith</p></article></body></html>", encoding="utf-8")
    paths["malformed"].write_text("<html><body><p>Sáng 3/4 <b>Cụm thi đua <i>số 2</p></div></span><<<>>> &&&; "
                                  "<table><tr><td>LĐLĐ<script>var x = \"", encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    """One CLI call over the bad inputs with two good ones among them."""
    folder = tmp_path_factory.mktemp("mixed")
    bad = bad_inputs(folder)
    good_html = folder / "tot.html"
    good_html.write_text(GOOD_HTML, encoding="utf-8")
    good_text = sorted((CORPUS / "articles").glob("*.txt"))[0]
    args = [bad["empty"], bad["binary"], good_text, bad["binary_html"], bad["huge"], bad["english"], good_html,
            bad["malformed"], bad["missing"]]
    return bad, run_cli("extract", "--format", "jsonl", "--no-text", *args), [good_text.name, good_html.name]


def test_exit_code_1_when_some_inputs_fail(mixed_run) -> None:
    _, done, _ = mixed_run
    assert done.returncode == 1, done.stderr


def test_good_inputs_still_printed(mixed_run) -> None:
    _, done, good = mixed_run
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert [r["source"] for r in records] == good
    assert records[1]["cluster"]["number"] == 8
    assert records[1]["published_date"] == "2025-05-15"


def test_one_clear_line_per_bad_input(mixed_run) -> None:
    bad, done, _ = mixed_run
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == len(bad), done.stderr
    for kind, path in bad.items():
        mine = [line for line in lines if path.name in line]
        assert len(mine) == 1, f"{kind}: {lines}"
        assert len(mine[0]) < 300


@pytest.mark.parametrize(("kind", "words"), [
    ("empty", ["empty"]), ("binary", ["binary"]), ("binary_html", ["binary"]), ("huge", ["large"]),
    ("english", ["vietnamese", "article", "text"]), ("missing", ["no such file", "not found"]),
])
def test_error_line_says_what_is_wrong(mixed_run, kind: str, words: list[str]) -> None:
    bad, done, _ = mixed_run
    [line] = [line for line in done.stderr.splitlines() if bad[kind].name in line]
    assert any(word in line.casefold() for word in words), line


def test_exit_code_2_when_nothing_succeeds(tmp_path: Path) -> None:
    bad = bad_inputs(tmp_path)
    done = run_cli("extract", bad["empty"], bad["english"], bad["missing"], tmp_path)
    assert done.returncode == 2
    assert done.stdout.strip() == ""
    assert "Traceback" not in done.stderr
    for path in (bad["empty"], bad["english"], bad["missing"]):
        assert path.name in done.stderr


# --------------------------------------------------------------------------- property-based

SYLLABLES = ["Cụm", "thi", "đua", "số", "Khối", "LĐLĐ", "tỉnh", "huyện", "xã", "phường", "quận", "Công", "đoàn",
             "Chủ", "tịch", "Phó", "đồng", "chí", "Nguyễn", "Thị", "Hòa", "Hoà", "Thuỷ", "nguyên", "gồm", "các",
             "Sáng", "nay", "ngày", "tháng", "năm", "đạt", "trên", "hơn", "gần", "trở", "lên", "đồng", "tỉ",
             "triệu", "đoàn viên", "Quyết", "định", "QĐ-LĐLĐ", "NQ/TW", "Cụm trưởng", "tại", "hội", "nghị",
             "tổng", "kết", "sơ", "giao", "ban", "Hà", "Nội", "Thanh", "Hóa", "Nghệ", "An", "CĐVC", "Hồ", "Chí",
             "Minh", "XuânBá", "Ủy", "viên", "Ban", "Thường", "vụ", "date", "Bài:", "Theo", "V", "IV", "XII"]
PUNCTUATION = ["/", ".", ",", "%", "-", ":", "(", ")", ";", "–", "“", "”", "|", "\n", "\n\n", " ", " ", " "]
TOKENS = st.one_of(st.sampled_from(SYLLABLES), st.sampled_from(PUNCTUATION),
                   st.integers(min_value=0, max_value=3_000_000).map(str),
                   st.sampled_from(["15.248", "88,2", "3,5", "2.122.280.000đ", "30/11", "19/7/2022", "2025-08-09",
                                    "17:05 | 19/07/2022", "737/QĐ-LĐLĐ", "02-NQ/TW"]))
VIETNAMESE_MIX = st.lists(TOKENS, min_size=60, max_size=400).map(lambda parts: " ".join(parts))
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def extract_or_refuse(text: str) -> None:
    try:
        article = read_text(text, "x.txt")
    except NotAnArticle:
        return
    record = extract(article)
    for where in record["evidence"].values():
        assert 0 <= where[0] <= where[1] <= len(record["text"])
    json.dumps(record, ensure_ascii=False)


@PROPERTY
@given(st.text(max_size=2000))
def test_engine_never_crashes_on_any_text(text: str) -> None:
    extract_or_refuse(text)


@PROPERTY
@given(VIETNAMESE_MIX)
def test_engine_never_crashes_on_vietnamese_looking_text(text: str) -> None:
    extract_or_refuse(text)


@PROPERTY
@given(VIETNAMESE_MIX)
def test_engine_never_crashes_on_an_article_with_random_paragraphs(body: str) -> None:
    extract_or_refuse(article_text(body, body[::-1], title="Cụm thi đua số 2 " + body[:60], date="2025-08-09"))


@PROPERTY
@given(st.one_of(st.text(max_size=2000), st.binary(max_size=2000), VIETNAMESE_MIX.map(lambda s: f"<html><body><p>{s}</p></body></html>"),
                 VIETNAMESE_MIX.map(lambda s: f"<div><p>{s}<b></i></table><meta property='og:title' content='{s[:40]}'>")))
def test_html_reader_never_crashes(html: str | bytes) -> None:
    try:
        read_html(html, "x.html")
    except NotAnArticle:
        pass


@PROPERTY
@given(st.one_of(st.binary(max_size=3000), VIETNAMESE_MIX.map(lambda s: s.encode("utf-8")),
                 VIETNAMESE_MIX.map(lambda s: s.encode("utf-16"))))
def test_text_file_bytes_never_crash_the_reader(data: bytes) -> None:
    try:
        text = decode_text(data)
    except NotAnArticle:
        return
    extract_or_refuse(text)
