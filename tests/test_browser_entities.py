"""The front page and the entity pages in a real browser (headless Chromium driven by Selenium): a count
on the front page filters the results, an official's name leads to their page, the pages fit a phone."""
from __future__ import annotations

from urllib.parse import quote

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pipeline import tables
from test_archive_samples import by_source, sample_archive, served_archive  # noqa: F401  (fixtures)
from test_browser import browser, pytestmark  # noqa: F401  (fixture, the browser's needs)


def loaded(path: str):
    """A wait condition: the page at ``path`` has loaded."""
    return lambda b: b.current_url.split("?")[0].endswith(path) and b.execute_script(
        "return document.readyState") == "complete"


def test_a_province_count_on_the_front_page_filters_the_results(browser: webdriver.Chrome, served_archive) -> None:
    base, records = served_archive
    browser.get(base + "/")
    link = browser.find_element(By.CSS_SELECTOR, "#counts-province li a[data-value='Hà Nội']")
    count = int(link.find_element(By.XPATH, "../span").get_attribute("data-count"))
    link.click()
    WebDriverWait(browser, 10).until(lambda b: "province=" in b.current_url
                                     and b.execute_script("return document.readyState") == "complete")
    results = browser.find_elements(By.CSS_SELECTOR, "#results .result")
    assert len(results) == count == sum(1 for r in records if r["province"] == "Hà Nội")
    assert all(r.find_element(By.CSS_SELECTOR, ".meta a.province").text == "Hà Nội" for r in results)
    assert "Hà Nội" in browser.find_element(By.ID, "chips").text


def test_an_officials_name_leads_to_their_page(browser: webdriver.Chrome, served_archive) -> None:
    base, records = served_archive
    record = by_source(records, "a07_")
    browser.get(f"{base}/meeting/{tables.article_id(record)}")
    official = record["officials"][3]
    item = next(li for li in browser.find_elements(By.CSS_SELECTOR, "#officials > li")
                if li.text.startswith(official["name"]))
    item.find_element(By.CSS_SELECTOR, "a.person").click()
    WebDriverWait(browser, 10).until(lambda b: "/official/" in b.current_url
                                     and b.execute_script("return document.readyState") == "complete")
    assert browser.find_element(By.ID, "name").text == official["name"]
    rows = browser.find_elements(By.CSS_SELECTOR, "#meetings tbody tr")
    assert rows and any(tables.article_id(record) in a.get_attribute("href")
                        for a in browser.find_elements(By.CSS_SELECTOR, "#meetings a.title"))
    browser.find_element(By.CSS_SELECTOR, "#meetings a.cluster").click()
    WebDriverWait(browser, 10).until(loaded("/cluster/" + quote("ha noi cum 5")))
    leader = browser.find_element(By.CSS_SELECTOR, "#leaders a.official")
    name = leader.text
    leader.click()
    WebDriverWait(browser, 10).until(lambda b: "/official/" in b.current_url
                                     and b.execute_script("return document.readyState") == "complete")
    assert browser.find_element(By.ID, "name").text == name


def test_front_and_entity_pages_fit_a_phone(browser: webdriver.Chrome, served_archive) -> None:
    base, _ = served_archive
    browser.set_window_size(390, 844)
    try:
        for path in ("/", "/cluster/can%20tho%20cum%202", "/province/C%E1%BA%A7n%20Th%C6%A1",
                     "/official/%C4%91inh%20thij%20thu%20huy%C3%AAnf"):
            browser.get(base + path)
            assert browser.find_element(By.TAG_NAME, "h1").text
            assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), path
        browser.get(base + "/")
        chart = browser.find_element(By.CSS_SELECTOR, "#chart-years svg")
        assert 0 < chart.size["width"] <= 390
    finally:
        browser.set_window_size(1280, 900)


def test_the_profile_link_stays_beside_its_value_on_a_phone(browser: webdriver.Chrome, served_archive) -> None:
    """On a 390 px phone every "hồ sơ" link of the meeting page ends on the line of its value's last line,
    not on a line of its own under it."""
    base, records = served_archive
    record = by_source(records, "a07_")
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{base}/meeting/{tables.article_id(record)}")
        WebDriverWait(browser, 10).until(loaded(f"/meeting/{tables.article_id(record)}"))
        links = browser.find_elements(By.CSS_SELECTOR, "a.person")
        assert links
        for link in links:
            value = link.find_element(By.XPATH, "preceding-sibling::*[1]")
            below = browser.execute_script(
                "return arguments[0].getBoundingClientRect().top >= arguments[1].getBoundingClientRect().bottom",
                link, value)
            assert not below, link.get_attribute("href")
    finally:
        browser.set_window_size(1280, 900)
