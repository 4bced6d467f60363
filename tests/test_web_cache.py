"""The server's answer cache (pipeline/web/cache.py): the same answer while the archive is unchanged, a new
one as soon as a commit changes it; errors and exports never kept."""
from __future__ import annotations

import copy

import requests

from pipeline import archive, tables
from pipeline.web.server import serving
from test_archive_samples import sample_records


def test_answers_follow_the_archive(tmp_path) -> None:
    records = sample_records()
    archive.index_records(tmp_path, records[:3])
    added = copy.deepcopy(records[0])
    added.update(source="added.txt", url="https://example.org/tin/added.txt", title="Hội nghị thêm vào kho sau cùng")
    with serving(tmp_path) as base, requests.Session() as http:
        first = http.get(f"{base}/?q=them+vao+kho", headers={"Accept": "application/json"})
        again = http.get(f"{base}/?q=them+vao+kho", headers={"Accept": "application/json"})
        assert first.status_code == again.status_code == 200 and first.json()["total"] == 0
        assert again.content == first.content
        assert again.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
        html = http.get(f"{base}/?q=them+vao+kho")
        assert html.headers["content-type"].startswith("text/html")  # the Accept header is part of the key
        missing = f"{base}/meeting/{tables.article_id(added)}"
        assert http.get(missing).status_code == 404

        archive.index_records(tmp_path, [added])
        assert http.get(f"{base}/?q=them+vao+kho.json").status_code == 200
        assert http.get(f"{base}/?q=them+vao+kho", headers={"Accept": "application/json"}).json()["total"] == 1
        assert http.get(missing).status_code == 200
        export = http.get(f"{base}/export.csv?q=them+vao+kho")
        assert export.status_code == 200 and "Hội nghị thêm vào kho sau cùng" in export.content.decode("utf-8-sig")
