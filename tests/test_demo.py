"""The README's first command: `unionnews demo` runs the whole pipeline offline on the sample site."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

from pipeline.commands.demo import program
from table_reads import duckdb_sql


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo(data: Path, port: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", "demo", "--data", str(data), "--port", str(port)],
                          capture_output=True, text=True, timeout=300)


def test_demo_crawls_the_sample_site_into_tables_and_archive(tmp_path: Path) -> None:
    port = free_port()
    first = demo(tmp_path, port)
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    counts = re.search(r"(\d+) articles, (\d+) meetings, (\d+) officials, (\d+) figures", first.stdout)
    assert counts, first.stdout
    articles, meetings, officials, figures = map(int, counts.groups())
    gold = (Path(__file__).parents[1] / "corpus" / "gold" / "site.jsonl").read_text(encoding="utf-8").splitlines()
    assert articles >= len(gold) and meetings >= 1 and officials >= 1 and figures >= 1
    assert duckdb_sql(tmp_path, "SELECT count(*) FROM records") == [(articles,)]
    assert "unionnews-admin-canary" not in duckdb_sql(tmp_path, "SELECT string_agg(text, ' ') FROM records")[0][0]
    found = subprocess.run([sys.executable, "-m", "pipeline", "search", "--data", str(tmp_path), "--format", "json",
                            "cum thi dua so 2 can tho"], capture_output=True, text=True, timeout=120)
    assert found.returncode == 0 and "Cần Thơ" in found.stdout.splitlines()[0]
    try_next = [line.strip() for line in first.stdout.split("Try next:\n")[1].splitlines() if " serve " not in line]
    assert len(try_next) == 3
    for command in try_next:  # pasted into a shell as printed
        done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and done.stdout.strip(), f"{command}: {done.stderr}"


def test_try_next_names_the_command_as_it_was_called(tmp_path: Path, monkeypatch) -> None:
    script = tmp_path / "bin" / "unionnews"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.delenv("UNIONNEWS_PROG", raising=False)
    monkeypatch.setattr(sys, "argv", [str(script), "demo"])
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert program() == str(script)
    monkeypatch.setenv("PATH", f"{script.parent}:/usr/bin:/bin")
    assert program() == "unionnews"
    monkeypatch.setenv("UNIONNEWS_PROG", "./dev")
    assert program() == "./dev"


def test_second_demo_run_fetches_no_unchanged_page(tmp_path: Path) -> None:
    port = free_port()
    assert demo(tmp_path, port).returncode == 0
    second = demo(tmp_path, port)
    assert second.returncode == 0, second.stderr
    row = next(line for line in second.stdout.splitlines() if line.startswith(f"127.0.0.1:{port}"))
    discovered, fetched, not_modified = map(int, row.split()[1:4])
    assert fetched == 0 and not_modified > 0


def test_demo_reports_a_busy_port_in_one_line(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = demo(tmp_path, busy.getsockname()[1])
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--port" in result.stderr
