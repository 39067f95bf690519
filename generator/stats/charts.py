"""Charts as inline SVG, drawn at build time.

Every chart is a horizontal bar chart, laid out for a 360-pixel phone: one
row per label (a post, a month, a week), the label on the left, the bar, and
its number at the bar's end, so no value axis is needed. The SVG is drawn
``WIDTH`` wide and scaled to its box: on a 360-pixel phone (a 328-pixel box)
text of ``FONT`` units is about 16 pixels, and still 14 on a 320-pixel phone.
Text never overlaps by construction: labels sit in a column sized for the
longest one (or, when that would leave the bars too little room, on a line of
their own above their bars), numbers in a margin sized for the longest
number, each bar is further from the next than a line of text is tall, and
the legend, above the bars, has a line per series.

Plain SVG elements with presentation attributes (no <script>, no <style>, no
fonts embedded; Chinese labels stay real <text>), written in a fixed order so
that builds are byte-identical. A standard (5,000 residents per officer, 40 %)
is a red dashed line named in the chart's top line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from math import ceil

from markupsafe import Markup

# Dark enough on white for text-sized marks (WCAG 3:1 for graphics).
COLOURS = ("#1f5fa8", "#b35900", "#1b6e3a", "#7b3fa0")
STANDARD = "#b3261e"
TEXT = "#222"
AXIS = "#555"

WIDTH = 300  # SVG units; the box on a 360-pixel phone is 328 pixels
FONT = 15  # SVG units: about 16 pixels at 360, 14.4 at 320
BAR = 18  # one bar's thickness
SLOT = 24  # one bar and the gap to the next bar of the same row (> a line of text)
ROW_GAP = 10  # between rows
PAD = 6  # between a label or number and the bar
LINE = 24  # a line of text (legend)
ABOVE = 30  # a label's line above its bars (clear of the numbers' glyphs below)
TOP = 28  # the top line naming the standard (CJK glyphs rise about 1.16 em above the baseline)

# Numbers stay legible where the standard's line crosses them.
HALO = 'stroke="#fff" stroke-width="3" paint-order="stroke"'

Value = float | str | None  # a number (a bar), text such as "<3" (no bar), None (nothing)
Values = Sequence[Value]


@dataclass(frozen=True)
class Chart:
    """A chart as published: title, one plain sentence, the SVG and its data as a table."""

    id: str
    title: str
    reading: str
    svg: Markup
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Each row's own page (site-relative), linked from the row's first cell; none when empty.
    links: tuple[str, ...] = ()


def text_width(text: str) -> float:
    """A generous estimate of ``text``'s width at FONT (CJK, dashes and % a full em, digits and Latin 0.64 em)."""
    return sum(FONT * (0.35 if c in " ,.:" else 0.64 if ord(c) < 0x2E80 and c not in "—%" else 1.0) for c in text)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def bar_chart(
    chart_id: str,
    title: str,
    reading: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Values]],
    *,
    line_at: float | None = None,
    line_label: str = "",
    percent: bool = False,
) -> Markup:
    """Bars for each label (one per series), each with its number; ``line_at`` marks a standard."""

    def shown(value: Value) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        return f"{value:g}%" if percent else f"{value:,g}"

    numbers = [v for _, values in series for v in values if isinstance(v, (int, float))]
    top = max([*numbers, line_at or 0, 1])
    if percent:
        top = max(top, 100)
    left = ceil(max((text_width(label) for label in labels), default=0)) + PAD
    right = ceil(max((text_width(shown(v)) for _, values in series for v in values), default=0)) + PAD
    # Labels too long to leave the bars room go on their own line above their bars.
    above = left > WIDTH / 2
    if above:
        left = 0
    plot = WIDTH - left - right
    bars = len(series) * SLOT - (SLOT - BAR)
    per_row = (ABOVE if above else 0) + bars + ROW_GAP
    legend = len(series) > 1  # above the bars, a line per series
    keys = 4 + (len(series) * LINE if legend else 0)
    y0 = keys + (TOP if line_at is not None else 0)
    rows_height = len(labels) * per_row
    height = y0 + rows_height + 4

    def x(value: float) -> float:
        return left + plot * value / top

    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cj-chart__svg" id="{chart_id}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'focusable="false" font-family="sans-serif" font-size="{FONT}" fill="{TEXT}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(reading)}</desc>',
    ]
    if legend:
        for i, (name, _) in enumerate(series):
            y = 4 + i * LINE
            out.append(
                f'<rect class="cj-key" x="0" y="{y + (LINE - BAR) / 2:g}" width="{BAR}" height="{BAR}" '
                f'fill="{COLOURS[i % len(COLOURS)]}"/>'
            )
            out.append(f'<text x="{BAR + PAD}" y="{_num(y + LINE / 2 + FONT * 0.35)}">{escape(name)}</text>')
    if line_at is not None:
        at = _num(x(line_at))
        out.append(
            f'<path d="M{at} {y0 - 4}V{y0 + rows_height}" stroke="{STANDARD}" '
            f'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        name = line_label or f"红线：{shown(line_at)}"
        out.append(f'<text x="{WIDTH}" y="{keys + TOP - 8}" text-anchor="end">{escape(name)}</text>')
    # Grouped so that what they share is written once: the labels, each series' bars in its
    # colour, the numbers with their white halo (presentation attributes, inherited).
    names: list[str] = []
    bars_of: list[list[str]] = [[] for _ in series]
    numbers_at: list[str] = []
    for row, label in enumerate(labels):
        top_y = y0 + row * per_row + ROW_GAP / 2
        if above:
            names.append(f'<text x="0" y="{_num(top_y + FONT + 4)}">{escape(label)}</text>')
            top_y += ABOVE
        else:
            names.append(f'<text x="0" y="{_num(top_y + bars / 2 + FONT * 0.35)}">{escape(label)}</text>')
        for i, (_, values) in enumerate(series):
            value = values[row]
            bar_y = top_y + i * SLOT
            end: float = left
            if isinstance(value, (int, float)):
                end = x(value)
                bars_of[i].append(f'<rect x="{left}" y="{_num(bar_y)}" width="{_num(end - left)}" height="{BAR}"/>')
            if value is not None:
                numbers_at.append(
                    f'<text x="{_num(end + PAD)}" y="{_num(bar_y + BAR / 2 + FONT * 0.35)}">{escape(shown(value))}</text>'
                )
    out.append(f'<g class="cj-labels">{"".join(names)}</g>')
    for i, rects in enumerate(bars_of):
        out.append(f'<g class="cj-bars" fill="{COLOURS[i % len(COLOURS)]}">{"".join(rects)}</g>')
    out.append(f'<g class="cj-values" {HALO}>{"".join(numbers_at)}</g>')
    bottom = y0 + rows_height
    out.append(f'<path d="M{left} {y0}V{bottom}" stroke="{AXIS}"/>')
    out.append("</svg>")
    return Markup("".join(out))
