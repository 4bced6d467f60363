"""Each command imports only what it uses: which heavy libraries a fresh interpreter has loaded after
running ``--help``, ``search``, ``query`` or the start of ``serve``. (How long that takes is measured by
``unionnews bench startup``, not here.)"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from data_sources import ROOT
from pipeline.store import save_records
from test_tables import gold_records

HEAVY = {"spacy", "underthesea", "trafilatura", "pyarrow", "duckdb", "pandas", "tantivy", "jinja2", "deltalake", "dask",
         "distributed"}

RUN = """
import contextlib, io, json, sys
from pipeline.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    code = main(sys.argv[1:])
print(json.dumps(sorted(name for name in {heavy} if name in sys.modules)))
"""

SERVE = """
import json, sys
from pipeline.cli import build_parser
args = build_parser().parse_args(["serve", "--data", sys.argv[1], "--port", "0"])
from pipeline.web.server import bind, server_config
bind(args.host, args.port).close()
server_config(args.data, args.host, args.port)
print(json.dumps(sorted(name for name in {heavy} if name in sys.modules)))
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """A data folder with tables and an archive."""
    folder = tmp_path_factory.mktemp("data")
    save_records(folder, gold_records())
    return folder


def loaded(code: str, *args: str | Path) -> set[str]:
    """The heavy libraries loaded once ``code`` has run in a fresh interpreter with ``args``."""
    done = subprocess.run([sys.executable, "-c", code.format(heavy=sorted(HEAVY)), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_help_imports_no_heavy_library() -> None:
    assert loaded(RUN, "--help") == set()
    assert loaded(RUN, "search", "--help") == set()


def test_search_imports_the_index_and_nothing_else(data: Path) -> None:
    assert loaded(RUN, "search", "--data", data, "cum thi dua") == {"tantivy"}


def test_query_imports_duckdb_and_the_delta_log_reader_and_nothing_else(data: Path) -> None:
    assert loaded(RUN, "query", "--data", data, "SELECT count(*) FROM articles") == {"duckdb", "deltalake"}


def test_serve_imports_the_index_and_the_templates(data: Path) -> None:
    assert loaded(SERVE, data) == {"tantivy", "jinja2"}


def test_the_check_sees_a_heavy_import(data: Path) -> None:
    assert {"pyarrow", "tantivy", "deltalake"} <= loaded(RUN, "ingest", "--data", data,
                                                          ROOT / "corpus" / "articles" / "missing.txt")
