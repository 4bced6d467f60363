"""Odd input files on the command line: UTF-16 text with a byte-order mark, a named pipe, an empty or cut WARC."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract_helpers import ROOT, article_text
from pipeline import sources
from test_sources import write_warc

TEXT = article_text("Sáng 14/3, Cụm thi đua số 4 tổ chức hội nghị giao ban quý I tại thành phố Vinh.",
                    title="Cụm thi đua số 4 giao ban quý I")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_text_with_a_byte_order_mark_is_read_not_refused_as_binary(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bai.txt"
    data = TEXT.encode(encoding)
    path.write_bytes(data if encoding in ("utf-16", "utf-32") else b"\xfe\xff" + data)
    errors: list[str] = []
    [item] = sources.articles([path], errors.append)
    assert errors == [] and item.article.title == "Cụm thi đua số 4 giao ban quý I"


def test_a_utf16_page_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bai.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in TEXT.split("\n\n")[1:])
    path.write_bytes(f"<html><body><h1>Cụm thi đua số 4 giao ban quý I</h1>{paragraphs}</body></html>".encode("utf-16"))
    errors: list[str] = []
    [item] = sources.articles([path], errors.append)
    assert errors == [] and item.article.title == "Cụm thi đua số 4 giao ban quý I"


def test_binary_data_without_a_byte_order_mark_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    errors: list[str] = []
    assert list(sources.articles([path], errors.append)) == []
    assert errors == [f"unionnews: {path}: binary file, not text"]


def run_extract(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "extract", "--format", "jsonl", "--no-text", *map(str, paths)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_extract_does_not_hang_on_a_named_pipe_and_reads_the_next_file(tmp_path: Path) -> None:
    fifo, good = tmp_path / "ong.txt", tmp_path / "bai.txt"
    os.mkfifo(fifo)
    good.write_text(TEXT, encoding="utf-8")
    done = run_extract(fifo, good)  # no writer ever opens the pipe: reading it would block forever
    assert done.returncode == 1 and len(done.stdout.splitlines()) == 1
    assert done.stderr.strip() == f"unionnews: {fifo}: not a regular file"


@pytest.mark.parametrize("keep", [0, 40])
def test_an_empty_or_cut_short_warc_gives_a_message_not_silence(tmp_path: Path, keep: int) -> None:
    whole, cut = tmp_path / "whole.warc.gz", tmp_path / "cut.warc.gz"
    write_warc(whole, 2)
    cut.write_bytes(whole.read_bytes()[:keep])
    done = run_extract(cut)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == f"unionnews: {cut}: not a WARC file (no records in it)"


@pytest.mark.parametrize("where", ["in the headers", "in the body"])
def test_a_warc_cut_inside_its_last_record_keeps_the_records_before_and_says_so(tmp_path: Path, where: str) -> None:
    two, three, cut = tmp_path / "two.warc.gz", tmp_path / "three.warc.gz", tmp_path / "cut.warc.gz"
    write_warc(two, 2)  # two articles and a listing page
    write_warc(three, 3)
    whole = three.read_bytes()
    cut.write_bytes(whole[: two.stat().st_size + (40 if where == "in the headers" else 600)])
    done = run_extract(cut)
    assert done.returncode == 1 and len(done.stdout.splitlines()) == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"unionnews: {cut} (record at byte ") and "torn record at the end" in line
