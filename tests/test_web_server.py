"""The web server itself: methods, security headers on every answer, JSON for every page, idle
clients cut, malformed requests, one log line per failure (Starlette's TestClient and a real
uvicorn server on 127.0.0.1)."""
from __future__ import annotations

import logging
import socket
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.testclient import TestClient

from pipeline import tables
from pipeline.commands.serve import host_warning
from pipeline.web import app as web_app
from pipeline.web import pages
from pipeline.web.server import IDLE_SECONDS, serving
from test_archive_samples import by_source, sample_archive, served_archive  # noqa: F401  (fixtures)


@pytest.fixture(scope="module")
def client(sample_archive) -> TestClient:
    data_dir, _ = sample_archive
    return TestClient(web_app.make_app(data_dir), raise_server_exceptions=False)


def secured(headers) -> bool:
    return all(headers.get(name) == value for name, value in web_app.SECURITY_HEADERS.items())


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/", 200), ("HEAD", "/", 200), ("GET", "/nowhere", 404), ("POST", "/", 405), ("DELETE", "/meeting/x", 405),
    ("GET", "/?q=cum&since=2022-02-30", 400), ("GET", "/static/style.css", 200), ("GET", "/static/../app.py", 404),
])
def test_every_answer_carries_the_security_headers(client, method, path, status) -> None:
    response = client.request(method, path)
    assert response.status_code == status and secured(response.headers)
    if status == 405:
        assert response.headers["allow"] == "GET, HEAD"


def test_a_failure_is_one_log_line_and_a_500_page(client, monkeypatch, caplog) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(pages, "search_page", broken)
    with caplog.at_level(logging.ERROR):
        response = client.get("/?q=cum")
    assert response.status_code == 500 and secured(response.headers) and "boom" not in response.text
    lines = [r.getMessage() for r in caplog.records if r.name == "unionnews.web"]
    assert lines == ["GET / failed: RuntimeError: boom"]
    assert not any(r.exc_info for r in caplog.records)


@pytest.mark.parametrize("how", ["accept", "suffix"])
def test_every_page_answers_as_json(client, sample_archive, how) -> None:
    _, records = sample_archive
    meeting = f"/meeting/{tables.article_id(by_source(records, 'a07_'))}"

    def get(path: str, **params: str):
        if how == "suffix":
            return client.get(("/index" if path == "/" else path) + ".json", params=params)
        return client.get(path, params=params, headers={"Accept": "application/json"})

    found = get("/", q="dinh thi thu huyen")
    assert found.headers["content-type"].startswith("application/json")
    assert {r["id"] for r in found.json()["results"]} >= {meeting.rsplit("/", 1)[1]}
    record = get(meeting).json()["record"]
    assert record["title"] == by_source(records, "a07_")["title"]
    missing = get("/meeting/0123456789abcdef")
    assert missing.status_code == 404 and missing.json()["status"] == 404
    assert get("/", q="cum", since="hôm qua").status_code == 400


def test_a_browser_gets_html(client) -> None:
    response = client.get("/", headers={"Accept": "text/html,application/xhtml+xml,application/json;q=0.9"})
    assert response.headers["content-type"].startswith("text/html")


def test_host_warning_only_off_loopback() -> None:
    assert host_warning("127.0.0.1") is None
    warning = host_warning("0.0.0.0")
    assert "0.0.0.0" in warning and "\n" not in warning


def raw(base: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=IDLE_SECONDS * 4)


def test_uvicorn_answers_a_malformed_request_with_the_headers(served_archive) -> None:
    base, _ = served_archive
    with raw(base) as conn:
        conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n")
        answer = recv_all(conn).decode("latin1")
    head = answer.split("\r\n\r\n")[0].lower()
    assert head.startswith("http/1.1 400") and "content-security-policy: default-src 'none'" in head
    assert "x-content-type-options: nosniff" in head


def recv_all(conn: socket.socket) -> bytes:
    data = b""
    while chunk := conn.recv(65536):
        data += chunk
    return data


def test_idle_and_trickling_clients_are_cut(served_archive) -> None:
    base, _ = served_archive
    with raw(base) as silent, raw(base) as trickling:
        trickling.sendall(b"GET / HTTP/1.1\r\n")
        assert silent.recv(1) == b""  # closed by the server, not by the 4 x idle socket timeout
        assert recv_all(trickling) == b""  # half a request does not hold the connection either


def test_keep_alive_connection_is_cut_after_its_answer(served_archive) -> None:
    base, _ = served_archive
    with raw(base) as conn:
        conn.sendall(b"GET /static/meeting.js HTTP/1.1\r\nHost: x\r\n\r\n")
        assert recv_all(conn).startswith(b"HTTP/1.1 200")


def test_many_concurrent_clients_all_get_answers(served_archive) -> None:
    import urllib.request

    base, _ = served_archive

    def get(i: int) -> int:
        with urllib.request.urlopen(f"{base}/?q=cum+thi+dua&page={i % 3 + 1}", timeout=30) as response:
            return response.status

    with ThreadPoolExecutor(max_workers=40) as pool:
        assert list(pool.map(get, range(200))) == [200] * 200


def test_the_data_path_is_never_shown(tmp_path) -> None:
    with serving(tmp_path) as base:
        import urllib.request

        with urllib.request.urlopen(f"{base}/?q=cum", timeout=10) as response:
            body = response.read().decode()
    assert str(tmp_path) not in body and "unionnews ingest" in body
