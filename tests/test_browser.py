"""The archive's web page in a real browser: headless Chromium driven by Selenium."""
from __future__ import annotations

import tempfile
from collections.abc import Iterator

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pipeline import tables
from test_archive_samples import by_source, sample_archive, served_archive  # noqa: F401  (fixtures)

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
pytestmark = pytest.mark.needs(CHROMIUM, CHROMEDRIVER, why="Debian's chromium and chromium-driver; "
                               "`./dev test` as root installs them")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900"]


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    """Headless Chromium with a throw-away profile."""
    with tempfile.TemporaryDirectory() as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS + [f"--user-data-dir={profile}"]:
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
        try:
            yield driver
        finally:
            driver.quit()


def submitted(browser: webdriver.Chrome) -> bool:
    """The search form's GET request has loaded (its query string is in the address)."""
    return "?" in browser.current_url and browser.execute_script("return document.readyState") == "complete"


def search(browser: webdriver.Chrome, base: str, **fields: str) -> list:
    """Fill the search form, submit it, and return the result items."""
    browser.get(base + "/")
    for name, value in fields.items():
        box = browser.find_element(By.ID, name)
        box.clear()
        box.send_keys(value)
    browser.find_element(By.ID, "go").click()
    WebDriverWait(browser, 10).until(submitted)
    return browser.find_elements(By.CSS_SELECTOR, "#results .result")


def test_search_filter_and_see_the_evidence(browser, served_archive) -> None:
    base, records = served_archive
    results = search(browser, base, q="dinh thi thu huyen")
    assert len(results) == 2
    assert {m.text for m in browser.find_elements(By.CSS_SELECTOR, ".snippet mark")} >= {"Đinh", "Thu", "Huyền"}

    results = search(browser, base, q="dinh thi thu huyen", province="ha noi", cluster="5")
    assert len(results) == 2
    results = search(browser, base, q="cum thi dua", province="can tho")
    expected = [r for r in records if r["province"] == "Cần Thơ"]
    assert len(results) == len(expected) and all("Cần Thơ" in r.text for r in results)

    record = by_source(records, "a07_")
    search(browser, base, q="cum thi dua so 5 cau giay")
    browser.find_element(By.CSS_SELECTOR, "#results .title").click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith(tables.article_id(record))
                                     and b.execute_script("return document.readyState") == "complete")
    official = record["officials"][3]
    button = next(b for b in browser.find_elements(By.CSS_SELECTOR, "#officials button.ev")
                  if b.text.startswith(official["name"]))
    ActionChains(browser).move_to_element(button).perform()
    marked = lambda b: "".join(s.text for s in b.find_elements(By.CSS_SELECTOR, "#article-text .hl"))  # noqa: E731
    WebDriverWait(browser, 5).until(lambda b: marked(b) == official["name"])
    location = browser.find_element(By.XPATH, f"//dl//button[text()='{record['meeting']['location']}']")
    location.click()
    WebDriverWait(browser, 5).until(lambda b: marked(b) == record["meeting"]["location"])
    color = browser.find_element(By.CSS_SELECTOR, "#article-text .hl").value_of_css_property("background-color")
    assert color not in ("rgba(0, 0, 0, 0)", "transparent")


def test_dates_are_typed_day_first(browser, served_archive) -> None:
    base, records = served_archive
    results = search(browser, base, q="cum thi dua", since="01/09/2025", until="31/10/2025")
    expected = [r for r in records if "2025-09-01" <= (r["meeting"]["date"] or "") <= "2025-10-31"]
    assert expected and len(results) == len(expected)
    assert browser.find_element(By.ID, "since").get_attribute("value") == "01/09/2025"


def test_a_script_in_a_title_does_not_run(browser, served_archive) -> None:
    base, records = served_archive
    search(browser, base, q="pwned")
    assert "<script>" in browser.find_element(By.CSS_SELECTOR, "#results .title").text
    browser.get(f"{base}/meeting/{tables.article_id(by_source(records, 'hostile'))}")
    assert browser.execute_script("return typeof window.pwned") == "undefined"


def test_bad_date_shows_a_message(browser, served_archive) -> None:
    base, _ = served_archive
    browser.get(f"{base}/?q=cum&since=2022-02-30")
    assert "2022-02-30" in browser.find_element(By.ID, "message").text


def test_readable_on_a_phone(browser, served_archive) -> None:
    base, records = served_archive
    browser.set_window_size(390, 844)
    try:
        for path in ("/?q=cum+thi+dua", f"/meeting/{tables.article_id(by_source(records, 'a07_'))}"):
            browser.get(base + path)
            assert browser.execute_script("return window.innerWidth") < 500
            assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        browser.set_window_size(1280, 900)
