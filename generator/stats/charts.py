"""Charts as inline SVG, drawn at build time by pygal.

pygal writes SVG itself (no browser, no JavaScript, no fonts embedded), and
Chinese labels stay real <text>. What it adds for interactive use is removed
here so that pages stay light and builds are byte-identical: the config
<script>, the "generated on <today>" comment, tooltip <desc>s; its random
chart id is replaced by ours. Colours and text sizes come from the site's
stylesheet (stats.css), so the SVG carries no <style> of its own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

import pygal  # type: ignore[import-untyped]
from markupsafe import Markup
from pygal.etree import etree as pygal_etree  # type: ignore[import-untyped]
from pygal.style import Style  # type: ignore[import-untyped]

# pygal builds its SVG with lxml whenever lxml is installed (python-docx, for Word
# documents, brings it); the charts are edited with the standard library's
# ElementTree and must serialise the same either way.
pygal_etree.to_etree()

# Dark enough on white for text-sized marks (WCAG 3:1 for graphics).
COLOURS = ("#1f5fa8", "#b35900", "#1b6e3a", "#7b3fa0")
STYLE = Style(
    font_family="sans-serif",
    background="transparent",
    plot_background="transparent",
    foreground="#222",
    foreground_strong="#222",
    foreground_subtle="#555",
    colors=COLOURS,
    opacity="1",
    opacity_hover="1",
    transition="0ms",
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=14,
)

# Drawn 420 wide: on a 360-pixel phone the text is still about 12 pixels high.
WIDTH = 420
FONT = 14

_DECIMALS = re.compile(r"(\d+\.\d)\d+")

Values = Sequence[float | None]  # None: no bar (a masked or missing figure)


@dataclass(frozen=True)
class Chart:
    """A chart as published: title, one plain sentence, the SVG and its data as a table."""

    id: str
    title: str
    reading: str
    svg: Markup
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _clean(chart_id: str, title: str, reading: str) -> object:
    def apply(root: ET.Element) -> ET.Element:
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter()):
            drop = (
                element.tag is ET.Comment  # type: ignore[comparison-overlap]
                or element.tag in ("script", "desc", "style")
                or element.get("class") == "tooltip"
            )
            if drop and element in parents:
                parents[element].remove(element)
        for element in root.iter():
            # Tenths of a pixel are plenty; pygal writes up to 15 decimals.
            for name, value in list(element.attrib.items()):
                if name in ("rx", "ry") and value == "0":
                    del element.attrib[name]
                elif name == "id" and value.startswith("activate-serie"):
                    # For pygal's script (dropped); the same in every chart: duplicate ids.
                    del element.attrib[name]
                elif name == "class":
                    element.set(name, value.replace(" reactive tooltip-trigger", ""))
                else:
                    element.set(name, _DECIMALS.sub(r"\1", value))
        for element in root.iter("title"):
            if element in parents and parents[element] is not root:
                parents[element].remove(element)
        root.set("role", "img")
        root.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
        root.set("focusable", "false")
        root.attrib.pop("class", None)
        root.set("class", "cj-chart__svg")
        heading = root.find("title")
        if heading is None:
            heading = ET.SubElement(root, "title")
        heading.text = title
        heading.set("id", f"{chart_id}-title")
        desc = ET.Element("desc", {"id": f"{chart_id}-desc"})
        desc.text = reading
        root.insert(list(root).index(heading) + 1, desc)
        # The title comes first, as screen readers expect.
        root.remove(heading)
        root.insert(0, heading)
        root.remove(desc)
        root.insert(1, desc)
        return root

    return apply


def bar_chart(
    chart_id: str,
    title: str,
    reading: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Values]],
    *,
    horizontal: bool = False,
    line_at: float | None = None,
    percent: bool = False,
) -> Markup:
    """A bar chart; ``line_at`` marks a standard (5,000 residents, 40 %) with a strong guide."""
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    rows = len(labels)
    height = max(200, 26 * rows * max(1, len(series)) + 80) if horizontal else 300
    top = max([v for _, values in series for v in values if v is not None] + [line_at or 0, 1])
    step = _step(top)
    ticks = [step * i for i in range(int(top // step) + 2)]
    if line_at is not None and line_at not in ticks:
        ticks = sorted({*ticks, line_at})
    # pygal guesses label widths for Latin text; Chinese characters are a full em wide.
    left = max((len(label) for label in labels), default=2) * FONT + 12 if horizontal else None
    chart = kind(
        width=WIDTH, height=height, margin_left=left, style=STYLE, js=[], css=[],
        disable_xml_declaration=True, show_legend=len(series) > 1, legend_at_bottom=True,
        legend_at_bottom_columns=min(len(series), 2), print_values=False,
        # An empty list would let pygal pick "major" ticks itself; 0 is the axis anyway.
        y_labels=ticks, y_labels_major=[line_at] if line_at is not None else [0],
        show_minor_y_labels=True, x_label_rotation=0 if horizontal or rows <= 6 else 35,
        margin=8, spacing=6, truncate_label=-1, truncate_legend=-1,
        value_formatter=(lambda v: f"{v:g}%") if percent else (lambda v: f"{v:,g}"),
    )
    chart.uuid = chart_id  # pygal's default is a random uuid4
    chart.add_xml_filter(_clean(chart_id, title, reading))
    chart.x_labels = list(labels)
    for name, values in series:
        chart.add(name, list(values))
    svg: str = chart.render(is_unicode=True)
    return Markup(svg)


def _step(top: float) -> float:
    """A round tick step giving about five ticks up to ``top``."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if top / step <= 6:
            return step
    return float(10 ** len(str(int(top))))
