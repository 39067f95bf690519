"""Pages on small phones, in a real browser (Chromium): every phone number a call
control, the 110 button in the first screen, nothing sticking out at 320 px, the
WeChat hint, copyable details; print pages' structure; pages that do not grow
with the grid."""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from generator.build import links, template_packages
from generator.core.render import Renderer
from generator.core.settings import SiteConfig
from generator.directory import urls as directory_urls
from generator.directory.pages import township_pages
from generator.find.urls import FIND

from conftest import ROOT
from helpers import NUMBER_PIECES, at_once, sample

sys.path.insert(0, str(ROOT))
from bench.synthetic import synthetic_grid

# One page of every kind these templates produce (screen and print).
PAGE_KINDS = (
    "", "v/changan/", "v/wenbi/", "posts/zhongshu-changan/", "officers/li-jianguo/", "posts/",
    "posts/townships/zhongshuzhen/", "find/", "find/?q=changan", "events/", "events/weeks/2026-12-05/", "events/reception/zhongshuzhen/",
    "events/kentanhui-zhongshu/", "reports/", "reports/2026-09-zhongshu-changan/", "notices/",
    "notices/2026-11-anti-fraud/", "law/", "law/fanzha-2026-09/", "stats/", "stats/townships/zhongshuzhen/", "safety/", "actions/",
    "actions/changan-ludeng/", "print/v/changan/", "print/officers/li-jianguo/",
    "print/notices/2026-11-anti-fraud/", "print/reports/2026-09-zhongshu-changan/", "law/kinds/yianshuofa/",
)
WECHAT = (
    "Mozilla/5.0 (Linux; Android 10; V2001A) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/86.0.4240.99 Mobile Safari/537.36 MicroMessenger/8.0.40.2420(0x28002837) NetType/4G"
)


def phone(browser: Any, width: int = 360, height: int = 640, **options: Any) -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True, **options)
    return context, context.new_page()


def go(page: Any, url: str) -> None:
    """Open a page and wait for its layout: its styles and pictures (these pages load nothing late)."""
    page.goto(url, wait_until="load")


# What sticks out to the right of the screen, inside the page's own content (the
# theme's header is the shell's). Elements inside a scrolling region (wide data
# tables) do not widen the page.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const root = document.querySelector('.md-content') || document.querySelector('main') || document.body;
  const out = [];
  for (const el of root.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (!box.width || box.right <= width + 0.5) continue;
    let scrolled = false;
    for (let up = el.parentElement; up && up !== root; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX === 'auto' || style.overflowX === 'scroll' || style.overflowX === 'hidden') { scrolled = true; break; }
    }
    if (!scrolled) out.push(el.tagName + '.' + el.className + ' ' + Math.round(box.right));
  }
  return out;
}"""


# The document's width and the width it has on screen.
WIDTHS = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


def test_nothing_sticks_out_at_320_px(browser: Any, served: str) -> None:
    context, page = phone(browser, 320)
    try:
        for url in PAGE_KINDS:
            go(page, served + url)
            # One round trip per page: the h1 count, what sticks out, the document's widths.
            h1, overflow, (width, client) = at_once(
                page, "() => document.querySelectorAll('h1').length", OVERFLOW, WIDTHS,
            )
            assert h1 >= 1, url
            assert overflow == [], url
            if url.startswith("print/"):  # no theme header: the whole document fits
                assert width <= client, url
    finally:
        context.close()


# Every visible call link (as Playwright's is_visible: a box, and not visibility:hidden):
# its box, its font size and its text, in one round trip to the browser per page.
TEL_LINKS = """() => [...document.querySelectorAll("a[href^='tel:']")].flatMap(a => {
  const r = a.getBoundingClientRect();
  const style = getComputedStyle(a);
  if (!r.width || !r.height || style.visibility === 'hidden') return [];
  return [{width: r.width, height: r.height, size: parseFloat(style.fontSize), text: a.innerText}];
})"""


def test_every_phone_number_is_a_call_control_of_48_px(browser: Any, served: str) -> None:
    context, page = phone(browser, 360)
    try:
        checked = 0
        for url in PAGE_KINDS:
            if url.startswith("print/"):
                continue  # sheets to print, not to tap
            go(page, served + url)
            if "?q=" in url:
                page.wait_for_selector(".cj-find__hit")
            links, pieces = at_once(page, TEL_LINKS, NUMBER_PIECES)
            for link in links:
                assert link["height"] >= 48 and link["width"] >= 48, (url, link["text"])
                assert link["size"] >= 18, (url, link["text"], link["size"])  # large digits
                checked += 1
            # No number breaks between its digits (it may wrap at its dash).
            assert all(lines == 1 for lines, _ in pieces), url
        assert checked > 50
    finally:
        context.close()


def test_names_and_numbers_do_not_break_in_village_tables(browser: Any, served: str) -> None:
    context, page = phone(browser, 360)
    try:
        go(page, served + "v/changan/")
        rows = page.locator("table.cj-cards tbody tr")
        assert rows.count() > 0
        for cell in page.locator("table.cj-cards .cj-name, table.cj-cards .cj-num").all():
            box = cell.bounding_box()
            line = float(cell.evaluate("n => parseFloat(getComputedStyle(n).lineHeight) || 30"))
            assert box and box["height"] < 2 * line, cell.inner_text()  # one line
        # At 360 px the staff table is a stack of cards, each cell named.
        first = page.locator("table.cj-cards tbody tr").first.locator("td").first
        assert first.evaluate("td => getComputedStyle(td).display") == "block"
        assert "姓名" in first.evaluate("td => getComputedStyle(td, '::before').content")
    finally:
        context.close()


# The 110 button's box in the viewport, as Playwright's bounding_box() gives it
# (null when there is none or it is not displayed).
EMERGENCY_BOX = """() => {
  const el = document.querySelector("a.cj-call--emergency[href='tel:110']");
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return r.width || r.height ? {x: r.x, y: r.y, width: r.width, height: r.height} : null;
}"""


def test_the_110_button_is_in_the_first_screen_of_home_and_every_village(browser: Any, served: str) -> None:
    context, page = phone(browser, 360, 640, java_script_enabled=False)
    try:
        urls = [""] + [directory_urls.village(v.id) for v in sample().villages]
        assert len(urls) == 124
        for url in urls:
            go(page, served + url)
            box = page.evaluate(EMERGENCY_BOX)  # one round trip to the browser per page
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= 640, (url, box)
            assert box["height"] >= 48
    finally:
        context.close()


def test_wechat_hint_shows_only_in_wechat(browser: Any, served: str) -> None:
    for agent, shown in ((WECHAT, True), (None, False)):
        options = {"user_agent": agent} if agent else {}
        context, page = phone(browser, 360, **options)
        try:
            for url, near in (
                ("officers/li-jianguo/", "a.cj-save"), ("posts/zhongshu-changan/", "a.cj-save"),
                ("v/changan/", "a.cj-save"), ("events/", "a.cj-add-calendar"),
                ("events/kentanhui-zhongshu/", "a.cj-add-calendar"),
            ):
                go(page, served + url)
                assert page.locator(near).count() > 0, url
                hint = page.locator(".cj-wechat-hint").first
                assert hint.count() == 1 and hint.is_visible() == shown, (url, agent)
                if shown:
                    assert "点右上角「…」，选“在浏览器打开”" in hint.inner_text()
        finally:
            context.close()


def test_calendar_links_offer_https_and_webcal(site: Path) -> None:
    html = (site / "events/index.html").read_text(encoding="utf-8")
    assert 'href="webcal://cunjing.example.org/luxi/calendar/all.ics"' in html
    assert 'href="https://cunjing.example.org/luxi/calendar/all.ics"' in html


def test_officer_and_post_details_as_plain_text(browser: Any, served: str) -> None:
    context, page = phone(browser, 360, java_script_enabled=False)
    try:
        go(page, served + "officers/li-jianguo/")
        text = page.locator("pre.cj-copy").inner_text()
        assert "李建国" in text and "0873-0610102" in text and "长安社区警务室" in text and "110" in text
        go(page, served + "posts/zhongshu-changan/")
        page.locator("summary", has_text="复制文字，发给家人").click()  # folded on the post page
        text = page.locator("pre.cj-copy").inner_text()
        assert "长安社区警务室" in text and "0873-0610101" in text and "李建国：0873-0610102" in text
    finally:
        context.close()


class Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.mains = 0
        self.h1 = 0
        self.style_in_body = 0
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.mains += tag == "main"
        self.h1 += tag == "h1"
        if tag == "style" and "body" in self.stack:
            self.style_in_body += 1
        self.ids += [v for k, v in attrs if k == "id" and v]
        if tag not in ("meta", "link", "img", "br", "input", "hr", "source", "path", "rect", "circle"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


def test_print_pages_have_a_main_landmark_an_h1_and_no_style_in_body(site: Path) -> None:
    pages = sorted((site / "print").rglob("index.html"))
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a former village id's redirect
        parsed = Structure()
        parsed.feed(html)
        assert parsed.mains == 1 and parsed.h1 >= 1 and parsed.style_in_body == 0, path
        assert len(parsed.ids) == len(set(parsed.ids)), path


def test_posts_and_find_do_not_grow_with_the_grid() -> None:
    """At 14,000 villages /posts/, /find/ and every township's page stay under 60 KB."""
    grid = synthetic_grid(14_000)
    settings = SiteConfig(
        title="合成县一村一警", county="合成县", authority="合成县公安局", site_url="https://example.org/synthetic/",
    )
    renderer = Renderer(template_packages(), {
        "site": settings, "grid": grid, "url": links(), "station_of": lambda township, name: None,
    })
    slugs = grid.township_slugs
    index = renderer.page(
        "directory/posts_index.html", "posts/index.md", "警务室",
        townships=[(t, directory_urls.township(s), grid.posts_in(t)) for t, s in slugs.items()],
    )
    find = renderer.page(
        "find/find.html", FIND + "index.md", "找民警", manifest="{}", default_photo="x.svg", limit=40,
        towns=[(t, directory_urls.township(s)) for t, s in slugs.items()],
    )
    sizes = {"posts/": len(index.html.encode()), "find/": len(find.html.encode())}
    for township, slug in list(slugs.items())[::10]:
        for page in township_pages(renderer, grid, township, slug):
            sizes[page.url] = len(page.html.encode())
            ids = re.findall(r' id="([^"]+)"', page.html)
            assert len(ids) == len(set(ids))
    assert max(sizes.values()) < 60_000, sizes


@pytest.mark.parametrize("url", ["posts/", "find/"])
def test_posts_and_find_pages_are_small(site: Path, url: str) -> None:
    assert len((site / url / "index.html").read_bytes()) < 60_000


def test_no_page_has_duplicate_ids(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 400
    for path in pages:
        parsed = Structure()
        parsed.feed(path.read_text(encoding="utf-8"))
        repeated = sorted({i for i in parsed.ids if parsed.ids.count(i) > 1})
        assert not repeated, (path, repeated)
