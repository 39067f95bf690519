"""The first screen and the length of the place pages, on a 360 px phone in a
real browser (Chromium): what a resident sees before scrolling, how long the
home, village and post pages are, and large text (the phone's own text size at
160 %, with and without 大字) that never pushes the page sideways or cuts a number."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_small_screens import OVERFLOW, PAGE_KINDS, WIDTHS

from generator.directory import urls as directory_urls

from helpers import NUMBER_PIECES, at_once, sample


def go(page: Any, url: str) -> None:
    """Open a page and wait for its layout (no network wait: these pages load nothing late)."""
    page.goto(url, wait_until="load")

FIRST_SCREEN = 640  # what WeChat leaves visible of a 360×740 phone
SCREEN = 740
MAX_SCREENS = 6
BIG = "try{localStorage.setItem('cunjing-big','1')}catch(e){}"


@pytest.fixture
def phone_page(browser: Any) -> Iterator[Any]:
    """A 360×740 phone; JavaScript on (大字 needs it)."""
    context = browser.new_context(viewport={"width": 360, "height": SCREEN}, is_mobile=True)
    yield context.new_page()
    context.close()


def _big(page: Any) -> None:
    page.context.add_init_script(BIG)


def _large_text(page: Any) -> None:
    """The phone's text size at its largest: the default font 26 px instead of 16."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 26, "fixed": 21}})


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box, selector
    return box  # type: ignore[no-any-return]


# The first match of each selector, its box in the viewport as bounding_box() gives it
# (null when missing): one round trip to the browser per page, not one per element.
BOXES = """selectors => selectors.map(s => {
  const el = document.querySelector(s);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return {x: r.x, y: r.y, width: r.width, height: r.height};
})"""


def _boxes(page: Any, *selectors: str) -> list[dict[str, float]]:
    found: list[dict[str, float] | None] = page.evaluate(BOXES, list(selectors))
    missing = [s for s, box in zip(selectors, found, strict=True) if not box]
    assert not missing, missing
    return [box for box in found if box]


VILLAGES = [directory_urls.village(v.id) for v in sample().villages]
POSTS = [directory_urls.post(p.id) for p in sample().posts]


VILLAGE_PARTS = ("main h1", "main .cj-officer__name", "main .cj-officer .cj-call", "main a.cj-call--emergency")


# A village page's view (as _village_view), then 大字 pressed (its button's click
# handler, as a tap runs it) and the view again, then 大字 pressed once more:
# whether it is off again. One round trip per page.
PRESS_BIG = """selectors => {
  const boxes = """ + BOXES + """;
  const root = document.documentElement, button = document.getElementById('cj-big');
  const view = () => ({big: root.classList.contains('cj-big'), boxes: boxes(selectors)});
  const plain = view();
  button.click();
  const withBig = view();
  button.click();
  return [plain, withBig, root.classList.contains('cj-big')];
}"""


def _village_view(page: Any) -> dict[str, Any]:
    """Whether 大字 is on, and the boxes of the village's name, officer, call button and 110."""
    return {
        "big": page.evaluate("document.documentElement.classList.contains('cj-big')"),
        "boxes": _boxes(page, *VILLAGE_PARTS),
    }


@pytest.fixture(scope="module")
def plain_phone(browser: Any, served: str) -> dict[str, dict[str, Any]]:
    """The home page, every village page and every post page opened once on a 360×740
    phone (JavaScript on, no 大字): each page's height, and a village page's view;
    then, on each village page, 大字 pressed (its view under "with_big") and pressed
    again, so that the next page opens without it."""
    context = browser.new_context(viewport={"width": 360, "height": SCREEN}, is_mobile=True)
    villages = set(VILLAGES)
    try:
        page = context.new_page()
        seen: dict[str, dict[str, Any]] = {}
        for url in ["", *VILLAGES, *POSTS]:
            go(page, served + url)
            seen[url] = {"height": page.evaluate("document.documentElement.scrollHeight")}
            if url in villages:
                plain, with_big, after = page.evaluate(PRESS_BIG, list(VILLAGE_PARTS))
                assert not plain["big"] and with_big["big"] and not after, url
                seen[url].update(plain, with_big=with_big)
        return seen
    finally:
        context.close()


def _first_screen(url: str, big: bool, view: dict[str, Any]) -> None:
    """A village page shows its name, its officer, the call button and 110 in the first screen."""
    assert view["big"] == big, url
    name, officer, call, emergency = view["boxes"]
    assert name["y"] + name["height"] <= FIRST_SCREEN, url
    assert officer["y"] + officer["height"] <= FIRST_SCREEN, url
    assert emergency["y"] + emergency["height"] <= FIRST_SCREEN, url
    if big:  # 大字: the call button still starts inside the first screen
        assert call["y"] < FIRST_SCREEN - 48, (url, call)
    else:  # the whole call button, number included
        assert call["y"] + call["height"] <= FIRST_SCREEN, (url, call)


def test_every_village_page_shows_name_officer_call_and_110_first(plain_phone: dict[str, dict[str, Any]]) -> None:
    assert len(VILLAGES) == 123
    for url in VILLAGES:
        _first_screen(url, False, plain_phone[url])


def test_with_big_text_every_village_page_shows_name_officer_call_and_110_first(
    plain_phone: dict[str, dict[str, Any]], phone_page: Any, served: str,
) -> None:
    """Every village page with 大字 pressed; 大字 is the class its button sets on the
    page, so a page opened with 大字 remembered from an earlier visit lays out the
    same: checked box for box on every tenth village page, opened that way."""
    for url in VILLAGES:
        _first_screen(url, True, plain_phone[url]["with_big"])
    _big(phone_page)
    for url in VILLAGES[::10]:
        go(phone_page, served + url)
        view, pressed = _village_view(phone_page), plain_phone[url]["with_big"]
        assert view["big"] is True, url
        for box, same in zip(view["boxes"], pressed["boxes"], strict=True):
            assert all(abs(box[k] - same[k]) < 0.5 for k in box), (url, box, same)


@pytest.mark.parametrize("big", [False, True], ids=["plain", "big"])
def test_home_page_search_box_and_button_in_the_first_screen(phone_page: Any, served: str, big: bool) -> None:
    if big:
        _big(phone_page)
    go(phone_page, served)
    for selector in ("#cj-home-q", ".cj-home-find button[type=submit]", "a.cj-call--emergency"):
        box = _box(phone_page, selector)
        assert box["y"] + box["height"] <= FIRST_SCREEN, (selector, box)
    # Typing a village and pressing 查找 leads to its officer.
    phone_page.fill("#cj-home-q", "长安")
    phone_page.click(".cj-home-find button[type=submit]")
    phone_page.wait_for_selector(".cj-find__hit")
    assert "长安社区" in phone_page.locator(".cj-find__hit").first.inner_text()


def test_sample_banner_is_one_line(phone_page: Any, served: str) -> None:
    for url in ("", "v/changan/", "posts/zhongshu-changan/"):
        go(phone_page, served + url)
        banner = phone_page.locator(".cj-sample")
        assert "示例数据" in banner.inner_text()
        lines = banner.evaluate(
            "b => { const r = document.createRange(); r.selectNodeContents(b);"
            " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size }"
        )
        assert lines == 1, url


def test_home_village_and_post_pages_are_at_most_six_screens(plain_phone: dict[str, dict[str, Any]]) -> None:
    heights = {url: seen["height"] for url, seen in plain_phone.items()}
    tallest = max(heights, key=lambda u: heights[u])
    assert heights[tallest] <= MAX_SCREENS * SCREEN, (tallest, heights[tallest])
    assert len(heights) == 1 + 123 + 42


def test_folded_parts_open_without_javascript(browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": SCREEN}, is_mobile=True, java_script_enabled=False)
    try:
        page = context.new_page()
        go(page, served + "v/changan/")
        folds = page.locator("main details.cj-fold")
        assert folds.count() >= 5
        staff = page.locator("details.cj-fold:has(#staff)")
        assert not staff.locator("table").is_visible()
        staff.locator("summary").click()
        assert staff.locator("table").is_visible()
        assert "打开" not in staff.locator("summary").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("big", [False, True], ids=["plain", "big"])
def test_large_text_never_scrolls_sideways_or_cuts_a_number(phone_page: Any, served: str, big: bool) -> None:
    if big:
        _big(phone_page)
    _large_text(phone_page)
    numbers = 0
    for url in PAGE_KINDS:
        go(phone_page, served + url)
        if "?q=" in url:
            phone_page.wait_for_selector(".cj-find__hit")
        elif "find/" in url:
            phone_page.wait_for_load_state("networkidle")
        # One round trip per page: the root font size, the document's widths, what
        # sticks out, and the pieces of the numbers.
        root, (width, client), overflow, parts = at_once(
            phone_page, "() => parseFloat(getComputedStyle(document.documentElement).fontSize)",
            WIDTHS, OVERFLOW, NUMBER_PIECES,
        )
        if not url.startswith("print/"):  # the shell's 125 % (157 % with 大字) of 26 px
            assert root >= (40 if big else 32), (url, root)
        assert width <= client, (url, width)
        assert overflow == [], url
        # Every piece of every visible number (between its break points) on one line,
        # inside the screen.
        for lines, right in parts:
            assert lines == 1 and right <= client, (url, lines, right)
        numbers += len(parts)
    assert numbers > 100
