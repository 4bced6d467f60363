"""Server-drawn SVG charts: well-formed, one mark per datum, escaped labels, no script or inline style."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from pipeline.web.charts import bar_chart, line_chart
from test_browser import CHROMEDRIVER, CHROMIUM, browser  # noqa: F401  (fixture)

NS = {"s": "http://www.w3.org/2000/svg"}
HOSTILE = '<script>alert("x")</script> & “Cụm” \'1\''


def parsed(svg: str) -> etree._Element:
    """The chart as an XML tree, checked for what the content-security policy and a screen reader need."""
    root = etree.fromstring(str(svg).encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == "100%" and len(root.get("viewBox").split()) == 4
    assert root.get("aria-label") and root.find("s:title", NS).text == root.get("aria-label")
    for element in root.iter():
        if isinstance(element.tag, str):
            assert etree.QName(element).localname not in ("script", "style", "foreignObject")
        assert "style" not in element.attrib
        assert not any(name.startswith("on") for name in element.attrib)
    return root


def texts(root: etree._Element, css: str) -> list[str]:
    return [element.text for element in root.iterfind(f".//s:text[@class='{css}']", NS)]


def test_bar_chart_draws_one_bar_per_input_in_order_with_proportional_widths() -> None:
    bars = [("Thanh Hóa", 12), ("Hà Nội", 30), ("Nghệ An", 0), ("Huế", 7.5), ("Ninh Bình", 12)]
    root = parsed(bar_chart(bars, title="Hội nghị theo tỉnh"))
    widths = [float(rect.get("width")) for rect in root.iterfind(".//s:rect[@class='chart-bar']", NS)]
    assert len(widths) == len(bars)
    assert widths[1] == max(widths) and widths[2] == 0 and widths[0] == widths[4] > widths[3] > 0
    assert abs(widths[0] / widths[1] - 12 / 30) < 0.01
    assert texts(root, "chart-label") == [label for label, _ in bars]
    assert texts(root, "chart-value") == ["12", "30", "0", "7,5", "12"]
    assert max(float(rect.get("width")) + 4 for rect in root.iterfind(".//s:rect[@class='chart-bar']", NS)) <= 400
    assert root.get("role") == "img"


def test_bar_labels_are_escaped_and_long_ones_cut_between_words() -> None:
    long = "Liên đoàn Lao động thành phố Hồ Chí Minh và các công đoàn ngành trực thuộc trên địa bàn"
    root = parsed(bar_chart([(HOSTILE, 3), (long, 1_050_000_000)], title=HOSTILE))
    labels = texts(root, "chart-label")
    assert labels[0] == HOSTILE and root.get("aria-label") == HOSTILE
    assert labels[1].endswith("…") and long.startswith(labels[1][:-1]) and long[len(labels[1]) - 1] == " "
    assert texts(root, "chart-value")[1] == "1.050.000.000"
    assert [title.text for title in root.iterfind(".//s:g/s:title", NS)] == [f"{HOSTILE}: 3", f"{long}: 1.050.000.000"]


def test_linked_bars_link_each_row_to_its_label() -> None:
    bars = [("Thanh Hóa", 2), (HOSTILE, 1)]
    root = parsed(bar_chart(bars, title="Theo tỉnh", link=lambda label: f"/?province={label}&x=\"1\""))
    links = root.findall("s:a", NS)
    assert [a.get("href") for a in links] == [f"/?province={label}&x=\"1\"" for label, _ in bars]
    assert [a.find(".//s:text[@class='chart-label']", NS).text for a in links] == [label for label, _ in bars]
    assert root.get("role") != "img"  # its links stay reachable


def test_empty_or_unusable_input_says_there_is_no_data() -> None:
    unusable = {"a": [], "b": [(2020, float("nan"))]}
    for svg in (bar_chart([], title="t"), line_chart({}, title="t"), line_chart(unusable, title="t")):
        root = parsed(svg)
        assert "".join(root.itertext()).count("Chưa có dữ liệu") >= 1
        assert root.find(".//s:rect", NS) is None and root.find(".//s:polyline", NS) is None


def test_line_chart_draws_each_series_with_its_points_in_year_order() -> None:
    series = {"tổng kết": [(2023, 9), (2019, 3), (2021, 4)], "sơ kết": [(2020, 2), (2022, float("nan")), (2023, 8.5)]}
    root = parsed(line_chart(series, title="Hội nghị theo năm", y_label="hội nghị"))
    groups = root.findall("s:g[@class]", NS)
    lines = [g for g in groups if "chart-series" in g.get("class")]
    assert [len(g.findall("s:circle", NS)) for g in lines] == [3, 2]
    assert len({g.get("class") for g in lines}) == 2  # each series its own colour class
    for g in lines:
        xs = [float(point.split(",")[0]) for point in g.find("s:polyline", NS).get("points").split()]
        assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert [circle.find("s:title", NS).text for circle in lines[1].findall("s:circle", NS)] == [
        "sơ kết, 2020: 2", "sơ kết, 2023: 8,5"]
    years = [int(text) for text in texts(root, "chart-tick") if len(text) == 4]
    assert years == list(range(2019, 2024))
    assert "hội nghị" in texts(root, "chart-axis-label")
    assert [text.text for g in lines for text in g.findall("s:text", NS)] == ["9", "8,5"]


def test_line_chart_labels_values_and_axis_with_vietnamese_separators() -> None:
    series = {"Kinh phí hỗ trợ": [(2019, 850_000_000), (2020, 1_050_000_000), (2022, 1.3e9)]}
    root = parsed(line_chart(series, title="Kinh phí", y_label="đồng"))
    assert texts(root, "chart-value") == ["850.000.000", "1.050.000.000", "1.300.000.000"]
    ticks = texts(root, "chart-tick")
    assert "0" in ticks and "1.000.000.000" in ticks and not any("e+" in tick or "," in tick for tick in ticks)


def test_a_single_year_and_decimal_values() -> None:
    root = parsed(line_chart({"Tỷ lệ": [(2024, 93.8)]}, title="Tỷ lệ"))
    assert texts(root, "chart-value") == ["93,8"]
    circle = root.find(".//s:circle", NS)
    assert 0 < float(circle.get("cx")) < 400


labels = st.text(max_size=40)
values = st.one_of(st.integers(min_value=-10**12, max_value=10**12), st.floats(allow_nan=True, allow_infinity=True))


@given(st.lists(st.tuples(labels, values), max_size=30))
def test_any_bars_give_well_formed_svg_with_one_bar_each(bars: list) -> None:
    root = parsed(bar_chart(bars, title="x", link=lambda label: "/?p=" + label))
    assert len(root.findall(".//s:rect[@class='chart-bar']", NS)) == len(bars)


@given(st.dictionaries(labels, st.lists(st.tuples(st.integers(min_value=1990, max_value=2030), values), max_size=15),
                       max_size=6))
def test_any_series_give_well_formed_svg(series: dict) -> None:
    root = parsed(line_chart(series, title="x", y_label="đồng"))
    drawn = root.findall(".//s:polyline", NS)
    assert len(drawn) <= len(series)


#: Every text box of every chart on the page, in the chart's units: chart index, class, text, x, y, width, height.
BOXES = """return [...document.querySelectorAll('svg.chart')].flatMap((svg, n) =>
  [...svg.querySelectorAll('text')].map(t => {
    const b = t.getBBox(); return [n, t.getAttribute('class'), t.textContent, b.x, b.y, b.width, b.height]; }))"""
LONG = "Liên đoàn Lao động thành phố Hồ Chí Minh và các công đoàn ngành trực thuộc trên địa bàn"


@pytest.mark.needs(CHROMIUM, CHROMEDRIVER, why="Debian's chromium and chromium-driver")
def test_on_a_phone_no_label_leaves_its_chart_or_covers_another(browser, tmp_path: Path) -> None:  # noqa: F811
    charts = [
        bar_chart([(LONG, 1_050_000_000), ("Hà Nội", 30), ("Huế", 0)], title="a", link=lambda label: "/x"),
        line_chart({"Kinh phí": [(2019, 850_000_000), (2020, 1_050_000_000), (2022, 1.3e9)]}, title="b",
                   y_label="đồng"),
        line_chart({"Tỷ lệ": [(year, 80 + year % 7 + 0.5) for year in range(2005, 2025)]}, title="c", y_label="%"),
        line_chart({"tổng kết": [(2019, 0), (2023, 0)], "sơ kết": [(2020, 1), (2023, 0)], LONG: [(2021, 2), (2023, 0)],
                    "giao ban": [(2023, 0.5)]}, title="d"),
        line_chart({"Một năm": [(2024, 93.8)]}, title="e"),
    ]
    shutil.copy(Path(__file__).resolve().parents[1] / "pipeline" / "web" / "style.css", tmp_path)
    page = tmp_path / "charts.html"
    page.write_text('<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="stylesheet" '
                    'href="style.css"></head><body><main>' + "".join(charts) + "</main></body></html>",
                    encoding="utf-8")
    browser.set_window_size(390, 900)
    browser.get(page.as_uri())
    boxes = browser.execute_script(BOXES)
    sizes = [tuple(float(n) for n in etree.fromstring(str(chart).encode()).get("viewBox").split()[2:])
             for chart in charts]
    assert {box[0] for box in boxes} == set(range(len(charts)))
    for chart, css, text, x, y, width, height in boxes:
        right, bottom = sizes[chart]
        assert -0.5 <= x and x + width <= right + 0.5 and -0.5 <= y and y + height <= bottom + 0.5, (chart, text)
    for n, (chart, _, text, x, y, width, height) in enumerate(boxes):
        for other, _, text2, x2, y2, width2, height2 in boxes[n + 1:]:
            apart = x + width <= x2 + 0.5 or x2 + width2 <= x + 0.5 or y + height <= y2 + 1 or y2 + height2 <= y + 1
            assert other != chart or apart, (chart, text, text2)
