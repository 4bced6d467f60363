"""The meeting page on a phone (390 px wide) in headless Chromium: a clicked value's evidence is shown in
a sheet at the bottom of the screen, in view together with the value; on a desktop the article text
beside the values is highlighted as before and no sheet appears."""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pipeline import tables
from test_archive_samples import by_source, sample_archive, served_archive  # noqa: F401  (fixtures)
from test_browser import browser, pytestmark  # noqa: F401  (fixture, needs Chromium)

IN_VIEW = """const r = arguments[0].getBoundingClientRect();
return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;"""
SHEET_TOP = "return document.getElementById('evidence-sheet').getBoundingClientRect().top"


def open_meeting(browser, base: str, record: dict) -> None:
    browser.get(f"{base}/meeting/{tables.article_id(record)}")
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")


def unit_button(browser, name: str):
    return next(b for b in browser.find_elements(By.CSS_SELECTOR, "#member_units button.ev") if b.text == name)


def test_on_a_phone_the_evidence_of_a_clicked_value_is_in_view(browser, served_archive) -> None:
    base, records = served_archive
    record = by_source(records, "a07_")
    unit = record["member_units"][-1]["name"]
    browser.set_window_size(390, 844)
    try:
        open_meeting(browser, base, record)
        assert browser.execute_script("return window.innerWidth") <= 400
        assert not browser.find_element(By.ID, "evidence-sheet").is_displayed()
        button = unit_button(browser, unit)
        button.click()
        WebDriverWait(browser, 5).until(lambda b: b.find_element(By.ID, "evidence-sheet").is_displayed())
        evidence = browser.find_element(By.CSS_SELECTOR, "#evidence-text .hl")
        assert evidence.text == unit
        assert browser.execute_script(IN_VIEW, evidence)
        assert browser.execute_script(IN_VIEW, button)
        assert button.rect["y"] - browser.execute_script("return window.scrollY") + button.rect["height"] \
            <= browser.execute_script(SHEET_TOP)  # the value is not under the sheet
        marked = "".join(s.text for s in browser.find_elements(By.CSS_SELECTOR, "#article-text .hl"))
        assert marked == unit  # the article below is highlighted too

        location = browser.find_element(By.XPATH, f"//dl//button[text()='{record['meeting']['location']}']")
        location.click()
        WebDriverWait(browser, 5).until(
            lambda b: b.find_element(By.CSS_SELECTOR, "#evidence-text .hl").text == record["meeting"]["location"])
        browser.find_element(By.ID, "evidence-close").click()
        assert not browser.find_element(By.ID, "evidence-sheet").is_displayed()
    finally:
        browser.set_window_size(1280, 900)


def test_on_a_desktop_the_article_beside_is_highlighted_and_no_sheet_shows(browser, served_archive) -> None:
    base, records = served_archive
    record = by_source(records, "a07_")
    unit = record["member_units"][-1]["name"]
    open_meeting(browser, base, record)
    unit_button(browser, unit).click()
    highlighted = browser.find_element(By.CSS_SELECTOR, "#article-text .hl")
    WebDriverWait(browser, 5).until(lambda b: b.execute_script(IN_VIEW, highlighted))
    assert highlighted.text == unit
    assert not browser.find_element(By.ID, "evidence-sheet").is_displayed()
