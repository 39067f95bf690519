"""The page shell (generator/shell/): what every page loads, 大字, the menu, back to
top, 听一听 and the service worker, in Chromium on a phone-sized screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bench.pagekinds import PageKind
from bench.serve import serve_compressed
from bench.weight import measure
from generator.core.pages import Asset, Page, SiteOutput
from generator.shell.pages import build_hash

from conftest import html_pages, open_page
from helpers import SPEECH

VILLAGE = "v/ade/"
NOTICE = "notices/2026-11-anti-fraud/"
# One page of every kind the shell wraps (long titles included).
PAGES = (
    "", VILLAGE, "posts/zhongshu-changan/", "officers/chen-depeng/", "find/", NOTICE,
    "law/fanzha-chunjie/", "reports/2026-10-county/", "safety/", "stats/", "about/",
)


@pytest.fixture(scope="module")
def gz_served(site: Path) -> Iterator[str]:
    with serve_compressed(site) as url:
        yield url


def first_load(browser: Any, base: str, path: str, query: str = "") -> tuple[int, list[str]]:
    """Bytes on the wire (gzip bodies) of every request a first visit makes."""
    weight = measure(browser, base, PageKind("shell", path, path, path, query=query))
    # measure() shortens our own URLs to site-relative ones; another host's stay whole.
    return weight.total, [r.url if urlsplit(r.url).scheme else base + r.url for r in weight.requests]


# -- static: what every page loads ----------------------------------------------

def test_pages_load_no_theme_bundle_and_one_stylesheet(site: Path) -> None:
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        if 'class="md-header' not in html:
            continue  # printables, redirects, the 404 page: not in the shell
        head = html[: html.index("</head>")]
        assert len(re.findall(r'<link rel="stylesheet"', head)) == 1, path
        assert "bundle." not in html and "main." not in head, path
        assert "autocomplete" not in html.split('id="main"')[0], path  # header and menu
        assert 'src="' not in head, path  # no script blocks rendering


def test_nothing_stops_the_phones_text_size(site: Path) -> None:
    for path in [*site.rglob("*.css"), *site.rglob("*.html")]:
        if "/assets/stylesheets/" in path.as_posix():
            continue  # the theme's own files are published but no page of ours loads them
        text = re.sub(r"\s+", "", path.read_text(encoding="utf-8")).lower()
        assert "text-size-adjust:none" not in text, path


def test_cache_name_follows_the_content() -> None:
    one = SiteOutput(pages=[Page("a.md", "甲", "<p>1</p>")], assets=[Asset("x.txt", b"1")])
    same = SiteOutput(pages=[Page("a.md", "甲", "<p>1</p>")], assets=[Asset("x.txt", b"1")])
    other = SiteOutput(pages=[Page("a.md", "甲", "<p>1</p>")], assets=[Asset("x.txt", b"2")])
    assert build_hash(one) == build_hash(same) != build_hash(other)


def test_worker_at_the_root_lists_only_our_files(site: Path) -> None:
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert re.search(r'var CACHE = "cunjing-[0-9a-f]{16}";', worker)
    assert "http" not in worker.split('"use strict";')[1]  # nothing from another host
    for name in re.findall(r'"((?:assets|find)/[^"]+)"', worker):
        assert (site / name).is_file(), name


# -- weight -----------------------------------------------------------------------

def test_first_load_weight(browser: Any, gz_served: str) -> None:
    village, urls = first_load(browser, gz_served, VILLAGE)
    assert village <= 40_000, (village, urls)
    assert all(u.startswith(gz_served) for u in urls)
    found, urls = first_load(browser, gz_served, "find/", "?q=ade")
    assert found <= 50_000, (found, urls)
    assert any("/find/i/" in u for u in urls)  # the query was looked up


# -- 大字 -------------------------------------------------------------------------

SIZES = """() => ['body', 'article h1', 'article p', '.cj-call', '.md-nav__link', '.cj-footer p']
  .map(s => document.querySelector(s)).filter(Boolean)
  .map(e => parseFloat(getComputedStyle(e).fontSize))"""


def test_big_text_enlarges_everything_and_is_remembered(browser: Any, served: str) -> None:
    context, page, _ = open_page(browser, served + VILLAGE, javascript=True)
    button = page.locator("#cj-big")
    assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
    before = page.evaluate(SIZES)
    assert len(before) == 6
    button.click()
    after = page.evaluate(SIZES)
    assert all(a >= 1.25 * b for a, b in zip(after, before, strict=True)), (before, after)
    assert button.get_attribute("aria-pressed") == "true"
    page.goto(served + "find/")  # another page: still large
    assert page.evaluate("document.documentElement.classList.contains('cj-big')")
    assert page.locator("#cj-big").get_attribute("aria-pressed") == "true"
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == after[0]
    page.locator("#cj-big").click()
    page.goto(served + VILLAGE)
    assert page.evaluate(SIZES) == before
    context.close()


@pytest.mark.parametrize("width", [360, 320])
def test_nothing_scrolls_sideways(browser: Any, served: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 740}, is_mobile=True)
    page = context.new_page()
    wide = []
    for big in (False, True):
        page.goto(served)
        page.evaluate(f"localStorage.setItem('cunjing-big', '{1 if big else 0}')")
        for url in PAGES:
            page.goto(served + url)
            page.wait_for_load_state("load")
            assert page.evaluate("document.documentElement.classList.contains('cj-big')") == big
            sizes = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if sizes[0] > sizes[1]:
                wide.append((url, big, sizes))
    context.close()
    assert not wide


# -- without JavaScript; menu; back to top ------------------------------------------

def test_without_javascript_the_controls_hide_and_the_menu_works(browser: Any, served: str) -> None:
    context, page, _ = open_page(browser, served + NOTICE, javascript=False)
    assert not page.locator("#cj-big").is_visible()
    assert not page.locator("#cj-listen").is_visible()
    assert not page.locator("#cj-top").is_visible()
    link = page.locator(".md-nav__link", has_text="找民警")
    assert not link.is_visible()
    page.locator(".cj-menu summary").click()
    assert link.is_visible()
    box = link.bounding_box()
    assert box is not None and box["height"] >= 44
    link.click()
    page.wait_for_url("**/find/")
    page.locator(".cj-footer a", has_text="回到顶部").click()
    context.close()


def test_back_to_top_appears_after_a_screen(browser: Any, served: str) -> None:
    context, page, _ = open_page(browser, served + VILLAGE, javascript=True)
    top = page.locator("#cj-top")
    assert not top.is_visible()
    page.evaluate("window.scrollTo(0, 3 * window.innerHeight)")
    top.wait_for(state="visible")
    top.click()
    page.wait_for_function("window.pageYOffset < 10")
    context.close()


def test_shell_passes_axe(browser: Any, served: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    for url in (VILLAGE, NOTICE):
        context, page, _ = open_page(browser, served + url, javascript=True)
        page.locator(".cj-menu summary").click()
        results = Axe().run(page, context={"include": [["header"], ["footer"]]})
        assert results.violations_count == 0, results.generate_report()
        context.close()


# -- 听一听 ------------------------------------------------------------------------

def test_listen_with_a_chinese_voice(browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    context.add_init_script(SPEECH)
    page = context.new_page()
    page.goto(served + NOTICE)
    page.wait_for_load_state("load")
    listen = page.locator("#cj-listen button")
    assert not listen.is_visible()  # voices load later in Chromium
    page.evaluate("window.__voices([{lang: 'en-US', name: 'en'}, {lang: 'zh-CN', name: 'zh'}])")
    listen.wait_for(state="visible")
    listen.click()
    spoken = page.evaluate("window.__spoken")
    title = page.locator("article h1").inner_text()
    assert spoken[0][1:] == ["zh-CN", "zh"]
    assert re.sub(r"\s", "", title)[-6:] in re.sub(r"\s", "", spoken[0][0])
    assert listen.get_attribute("aria-pressed") == "true"
    for url in ("reports/2026-10-county/", "law/fanzha-chunjie/"):
        page.goto(served + url)
        page.evaluate("window.__voices([{lang: 'zh-CN', name: 'zh'}])")
        page.locator("#cj-listen button").wait_for(state="visible")
    page.goto(served + VILLAGE)  # not a text page: no button at all
    assert page.locator("#cj-listen").count() == 0
    context.close()


def test_listen_hidden_without_a_chinese_voice(browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    context.add_init_script(SPEECH)
    page = context.new_page()
    page.goto(served + NOTICE)
    page.evaluate("window.__voices([{lang: 'en-US', name: 'en'}])")
    assert page.locator("#cj-listen").count() == 1
    assert not page.locator("#cj-listen button").is_visible()
    context.close()


# -- offline ------------------------------------------------------------------------

def until(page: Any, predicate: str) -> None:
    """Wait (up to 30 s) until the async JavaScript predicate is true."""
    assert page.evaluate(f"""async () => {{
      for (let i = 0; i < 150; i++) {{
        if (await ({predicate})()) return true;
        await new Promise(r => setTimeout(r, 200));
      }}
      return false; }}""")


CACHED = """async (url) => {
  for (const name of await caches.keys()) {
    if (await (await caches.open(name)).match(url)) return true;
  }
  return false;
}"""


def test_offline_after_one_visit_under_a_sub_path(browser: Any, site: Path, tmp_path: Path) -> None:
    (tmp_path / "luxi").symlink_to(site, target_is_directory=True)
    new_build: list[str] = []

    def worker(path: Path, content: bytes) -> bytes | None:
        # Stands in for a new build: the same worker with another cache name.
        if path.name != "sw.js" or not new_build:
            return None
        return re.sub(rb'(var CACHE = "[^"]+)"', rb"\1" + new_build[0].encode() + b'"', content)

    with serve_compressed(tmp_path, worker) as root:
        base = root + "luxi/"
        context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
        page = context.new_page()
        page.goto(base + VILLAGE)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        until(page, f"() => ({CACHED})(location.href)")
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == base
        page.goto(base + "find/")
        last = re.findall(r'"(find/i/[^"]+)"', (site / "sw.js").read_text(encoding="utf-8"))[-1]
        until(page, f"() => ({CACHED})('{base}{last}')")

        context.set_offline(True)
        page.goto(base + VILLAGE)
        assert "阿德村" in page.locator("article h1").inner_text()
        page.goto(base + "find/?q=" + "阿德")
        page.locator("#cj-find-results").wait_for(state="visible")
        assert "阿德村" in page.locator("#cj-find-results").inner_text()
        everything = page.evaluate("""async () => {
          const out = [];
          for (const name of await caches.keys())
            for (const r of await (await caches.open(name)).keys()) out.push(r.url);
          return out; }""")
        assert everything and all(u.startswith(root) for u in everything)

        # A new build: the new worker retires every older cunjing cache, and only those.
        context.set_offline(False)
        page.evaluate("caches.open('other-app').then(() => caches.open('cunjing-old')).then(() => true)")
        names = page.evaluate("caches.keys()")
        new_build.append("-2")
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)")
        until(page, "() => caches.keys().then(k => k.length === 2 && k.some(n => n.endsWith('-2')))")
        after = page.evaluate("caches.keys()")
        assert "other-app" in after and "cunjing-old" not in after
        assert not set(names) & set(after) - {"other-app"}
        context.close()
