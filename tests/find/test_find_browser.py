"""找民警 (/find/) in a real browser: typing, ranking, ?q=, JavaScript off."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from pypinyin import Style, lazy_pinyin

from generator.build import links, template_packages
from generator.core import phones
from generator.core.render import Renderer
from generator.core.settings import SiteConfig
from generator.directory.photos import DEFAULT_PHOTO
from generator.find.index import LIMIT, Index, build_index
from generator.find.shards import split_index

from conftest import ROOT, serve
from helpers import found, sample, sample_index

sys.path.insert(0, str(ROOT))
from bench.synthetic import synthetic_grid

# Each query typed into the search box as Playwright's fill() types it, then the
# village ids shown once the page says it shows that query.
ASK_ALL = """async queries => {
  const box = document.getElementById('cj-q');
  const find = document.getElementById('cj-find');
  const out = [];
  for (const q of queries) {
    box.focus();
    box.value = q;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    const start = Date.now();
    while (find.getAttribute('data-shown') !== q) {
      if (Date.now() - start > 20000) throw new Error('no answer for ' + q);
      await new Promise(done => setTimeout(done, 2));
    }
    out.push([...document.querySelectorAll('#cj-find-results .cj-find__hit')].map(i => i.dataset.village));
  }
  return out;
}"""


class Finder:
    """One phone-sized page of /find/, asked one query after another."""

    def __init__(self, browser: Any, url: str, *, javascript: bool = True) -> None:
        self.context = browser.new_context(
            viewport={"width": 360, "height": 740}, is_mobile=True, java_script_enabled=javascript
        )
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(url)

    def ask(self, typed: str, *, keystrokes: bool = False) -> list[str]:
        box = self.page.locator("#cj-q")
        if keystrokes:
            box.fill("")
            box.press_sequentially(typed, delay=20)
        else:
            box.fill(typed)
        self.page.wait_for_function(
            "q => document.getElementById('cj-find').getAttribute('data-shown') === q", arg=typed
        )
        return self.shown()

    def ask_all(self, queries: list[str]) -> list[list[str]]:
        """ask() for each query in turn, inside the page (as fill() does it: the
        value, then an input event), in one round trip to the browser."""
        found: list[list[str]] = self.page.evaluate(ASK_ALL, queries)
        return found

    def shown(self) -> list[str]:
        ids: list[str] = self.page.eval_on_selector_all(
            "#cj-find-results .cj-find__hit", "items => items.map(i => i.dataset.village)"
        )
        return ids

    def status(self) -> str:
        text: str = self.page.locator("#cj-find-status").inner_text()
        return text

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def finder(browser: Any, served: str) -> Iterator[Finder]:
    f = Finder(browser, served + "find/")
    yield f
    f.close()
    assert not f.errors, f.errors
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in f.requests), f.requests


def test_typing_initials_pinyin_and_characters(finder: Finder, served: str) -> None:
    for typed in ("ca", "chang an", "changan", "长安", "ljg", "lijianguo", "李建国"):
        assert finder.ask(typed, keystrokes=True)[0] == "changan", typed
        hit = finder.page.locator(".cj-find__hit").first
        assert hit.locator(".cj-find__village").inner_text() == "长安社区"
        assert "李建国" in hit.locator(".cj-find__officer-name").inner_text()
        assert hit.locator("a.cj-call").get_attribute("href") == "tel:08730610102"
        assert hit.locator(".cj-find__photo").get_attribute("src") == "../media/photos/li-jianguo.png"
    # An exact hit on the village comes first, then the village found by its post's name.
    assert finder.ask("changan") == ["changan", "wenbi"]
    assert "警务室：长安社区警务室" in finder.page.locator(".cj-find__hit").nth(1).inner_text()
    assert finder.ask("张磊") == ["wenbi"]
    hits = finder.ask("zhongshu")
    assert set(hits) == {v.id for v in sample().villages_in("中枢镇")}
    assert finder.page.locator(".cj-find__why").first.inner_text() == "乡镇：中枢镇"
    # Results are big tap targets that lead to the village page.
    finder.ask("chongyang")
    call = finder.page.locator(".cj-find__hit a.cj-call").first
    box = call.bounding_box()
    assert box and box["height"] >= 44
    finder.page.locator(".cj-find__village").first.click()
    finder.page.wait_for_url("**/v/chongyang/")


def test_every_officer_of_a_village_shows_with_a_tel_link(finder: Finder) -> None:
    grid = sample()
    for village in grid.villages:
        if len(village.officers) < 2:
            continue
        finder.ask(village.name)
        hit = finder.page.locator(f'.cj-find__hit[data-village="{village.id}"]')
        hrefs = hit.locator("a.cj-call").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert hrefs == [phones.tel_href(grid.officer_by_id[o].phone) for o in village.officers]


def test_every_sample_village_by_characters_full_pinyin_and_initials(finder: Finder) -> None:
    asked = []
    for village in sample().villages:
        syllables = lazy_pinyin(village.name, style=Style.NORMAL)
        asked += [(village, typed) for typed in (village.name, "".join(syllables), "".join(s[0] for s in syllables))]
    for (village, typed), shown in zip(asked, finder.ask_all([t for _, t in asked]), strict=True):
        assert village.id in shown, (village.name, typed)


def test_polyphonic_readings_and_v_for_u(finder: Finder) -> None:
    for typed, village in [
        ("zhangan", "changan"), ("zhongyang", "chongyang"), ("hangzhi", "xingzhi"),
        ("zhaoyang", "chaoyang"), ("chaoyang", "chaoyang"), ("shanjiazhai", "shanjiazhai"),
        ("danjiazhai", "shanjiazhai"), ("lvjiaying", "lvjiaying"), ("lüjiaying", "lvjiaying"),
        ("nvershan", "nvershan"), ("Nǚ'ér Shān", "nvershan"),
    ]:
        assert finder.ask(typed)[0] == village, typed
    assert set(finder.ask("qiuhaitao")) == set(finder.ask("chouhaitao")) == {"mulong", "shanjiao"}


def test_browser_ranks_exactly_like_the_index(finder: Finder) -> None:
    index = sample_index()
    queries = ["c", "z", "s", "x", "sh", "zh", "da", "cun", "shequ", "村", "小区", "一组", "jingwushi",
               "ｃａ", "CHANG-AN", "chang2an1", "长 安", "i", "qqq", "𠮷", "shan", "an", "bai", "白"]
    queries += sorted({k[:3] for k in index.keys})[::7]
    for typed, shown in zip(queries, finder.ask_all(queries), strict=True):
        assert shown == found(index, typed), typed


def test_nothing_found_keeps_the_list(finder: Finder) -> None:
    assert finder.ask("iii") == []  # no shard at all for "i": a 404, not an error
    assert "没有找到" in finder.status()
    assert finder.page.locator("#cj-find-list").is_visible()
    finder.ask("changan")
    assert not finder.page.locator("#cj-find-list").is_visible()
    assert finder.ask("") == []
    assert finder.page.locator("#cj-find-list").is_visible()


def test_query_in_the_address_runs_on_load(browser: Any, served: str) -> None:
    for query, first in [("changan", "changan"), (quote("长安"), "changan"), ("chong+yang", "chongyang")]:
        f = Finder(browser, served + f"find/?q={query}")
        try:
            f.page.wait_for_selector(".cj-find__hit")
            assert f.shown()[0] == first
            assert f.page.locator("#cj-q").input_value() in {"changan", "长安", "chong yang"}
        finally:
            f.close()
        assert not f.errors


def test_home_search_box_goes_to_find(browser: Any, served: str) -> None:
    for javascript in (True, False):
        f = Finder(browser, served, javascript=javascript)
        try:
            f.page.locator("#cj-home-q").fill("chongyang")
            f.page.locator("#cj-home-q").press("Enter")
            f.page.wait_for_url("**/find/?q=chongyang")
            if javascript:
                f.page.wait_for_selector(".cj-find__hit")
                assert f.shown()[0] == "chongyang"
            else:
                township = sample().post_of_village["chongyang"].township
                assert f.page.locator("#cj-find-list a", has_text=township).is_visible()
        finally:
            f.close()


def test_without_javascript_find_leads_through_the_township_to_the_village(browser: Any, served: str) -> None:
    f = Finder(browser, served + "find/?q=changan", javascript=False)
    try:
        page = f.page
        assert page.locator(".cj-find__noscript").is_visible()
        assert "请点下面您所在的乡镇" in page.locator(".cj-find__noscript").inner_text()
        assert not page.locator("#cj-find-results").is_visible()
        grid = sample()
        townships = page.locator("#cj-find-list .cj-find__towns a").all_inner_texts()
        assert townships == grid.townships()
        page.get_by_role("link", name="中枢镇", exact=True).click()
        page.wait_for_url("**/posts/townships/zhongshuzhen/")
        # The township's page: every village of the township, each with its officers' numbers.
        names = page.locator("a.cj-town-villages__name").all_inner_texts()
        assert sorted(names) == sorted(v.name for v in grid.villages_in("中枢镇"))
        changan = page.locator(".cj-town-villages li", has_text="长安社区")
        call = changan.locator("a[href^='tel:']")
        assert call.get_attribute("href") == "tel:08730610102"
        box = call.bounding_box()
        assert box and box["height"] >= 48
        changan.locator("a", has_text="长安社区").click()
        page.wait_for_url("**/v/changan/")
    finally:
        f.close()


# -- a county big enough to split into many shards, top shards included ----------

@pytest.fixture(scope="module")
def big_find(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Index, int]]:
    """The real find page, script and index of a 2,000-village county on a small budget."""
    grid = synthetic_grid(2_000, seed=7)
    index = build_index(grid, lambda o: None)
    shards = split_index(index, budget=3_000)
    root = tmp_path_factory.mktemp("bigfind")
    settings = SiteConfig(
        title="合成县一村一警", county="合成县", authority="合成县公安局", site_url="https://example.org/synthetic/",
    )
    renderer = Renderer(template_packages(), {"site": settings, "grid": grid, "url": links()})
    page = renderer.page(
        "find/find.html", "find/index.md", "找民警",
        manifest=shards.manifest_json(), default_photo=DEFAULT_PHOTO, limit=LIMIT, towns=[],
    )
    (root / "find/i").mkdir(parents=True)
    (root / "find/index.html").write_text(
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>{page.html}</body></html>',
        encoding="utf-8",
    )
    for name, content in shards.files.items():
        (root / "find/i" / name).write_bytes(content)
    (root / "assets/cunjing").mkdir(parents=True)
    shutil.copy(ROOT / "generator/find/assets/find.js", root / "assets/cunjing/find.js")

    tops = sum(1 for name in shards.files if name.startswith("t"))
    with serve(root) as base:
        yield f"{base}find/", index, tops


def test_sharded_index_in_the_browser(browser: Any, big_find: tuple[str, Index, int]) -> None:
    url, index, tops = big_find
    assert tops > 10  # queries that end at a split node are answered by top shards
    f = Finder(browser, url)
    try:
        queries = ["c", "z", "zh", "x", "s", "sh", "l", "y", "d", "长", "大", "村", "一组", "jingwushi"]
        starts = sorted({k[:2] for k in index.keys})
        queries += [k for k in starts if k.isascii()][::4] + [k for k in starts if not k.isascii()][::40]
        queries += sorted(index.keys)[::1500]
        queries += [index.villages[n].name for n in range(0, 2000, 97)]
        for typed, shown in zip(queries, f.ask_all(queries), strict=True):
            assert shown == found(index, typed), typed
        f.ask("z")
        assert "只列出前 40 个" in f.status()
    finally:
        f.close()
    assert not f.errors, f.errors


def test_find_page_weight(site: Path) -> None:
    page = (site / "find/index.html").read_bytes()
    assert len(page) < 60_000
    script = (site / "assets/cunjing/find.js").read_bytes()
    assert len(script) < 16_000
    assert b"find.js" not in (site / "v/changan/index.html").read_bytes()  # only /find/ loads it
