"""Screenshots of the archive's pages on the demo data, at desktop and phone width, into docs/screenshots/
(shown by the README). To add a page, add one line to :data:`PAGES`."""
from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from extractors.lexicon import name_key
from pipeline import archive
from pipeline.archive.browse import Filters, browse
from pipeline.archive.index import close_index, cluster_key
from pipeline.benchmarks.startup import ingest_sample
from pipeline.web.server import serving
from test_browser import browser, pytestmark  # noqa: F401  (fixture, needs Chromium)

SHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
#: Window sizes: desktop and phone.
SIZES = {1280: 900, 390: 844}
#: The meeting the meeting pages show (and whose province, cluster and first official the other pages show).
MEETING_QUERY = "cum thi dua so 2 can tho"
#: (file name, path with ``{meeting}``, ``{province}``, ``{cluster_key}``, ``{person_key}`` filled in, what to
#: click before the shot or None).
PAGES = [
    ("front", "/", None),
    ("results", "/?q=cum+thi+dua", None),
    ("results-facets", "/?q=cum+thi+dua&province={province}", None),
    ("meeting", "/meeting/{meeting}", None),
    ("meeting-evidence", "/meeting/{meeting}", "#officials button.ev"),
    ("official", "/official/{person_key}", None),
    ("cluster", "/cluster/{cluster_key}", None),
    ("province", "/province/{province}", None),
]


@pytest.fixture(scope="module")
def demo_served(tmp_path_factory) -> Iterator[tuple[str, dict[str, str]]]:
    """The sample corpus ingested as the demo data, served: the base URL and the values the paths use."""
    data_dir = tmp_path_factory.mktemp("demo")
    ingest_sample(data_dir)
    found = browse(data_dir, Filters(q=MEETING_QUERY))["results"][0]
    record = archive.get(data_dir, found["id"])
    cluster = record["cluster"]
    keys = {"meeting": found["id"], "province": record["province"],
            "cluster_key": cluster_key(record["province"], cluster.get("kind"), cluster["number"]),
            "person_key": name_key(record["officials"][0]["name"])}
    close_index(data_dir)
    with serving(data_dir) as base:
        yield base, keys


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file, from its header."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("width", list(SIZES))
@pytest.mark.parametrize(("name", "path", "click"), PAGES, ids=[page[0] for page in PAGES])
def test_screenshot(browser, demo_served, name, path, click, width) -> None:
    base, keys = demo_served
    browser.set_window_size(width, SIZES[width])
    try:
        browser.get(base + path.format(**keys))
        WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        if click:
            browser.find_element(By.CSS_SELECTOR, click).click()
            WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".hl"))
            browser.execute_script("return new Promise(done => setTimeout(done, 600))")  # smooth scrolling ends
        SHOTS.mkdir(parents=True, exist_ok=True)
        shot = SHOTS / f"{name}-{width}.png"
        assert browser.save_screenshot(str(shot))
        assert png_size(shot)[0] == browser.execute_script("return window.innerWidth * window.devicePixelRatio")
    finally:
        browser.set_window_size(1280, 900)
