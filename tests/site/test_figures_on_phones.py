"""Honest figures that read on a 360-pixel phone (issue 24, items 4 and 5).

Built on the 1st of a month and on a Monday, a running month or week is named
「本月至今」/「本周至今」 with its dates and never compared with a whole one:
the sentences compare the last two complete periods (recomputed here from
data/visits/*.csv), and nothing reads 「比上月少 100%」. In Chromium at 360×740,
no table on /stats/, a post page or a village page scrolls sideways, table
headers break only between words, chart text is at least 14 px as rendered and
no two chart labels overlap or leave their chart. The visit and figure blocks
of the place pages are folded, their headings keeping their ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from generator.stats.charts import bar_chart

from conftest import SAMPLE, open_page, serve
from helpers import build, text_of, village_index, visit_rows

FIRST_OF_MONTH = "2026-12-01"  # a Tuesday
MONDAY = "2026-11-30"
LATE = "2027-01-04"  # the sample's visit log ends on 27 November 2026: December is not entered
PAGES = ("stats/", "posts/zhongshu-changan/", "v/changan/")
# A township's 数据公开 page has the per-post tables and charts (no visit figures).
TOWNSHIP = "stats/townships/zhongshuzhen/"
POST = "zhongshu-changan"


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample built on the 1st of a month, on a Monday, and weeks after its visit log ends."""
    root = tmp_path_factory.mktemp("dated")
    return {day: build(SAMPLE, root / day, day) for day in (FIRST_OF_MONTH, MONDAY, LATE)}


@pytest.fixture(scope="module")
def served_dated(dated: dict[str, Path]) -> Iterator[dict[str, str]]:
    with serve(dated[FIRST_OF_MONTH]) as first, serve(dated[MONDAY]) as monday:
        yield {FIRST_OF_MONTH: first, MONDAY: monday}


def page_text(site: Path, url: str) -> str:
    """A page's text; a label's words (本月至今 and its dates in brackets) joined again."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return text_of(re.sub(r'</span>(?:<wbr>)?<span class="cj-w">', "", html))


def households(rows: list[dict[str, str]], start: date, end: date) -> int:
    return sum(int(r["households"]) for r in rows if start <= date.fromisoformat(r["date"]) <= end)


def compared(now: int, before: int, what: str) -> str:
    percent = round(100 * (now - before) / before)
    if percent == 0:
        return f"，和{what}持平"
    return f"，比{what}{'多' if percent > 0 else '少'} {abs(percent)}%"


def post_rows() -> list[dict[str, str]]:
    villages = village_index()
    return [r for r in visit_rows() if villages[r["village"]][0] == POST]


# -- honest figures ---------------------------------------------------------------

def test_built_on_the_1st_no_page_compares_the_new_month(dated: dict[str, Path]) -> None:
    site = dated[FIRST_OF_MONTH]
    for url in PAGES:
        text = page_text(site, url)
        for wrong in ("比上月少 100%", "比上周少 100%", "少 100%", "本月（", "本周（"):
            assert wrong not in text, (url, wrong)
        # A day-old month is never a row of zeros with its month's name.
        assert "2026年12月 0" not in text and "12月 0 " not in text, url
    county, post = visit_rows(), post_rows()
    nov = (date(2026, 11, 1), date(2026, 11, 30))
    oct_ = (date(2026, 10, 1), date(2026, 10, 31))
    for url, rows in (("stats/", county), (f"posts/{POST}/", post)):
        text = page_text(site, url)
        now, before = households(rows, *nov), households(rows, *oct_)
        # The last two complete months compared; the running month, empty yet, left out.
        assert f"上月（11月）走访 {now:,} 户{compared(now, before, '10月')}。" in text, url
        assert "本月至今（12月1日）" in text, url  # its table row, named as running
        assert "本月至今（12月1日）走访 0 户" not in text, url
        assert "上月（11月）受理群众诉求" in text, url
    post_page = page_text(site, f"posts/{POST}/")
    assert f"上月走访 {households(post, *nov):,} 户" in post_page  # the folded block's figure
    village = page_text(site, "v/changan/")
    rows = [r for r in county if r["village"] == "changan"]
    assert f"上月（11月）民警走访本村 {households(rows, *nov):,} 户" in village
    assert "本月至今" not in village and "本周至今" not in village  # a village: complete periods only


def test_built_on_a_monday_the_new_week_is_named_and_not_compared(dated: dict[str, Path]) -> None:
    site = dated[MONDAY]
    monday = date.fromisoformat(MONDAY)
    last = (monday - timedelta(days=7), monday - timedelta(days=1))
    before = (monday - timedelta(days=14), monday - timedelta(days=8))
    for url, rows in (("stats/", visit_rows()), (f"posts/{POST}/", post_rows())):
        text = page_text(site, url)
        assert "比上周少 100%" not in text and "本周（" not in text, url
        now, earlier = households(rows, *last), households(rows, *before)
        assert f"上周（11月23日—29日）走访 {now:,} 户{compared(now, earlier, '前一周')}。" in text, url
        assert "本周至今（11月30日）" in text, url  # the week table's running row
        # November is still running on the 30th: compared months are September and October.
        assert "上月（10月）走访" in text and "本月至今（11月1日—30日）" in text, url
    text = page_text(site, "v/changan/")
    assert "本周至今" not in text and "11月30日" not in text


def test_the_visit_and_figure_blocks_are_folded(site: Path) -> None:
    for url, heading in ((f"posts/{POST}/", "民警走访情况"), ("v/changan/", "民警走访本村情况")):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        start = html.index('<section class="cj-panel cj-visits"')
        block = html[start:html.index("</section>", start)]
        assert block.count('<details class="cj-fold">') == 1, url
        assert f'<h2 class="cj-fold__title" id="visits">{heading}</h2>' in block, url
        assert '<span class="cj-fold__note">上月走访' in block, url
    html = (site / f"posts/{POST}/index.html").read_text(encoding="utf-8")
    assert '<h2 class="cj-fold__title" id="stats">长安社区警务室数据公开</h2>' in html
    assert '<span class="cj-fold__note">三访三评群众满意率 ' in html


def test_months_not_entered_yet_are_not_a_fall(dated: dict[str, Path]) -> None:
    """Built weeks after the log's last row, the sentences compare the latest months it
    covers, by name, and say that later ones are not entered, not 「少 100%」."""
    site = dated[LATE]
    county = visit_rows()
    nov = households(county, date(2026, 11, 1), date(2026, 11, 30))
    oct_ = households(county, date(2026, 10, 1), date(2026, 10, 31))
    for url in PAGES:
        text = page_text(site, url)
        assert "少 100%" not in text, url
        assert "（之后的走访记录还没有录入）" in text, url
    text = page_text(site, "stats/")
    assert f"2026年11月走访 {nov:,} 户{compared(nov, oct_, '2026年10月')}（之后的走访记录还没有录入）。" in text
    assert "11月23日—29日这一周走访" in text


# -- tables and charts at 360 px -----------------------------------------------------

UNFOLD = "document.querySelectorAll('details').forEach(d => d.open = true)"

# Every table in the page's content: its own width and its box's against their room, and
# each header's words (text nodes) on one line each.
TABLES = """() => {
  const out = [];
  for (const table of document.querySelectorAll('main table')) {
    const box = table.parentElement;
    const name = (table.caption && table.caption.textContent) || table.className;
    if (table.scrollWidth > table.clientWidth + 1 || box.scrollWidth > box.clientWidth + 1
        || table.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5) {
      out.push(`${name}: ${table.scrollWidth} wide in ${box.clientWidth}`);
    }
    for (const th of table.querySelectorAll('th')) {
      const head = th.closest('thead');
      if (head && head.getBoundingClientRect().width < 2) continue;  // a card's column names, for screen readers
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) out.push(`${name}: header "${node.textContent}" on ${lines.size} lines`);
      }
    }
  }
  return out;
}"""

# Every visible text of every chart: its size as rendered, boxes that overlap, boxes
# outside their chart.
CHARTS = """() => {
  const out = {count: 0, problems: []};
  for (const svg of document.querySelectorAll('svg.cj-chart__svg')) {
    const frame = svg.getBoundingClientRect();
    const boxes = [];
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBoundingClientRect();
      if (!box.width || getComputedStyle(text).visibility === 'hidden') continue;
      const m = text.getScreenCTM();
      const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
      out.count++;
      if (size < 14 || box.height < 14) out.problems.push(`${svg.id} "${text.textContent}" ${size.toFixed(1)} px`);
      if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
        out.problems.push(`${svg.id} "${text.textContent}" outside the chart`);
      }
      for (const [other, b] of boxes) {
        if (box.left < b.right - 1 && b.left < box.right - 1 && box.top < b.bottom - 1 && b.top < box.bottom - 1) {
          out.problems.push(`${svg.id} "${text.textContent}" overlaps "${other}"`);
        }
      }
      boxes.push([text.textContent, box]);
    }
    const chart = svg.closest('.cj-chart');
    const reading = chart.querySelector('.cj-chart__reading');
    if (!reading || !reading.textContent.trim() || !chart.querySelector('table')) {
      out.problems.push(`${svg.id} without its sentence or its table`);
    }
  }
  return out;
}"""


def builds(served: str, served_dated: dict[str, str]) -> list[str]:
    return [served, *served_dated.values()]


CHARTED = (*PAGES[:2], TOWNSHIP)  # the pages whose charts are measured


@pytest.fixture(scope="module")
def figures_seen(browser: Any, served: str, served_dated: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    """Each figures page of each build opened once on a 360×740 phone (JavaScript on,
    a first visit), every fold open: its tables and charts measured, then its tables
    again with 大字. (base, url) -> measurements."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for base in builds(served, served_dated):
        for url in (*PAGES, TOWNSHIP):
            context, page, _ = open_page(browser, base + url, javascript=True)
            try:
                page.evaluate(UNFOLD)
                found = seen[(base, url)] = {
                    "tables": page.locator("main table").count(),
                    "charts": page.evaluate(CHARTS) if url in CHARTED else None,
                    "sideways": page.evaluate(TABLES),
                }
                page.evaluate("document.documentElement.classList.add('cj-big')")  # 大字
                found["sideways_big"] = page.evaluate(TABLES)
            finally:
                context.close()
    return seen


def test_no_table_scrolls_sideways_and_headers_keep_their_words(
    figures_seen: dict[tuple[str, str], dict[str, Any]],
) -> None:
    assert len(figures_seen) == 3 * (len(PAGES) + 1)
    for (base, url), found in figures_seen.items():
        assert found["tables"] >= 2, url
        assert found["sideways"] == [], (base, url)
        assert found["sideways_big"] == [], (base, url, "大字")


def test_chart_text_is_14_px_and_no_label_overlaps_another(
    figures_seen: dict[tuple[str, str], dict[str, Any]],
) -> None:
    charted = [(key, found["charts"]) for key, found in figures_seen.items() if key[1] in CHARTED]
    assert len(charted) == 3 * len(CHARTED)
    for (base, url), found in charted:
        # The township page has one township's posts (9 in 中枢镇), the others the county's rows.
        assert found["count"] > (20 if url == TOWNSHIP else 40), url
        assert found["problems"] == [], (base, url, found["problems"][:10])


def test_long_labels_and_numbers_still_fit(browser: Any, served: str) -> None:
    """Labels too long for a column go above their bars; big numbers keep their margin."""
    svg = bar_chart(
        "chart-long", "很长的名字", "一句话。",
        ["某某县某某乡某某某某村警务室", "短", "本周至今（11月30日—12月1日）"],
        [("受理", [123456, 7, "<3"]), ("已反馈", [99999, 0, None])],
        line_at=50000, line_label="红线：每名民警 50,000 人",
    )
    context, page, _ = open_page(browser, served + "stats/", javascript=True)
    try:
        page.evaluate(
            """svg => { document.querySelector('main article').innerHTML = '<section class="cj-chart">'
              + '<p class="cj-chart__reading">一句话。</p><div class="cj-chart__figure">' + svg
              + '</div><table></table></section>'; }""",
            str(svg),
        )
        found = page.evaluate(CHARTS)
        assert found["count"] == 11 and found["problems"] == [], found
    finally:
        context.close()


def test_the_folded_blocks_are_short(browser: Any, served: str) -> None:
    context, page, _ = open_page(browser, served + f"posts/{POST}/", javascript=False)
    try:
        for block in ("section.cj-visits", "section.cj-panel--stats"):
            box = page.locator(block).bounding_box()
            assert box and box["height"] < 120, (block, box)
        page.locator("#visits").click()  # the heading opens its block
        assert page.locator("section.cj-visits table").first.is_visible()
    finally:
        context.close()


def test_chart_text_is_still_14_px_on_a_320_px_phone(browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(served + "stats/")
        page.wait_for_load_state("networkidle")
        page.evaluate(UNFOLD)
        found = page.evaluate(CHARTS)
        assert found["count"] > 40 and found["problems"] == [], found["problems"][:10]
    finally:
        context.close()


def test_opened_visit_blocks_pass_axe(browser: Any, served: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    for url in (f"posts/{POST}/", "v/changan/"):
        context, page, _ = open_page(browser, served + url, javascript=True)
        try:
            page.evaluate(UNFOLD)
            results = Axe().run(page, context="section.cj-visits")
            assert results.violations_count == 0, results.generate_report()
        finally:
            context.close()
