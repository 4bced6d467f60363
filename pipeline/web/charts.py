"""Charts drawn on the server as inline SVG: no script, no ``style`` attribute, every label escaped.

The SVG scales to its container (``viewBox``, ``width="100%"``); its look comes from the
``chart-*`` classes of ``style.css`` (the content-security policy allows no inline style). Series
colours are the classes ``chart-s0`` … ``chart-s5`` setting ``color``, which the shapes paint with
``currentColor``. Each chart names itself (``<title>``, ``aria-label``) and lists its data in a
``<desc>`` for screen readers; each bar and point has its own ``<title>`` (a tooltip on hover).
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from markupsafe import Markup

from pipeline.web.vi_format import message, number_vi, shorten

WIDTH = 400
#: Text size in the chart's units (a 400-unit chart on a phone is about 360 px wide).
FONT = 12
#: Widths of characters in units of the text size, an estimate for laying out labels that holds for
#: wide fonts (DejaVu Sans, bold digits): a lower-case letter, a capital, and the characters of numbers.
CHAR = 0.62
CAPITAL = 0.75
NARROW = dict.fromkeys("0123456789", 0.7) | dict.fromkeys(".,:; ", 0.38)
#: Height of a line of text (what a browser's box around a text takes).
LINE = FONT + 2
ROW = 36
BAR = 13
PLOT_HEIGHT = 160
COLOURS = 6
#: Values beyond this size are not drawn (no figure is that large; their scale would overflow).
LARGEST = 1e100
#: The most x labels a line chart writes (years in between keep their points).
X_LABELS = 8
#: Characters XML cannot hold even escaped (control characters, lone surrogates): dropped from labels.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SVG = Markup('<svg xmlns="http://www.w3.org/2000/svg" class="chart {}" viewBox="0 0 {} {}" width="100%" '
             'role="{}" aria-label="{}"><title>{}</title><desc>{}</desc>{}</svg>')


def fmt(number: float) -> str:
    """A coordinate for an SVG attribute (one decimal at most)."""
    return f"{round(number, 1):g}"


def plain(text: object) -> str:
    """``text`` as a string XML can hold (escaping is left to :class:`Markup`)."""
    return NOT_XML.sub("", str(text))


def text_width(text: str) -> float:
    """The estimated width of ``text`` in the chart's units (digits and separators are narrower)."""
    return FONT * sum(NARROW.get(char, CAPITAL if char.isupper() else CHAR) for char in text)


def svg(kind: str, height: float, title: str, desc: str, body: Iterable[Markup], role: str = "img") -> Markup:
    """The ``<svg>`` element around ``body``."""
    title, desc = plain(title), plain(desc)
    return SVG.format(kind, WIDTH, fmt(height), role, title, title, desc, Markup("").join(body))


def no_data(title: str) -> Markup:
    """The chart shown for empty input: one line saying there is no data yet."""
    text = message("no_data")
    line = Markup('<text class="chart-empty" x="{}" y="26" text-anchor="middle" font-size="{}">{}</text>')
    return svg("chart-none", 40, title, text, [line.format(WIDTH // 2, FONT + 2, text)])


def finite(value: object) -> float | None:
    """``value`` as a float that can be drawn, or None (not a number, infinite, or beyond ±10¹⁰⁰)."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and abs(number) <= LARGEST else None


def bar_chart(bars: Sequence[tuple[str, float]], *, title: str, link: Callable[[str], str] | None = None) -> Markup:
    """Horizontal bars, one row per ``(label, value)`` in the given order, each label above its bar.

    Bars start at zero (a negative or missing value draws none). With ``link``, each row is a link
    to ``link(label)`` (e.g. the search filtered by that province).
    """
    if not bars:
        return no_data(title)
    rows = [(plain(label), finite(value)) for label, value in bars]
    shown = [number_vi(value) if value is not None else "" for _, value in rows]
    room = WIDTH - max(text_width(value) for value in shown) - 6
    top = max([value for _, value in rows if value is not None and value > 0], default=1.0)
    chars = int(WIDTH / (FONT * CHAR))
    body = []
    for index, ((label, value), amount, (original, _)) in enumerate(zip(rows, shown, bars)):
        y = index * ROW
        width = room * max(value or 0.0, 0.0) / top
        row = Markup(
            '<g class="chart-row"><title>{}</title>'
            '<text class="chart-label" x="0" y="{}" font-size="{}">{}</text>'
            '<rect class="chart-bar" x="0" y="{}" width="{}" height="{}" fill="currentColor"/>'
            '<text class="chart-value" x="{}" y="{}" font-size="{}">{}</text></g>'
        ).format(
            f"{label}: {amount}", fmt(y + FONT + 1), FONT, shorten(label, chars),
            fmt(y + FONT + 5), fmt(max(width, 2.0) if width > 0 else 0), BAR,
            fmt(width + 4), fmt(y + FONT + 5 + BAR - 2), FONT, amount,
        )
        if link is not None:
            hit = Markup('<rect class="chart-hit" x="0" y="{}" width="{}" height="{}" fill="transparent"/>')
            row = Markup('<a href="{}">{}{}</a>').format(plain(link(original)), hit.format(y, WIDTH, ROW), row)
        body.append(row)
    desc = "; ".join(f"{label}: {amount}" for (label, _), amount in zip(rows, shown))
    return svg("chart-bars", len(rows) * ROW + 4, title, desc, body, role="img" if link is None else "group")


def nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) dividing ``span`` into about ``ticks`` parts."""
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= raw)


def y_scale(values: Sequence[float], counts: bool = False) -> tuple[float, float, float]:
    """``(lowest tick, highest tick, step)`` covering ``values`` and zero; a step of at least 1 for ``counts``."""
    low, high = min(min(values), 0.0), max(max(values), 0.0)
    if high == low:
        high = low + 1
    step = max(nice_step(high - low), 1.0) if counts else nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def legend(names: Sequence[str]) -> tuple[list[Markup], float]:
    """The legend (a swatch and a name per series, wrapped into lines) and its height."""
    items, x, y = [], 0.0, 0.0
    item = Markup('<g class="chart-legend chart-s{}"><rect x="{}" y="{}" width="10" height="10" fill="currentColor"/>'
                  '<text class="chart-label" x="{}" y="{}" font-size="{}">{}</text></g>')
    for index, name in enumerate(names):
        name = shorten(name, int((WIDTH - 16) / (FONT * CHAR)))
        width = 16 + text_width(name) + 12
        if x and x + width > WIDTH:
            x, y = 0.0, y + FONT + 6
        items.append(item.format(index % COLOURS, fmt(x), fmt(y + 2), fmt(x + 14), fmt(y + FONT), FONT, name))
        x += width
    return items, y + FONT + 8


def spread(labels: list[tuple[float, int]], gap: float, lowest: float) -> dict[int, float]:
    """Label heights (``(y, key)``) moved apart so that no two are closer than ``gap``, none below ``lowest``
    (when they fit above it): ``{key: y}``."""
    order = sorted(labels)
    heights: list[float] = []
    for y, _ in order:
        heights.append(max(y, heights[-1] + gap) if heights else y)
    ceiling = lowest
    for n in reversed(range(len(heights))):
        heights[n] = min(heights[n], ceiling)
        ceiling = heights[n] - gap
    return {key: y for (_, key), y in zip(order, heights)}


def line_chart(series: Mapping[str, Sequence[tuple[int, float]]], *, title: str, y_label: str = "",
               counts: bool = False) -> Markup:
    """Lines over the years, one per series (``{name: [(year, value), ...]}``), with a legend.

    The y axis starts at zero (or below, for negative values) and is labelled with
    :func:`number_vi`; ``y_label`` names its unit; ``counts`` (whole numbers) keeps its ticks whole. A single series has every point labelled when
    the labels fit between the points; otherwise each series has its last point labelled, beside it.
    Points without a whole year or a drawable value are left out.
    """
    lines = {}
    for name, points in series.items():
        kept = sorted((year, value) for raw_year, raw in points
                      if (year := whole(raw_year)) is not None and (value := finite(raw)) is not None)
        if kept:
            lines[plain(name)] = kept
    if not lines:
        return no_data(title)
    values = [value for points in lines.values() for _, value in points]
    first, last = min(points[0][0] for points in lines.values()), max(points[-1][0] for points in lines.values())
    low, high, step = y_scale(values, counts)
    decimals = max(0, -math.floor(math.log10(step)))
    ticks = [low + step * n for n in range(round((high - low) / step) + 1)]
    tick_labels = [number_vi(tick, decimals) for tick in ticks]
    body, top = legend(list(lines))
    if y_label:
        body.append(Markup('<text class="chart-axis-label" x="0" y="{}" font-size="{}">{}</text>').format(
            fmt(top + FONT), FONT, plain(y_label)))
        top += FONT + 6
    top += FONT
    left = max(text_width(label) for label in tick_labels) + 8
    bottom = top + PLOT_HEIGHT

    def y_of(value: float) -> float:
        return bottom - PLOT_HEIGHT * (value - low) / (high - low)

    right = WIDTH - 14
    every_point = len(lines) == 1 and labels_fit(*lines.values(), x_scale((first, last), left, right), y_of)
    if not every_point:
        right = WIDTH - max(text_width(number_vi(points[-1][1])) for points in lines.values()) - 10
    x_of = x_scale((first, last), left, right)

    body += axes(ticks, tick_labels, (first, last), x_of, y_of, (left, right, bottom))
    body += plotted(lines, x_of, y_of, every_point, bottom + FONT / 3)
    desc = "; ".join(f"{name}: " + ", ".join(f"{year} {number_vi(value)}" for year, value in points)
                     for name, points in lines.items())
    return svg("chart-lines", bottom + FONT + 10, title, desc, body)


def x_scale(years: tuple[int, int], left: float, right: float) -> Callable[[int], float]:
    """The x of a year in a plot from ``left`` to ``right`` spanning ``(first, last)`` years."""
    first, last = years
    if first == last:
        return lambda year: (left + right) / 2
    return lambda year: left + (right - left) * (year - first) / (last - first)


def labels_fit(points: Sequence[tuple[int, float]], x_of: Callable[[int], float],
               y_of: Callable[[float], float]) -> bool:
    """Whether the value labels above ``points`` (anchored as :func:`anchor` says) leave each other room."""
    years = (points[0][0], points[-1][0])
    boxes = []
    for year, value in points:
        width, x = text_width(number_vi(value)), x_of(year)
        start = {"start": x, "middle": x - width / 2, "end": x - width}[anchor(year, years)]
        boxes.append((start, start + width, y_of(value)))
    return all(a_end + 4 <= b_start or abs(a_y - b_y) >= FONT
               for n, (_, a_end, a_y) in enumerate(boxes) for b_start, _, b_y in boxes[n + 1:])


def whole(value: object) -> int | None:
    """``value`` as a year (a whole number), or None."""
    number = finite(value)
    return int(number) if number is not None and number.is_integer() and abs(number) < 10**6 else None


def axes(ticks: Sequence[float], labels: Sequence[str], years: tuple[int, int], x_of: Callable[[int], float],
         y_of: Callable[[float], float], box: tuple[float, float, float]) -> list[Markup]:
    """The grid lines with the y labels, and the year labels under the plot (at most ``X_LABELS``,
    always the first and the last year); ``box`` is the plot's left, right and bottom."""
    left, right, bottom = box
    grid = Markup('<line class="chart-grid" x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor"/>'
                  '<text class="chart-tick" x="{}" y="{}" text-anchor="end" font-size="{}">{}</text>')
    parts = [grid.format(fmt(left), fmt(y_of(tick)), fmt(right), fmt(y_of(tick)), fmt(left - 4),
                         fmt(y_of(tick) + FONT / 3), FONT, label) for tick, label in zip(ticks, labels)]
    first, last = years
    every = math.ceil((last - first + 1) / X_LABELS)
    shown = list(range(first, last + 1, every))
    if shown[-1] != last:
        shown[-1:] = [last] if len(shown) > 1 else [first, last]
    year = Markup('<text class="chart-tick" x="{}" y="{}" text-anchor="{}" font-size="{}">{}</text>')
    return parts + [year.format(fmt(x_of(n)), fmt(bottom + FONT + 4), anchor(n, years), FONT, n) for n in shown]


def plotted(lines: Mapping[str, Sequence[tuple[int, float]]], x_of: Callable[[int], float],
            y_of: Callable[[float], float], single: bool, lowest: float) -> list[Markup]:
    """Each series' line and points with their value labels: above every point of a ``single``
    series, else beside the last point of each series (moved apart so that they do not overlap, and
    not below ``lowest``)."""
    years = (min(points[0][0] for points in lines.values()), max(points[-1][0] for points in lines.values()))
    labelled = [(name, year, value) for name, points in lines.items()
                for year, value in (points if single else points[-1:])]
    wanted = [(y_of(value) + (-6 if single else FONT / 3), n) for n, (_, _, value) in enumerate(labelled)]
    heights = {n: y for y, n in wanted} if single else spread(wanted, LINE, lowest)
    point = Markup('<circle class="chart-point" cx="{}" cy="{}" r="3.5" fill="currentColor"><title>{}</title></circle>')
    label = Markup('<text class="chart-value" x="{}" y="{}" text-anchor="{}" font-size="{}">{}</text>')
    parts = []
    for index, (name, points) in enumerate(lines.items()):
        coords = " ".join(f"{fmt(x_of(year))},{fmt(y_of(value))}" for year, value in points)
        dots = [point.format(fmt(x_of(year)), fmt(y_of(value)), f"{name}, {year}: {number_vi(value)}")
                for year, value in points]
        texts = [label.format(fmt(x_of(year) + (0 if single else 6)), fmt(heights[n]),
                              anchor(year, years) if single else "start", FONT, number_vi(value))
                 for n, (owner, year, value) in enumerate(labelled) if owner == name]
        parts.append(Markup('<g class="chart-series chart-s{}"><polyline class="chart-line" points="{}" fill="none" '
                            'stroke="currentColor"/>{}{}</g>').format(
            index % COLOURS, coords, Markup("").join(dots), Markup("").join(texts)))
    return parts


def anchor(year: int, years: tuple[int, int]) -> str:
    """Where a label at ``year`` is anchored so that it stays inside a chart of ``(first, last)`` years."""
    first, last = years
    if first == last:
        return "middle"
    return "start" if year == first else "end" if year == last else "middle"
