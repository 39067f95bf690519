"""/404.html looks and works like the shell's pages (generator/shell/): their
header with 大字, their 20 px base, links and buttons a finger can hit (44 px),
the 找民警 button on one line, nothing sideways at 360 px even with the phone's
large text; plain words for residents. In Chromium at 360×740.

How its links work from any depth and under another sub-path is in
tests/site/test_deploy_nginx.py (with nginx) and test_deploy_files.py.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import open_page
from helpers import text_of

NOT_FOUND = "404.html"
SHELL_PAGE = "v/changan/index.html"
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def page_text(site: Path, file: str) -> str:
    return (site / file).read_text(encoding="utf-8")


# -- the file -------------------------------------------------------------------

def test_it_carries_the_shells_own_inline_style_and_big_text_script(site: Path) -> None:
    """The same text, so the same CSP hashes: the 404 page adds one style and one script."""
    mine, shell = page_text(site, NOT_FOUND), page_text(site, SHELL_PAGE)
    assert STYLE.findall(mine)[0] == STYLE.findall(shell)[0]
    assert "html{font-size:125%" in STYLE.findall(mine)[0]
    assert len(STYLE.findall(mine)) == 2
    before_paint = SCRIPT.findall(mine)[0]
    assert before_paint in SCRIPT.findall(shell) and "cunjing-big" in before_paint
    assert mine.index(before_paint) < mine.index("</head>")
    assert len(SCRIPT.findall(mine)) == 2


def test_it_has_the_shell_header(site: Path) -> None:
    html = page_text(site, NOT_FOUND)
    header = re.search(r'<header class="cj-header" id="top">(.*?)</header>', html, re.S)
    assert header, html
    assert '<a class="cj-header__home" href="/luxi/" data-to="">泸西县一村一警</a>' in header.group(1)
    assert re.search(r'<button type="button" class="cj-header__button" id="cj-big" aria-pressed="false" hidden>大字</button>',
                     header.group(1))


def test_its_words_are_plain(site: Path) -> None:
    """What a resident reads: no address syntax, no technical words (the footer's
    mail address and filing links are the government footer's)."""
    html = page_text(site, NOT_FOUND)
    shown = html[html.index("<body>"):html.index('<footer class="cj-footer">')]
    shown = re.sub(r"<script.*?</script>", "", shown, flags=re.S)
    words = text_of(shown) + " ".join(re.findall(r'placeholder="([^"]*)"', shown))
    for bad in ("v/", "JavaScript", "javascript", "https", "http", "://", "www", ".html", "404", "<code>"):
        assert bad not in words, bad
    assert "可以在下面输入村名" in words
    assert "示例数据：电话均为虚构" in words  # the sample banner: one short line


def test_it_stays_small(site: Path) -> None:
    html = page_text(site, NOT_FOUND)
    shell_css = STYLE.findall(html)[0]
    assert len(html.encode("utf-8")) - len(shell_css.encode("utf-8")) < 8_000
    assert len(gzip.compress(html.encode("utf-8"))) < 4_500  # what a phone receives (gzip_static)


# -- in a browser -------------------------------------------------------------------

@pytest.fixture
def page(browser: Any, served: str) -> Iterator[Any]:
    context, page, requests = open_page(browser, served + NOT_FOUND, javascript=True)
    page.evaluate("localStorage.removeItem('cunjing-big')")
    page.reload()
    page.wait_for_load_state("networkidle")
    yield page
    context.close()
    assert all(r.startswith(served) for r in requests)


def root_px(page: Any) -> float:
    return float(page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)"))


def big(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.classList.contains('cj-big')"))


# Every link, button and field in <main>: too short for a finger?
SHORT = """() => [...document.querySelectorAll('main a, main button, main input')]
  .filter(e => e.getClientRects().length)
  .map(e => [e.tagName + ' ' + (e.textContent || e.placeholder).trim(), e.getBoundingClientRect().height])
  .filter(([, h]) => h < 44)"""
# How many lines a control's text takes.
LINES = """e => { const r = document.createRange(); r.selectNodeContents(e);
  return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }"""
# What sticks out to the right of the screen.
WIDE = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5)
    .map(e => e.tagName + '.' + e.className);
}"""


def test_header_and_big_text_work_like_the_shells(page: Any, served: str) -> None:
    assert page.locator("header.cj-header").is_visible()
    home = page.locator("header .cj-header__home")
    assert home.inner_text() == "泸西县一村一警"
    button = page.locator("#cj-big")
    assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
    assert root_px(page) == 20  # the shell's 20 px base
    body_before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    button.click()
    assert big(page) and button.get_attribute("aria-pressed") == "true"
    assert root_px(page) >= 1.25 * 20
    body_after = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert body_after >= 1.25 * body_before
    assert page.evaluate("localStorage.getItem('cunjing-big')") == "1"
    # Remembered: a shell page opens large, and so does this page again.
    page.goto(served + "v/changan/")
    assert big(page)
    page.goto(served + NOT_FOUND)
    assert big(page) and page.locator("#cj-big").get_attribute("aria-pressed") == "true"
    page.locator("#cj-big").click()
    assert not big(page) and root_px(page) == 20
    assert page.evaluate("localStorage.getItem('cunjing-big')") == "0"
    home.click()
    page.wait_for_url(served)  # served at /404.html, off site_url's /luxi/: re-rooted to /


def test_links_and_buttons_are_44_px_and_find_is_one_line(page: Any) -> None:
    for on in (False, True):
        if on:
            page.locator("#cj-big").click()
        assert big(page) == on
        assert page.evaluate(SHORT) == [], on
        header = page.evaluate("[...document.querySelectorAll('header a, header button')].map(e => e.getBoundingClientRect().height)")
        assert min(header) >= 44, header
        find = page.locator("main button", has_text="找民警")
        assert find.evaluate(LINES) == 1, on
        assert page.locator(".cj-sample").evaluate(LINES) == 1, on
        assert page.evaluate(WIDE) == [], on


@pytest.mark.parametrize("on", [False, True], ids=["normal", "big"])
def test_nothing_sideways_with_the_phones_large_text(browser: Any, served: str, on: bool) -> None:
    """The phone's font setting at 160 % (WeChat's and Android's largest steps come
    close), with and without 大字."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(served + NOT_FOUND)
        page.evaluate(f"localStorage.setItem('cunjing-big', '{1 if on else 0}')")
        cdp = context.new_cdp_session(page)
        cdp.send("Page.enable")
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 26}})  # 16 px × 160 %
        page.reload()
        page.wait_for_load_state("networkidle")
        assert big(page) == on
        assert root_px(page) == pytest.approx(26 * (1.57 if on else 1.25), abs=0.1)
        sizes = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert sizes[0] <= sizes[1], sizes
        assert page.evaluate(WIDE) == []
        assert page.evaluate(SHORT) == []
        assert page.locator("main button", has_text="找民警").evaluate(LINES) == 1
    finally:
        context.close()


def test_without_javascript_big_text_hides_and_the_page_works(browser: Any, served: str) -> None:
    context, page, requests = open_page(browser, served + NOT_FOUND, javascript=False)
    try:
        assert not page.locator("#cj-big").is_visible()
        assert page.locator("header .cj-header__home").is_visible()
        assert root_px(page) == 20
        assert page.evaluate(SHORT) == []
        assert page.locator("main a[href='tel:110']").is_visible()
        # Without the script the links stay absolute from site_url (/luxi/), as written.
        assert page.locator("header .cj-header__home").get_attribute("href") == "/luxi/"
    finally:
        context.close()
    assert requests == [served + NOT_FOUND]  # nothing else is loaded
