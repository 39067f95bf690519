"""Residents' words and the way back to their own officer, in a real browser
(Chromium): no technical words or raw addresses on screen, the WeChat hint once
per page, the scheme's terms explained once, documents that name a place show
its officers, and the phone remembering the resident's village."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from test_small_screens import PAGE_KINDS, WECHAT

from conftest import SAMPLE
from helpers import front_matter, posts

SCREEN_PAGES = [u for u in PAGE_KINDS if not u.startswith("print/")] + [
    "reports/2026-09-zhongshu-changan/", "notices/2026-11-changan-ebike-theft/", "actions/changan-ludeng/",
]
WORDS = ("Atom", "RSS", ".ics", "webcal", "https", "http:", "JavaScript")
RAW_URL = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+/[\w./-]*", re.IGNORECASE)


def _open(browser: Any, *, javascript: bool = True, agent: str | None = None) -> tuple[Any, Any]:
    options: dict[str, Any] = {"user_agent": agent} if agent else {}
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, java_script_enabled=javascript, **options,
    )
    return context, context.new_page()


# Links that stand alone (the only thing in their list item or paragraph): a
# finger-sized target, at least 44 px tall.
ALONE = """() => [...document.querySelectorAll('main li > a:only-child, main p > a:only-child')]
  .filter(a => a.offsetParent !== null && a.parentElement.textContent.trim() === a.textContent.trim())
  .map(a => [a.textContent.trim().slice(0, 20), a.getBoundingClientRect().height])"""


def _screens(browser: Any, served: str, *, javascript: bool) -> dict[str, dict[str, Any]]:
    """Every resident's screen opened once on a 360×740 phone: the text it renders (closed
    folds are not) and, with JavaScript, its stand-alone links' heights."""
    context, page = _open(browser, javascript=javascript)
    try:
        seen: dict[str, dict[str, Any]] = {}
        for url in SCREEN_PAGES:
            page.goto(served + url, wait_until="load")
            if "?q=" in url and javascript:
                page.wait_for_selector(".cj-find__hit")
            seen[url] = {
                "text": page.locator("body").inner_text(),
                "alone": page.evaluate(ALONE) if javascript else None,
            }
        return seen
    finally:
        context.close()


@pytest.fixture(scope="module")
def js_screens(browser: Any, served: str) -> dict[str, dict[str, Any]]:
    return _screens(browser, served, javascript=True)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_no_technical_words_or_raw_addresses_on_residents_screens(
    request: pytest.FixtureRequest, browser: Any, served: str, javascript: bool,
) -> None:
    screens = request.getfixturevalue("js_screens") if javascript else _screens(browser, served, javascript=False)
    assert set(screens) == set(SCREEN_PAGES)
    for url, seen in screens.items():
        for word in WORDS:
            assert word not in seen["text"], (url, word)
        assert not RAW_URL.findall(seen["text"]), (url, RAW_URL.findall(seen["text"]))


def test_the_ways_to_subscribe_are_one_tap_away_under_more_ways(browser: Any, served: str) -> None:
    context, page = _open(browser)
    try:
        page.goto(served + "events/", wait_until="load")
        control = page.locator(".cj-subscribe a.cj-add-calendar").first
        assert control.is_visible() and control.inner_text() == "把活动加到手机日历"
        assert control.get_attribute("href", timeout=1000).endswith("calendar/all.ics")
        more = page.locator(".cj-subscribe details.cj-more").first
        webcal = more.locator("a[href^='webcal://']")
        assert not webcal.is_visible()
        more.locator("summary").click()
        assert webcal.is_visible() and "cunjing.example.org/luxi/calendar/all.ics" in more.inner_text()
    finally:
        context.close()


def test_wechat_hint_at_most_once_per_page(browser: Any, served: str) -> None:
    context, page = _open(browser, agent=WECHAT)
    try:
        shown_on = 0
        for url in SCREEN_PAGES:
            page.goto(served + url, wait_until="load")
            visible = [h for h in page.locator(".cj-wechat-hint").all() if h.is_visible()]
            assert len(visible) <= 1, url
            shown_on += len(visible)
            if url in ("v/changan/", "posts/zhongshu-changan/", "events/"):
                assert len(visible) == 1, url
        assert shown_on >= 5
    finally:
        context.close()


def test_terms_explained_once_where_they_first_appear(browser: Any, served: str) -> None:
    context, page = _open(browser)
    try:
        page.goto(served + "v/changan/", wait_until="load")
        terms = page.locator(".cj-explain").evaluate_all("els => els.map(e => e.dataset.term)")
        assert "两委" in terms and "六位一体" in terms
        assert len(terms) == len(set(terms))
        six = page.locator(".cj-explain[data-term='六位一体']")
        assert "治保" in six.text_content() and "帮教" in six.text_content()
        page.goto(served + "posts/zhongshu-changan/", wait_until="load")  # two officers, one 两委 line
        assert page.locator(".cj-explain[data-term='两委']").count() == 1
    finally:
        context.close()


def test_a_notice_about_a_post_shows_its_officers_call_buttons(browser: Any, served: str) -> None:
    context, page = _open(browser, javascript=False)
    try:
        page.goto(served + "notices/2026-11-changan-ebike-theft/", wait_until="load")
        calls = page.locator(".cj-contact a.cj-call")
        assert calls.count() >= 1
        hrefs = calls.evaluate_all("els => els.map(a => a.getAttribute('href'))")
        assert "tel:08730610102" in hrefs  # 李建国, 长安社区警务室
        page.goto(served + "actions/changan-ludeng/", wait_until="load")
        assert page.locator(".cj-contact a.cj-call").count() >= 1
    finally:
        context.close()


def test_the_phone_remembers_my_village(browser: Any, served: str) -> None:
    context, page = _open(browser)
    try:
        # Not yet remembered: the home page has no 我的村, a county-wide notice offers 找民警.
        page.goto(served, wait_until="load")
        assert not page.locator(".cj-mine").is_visible()
        page.goto(served + "notices/2026-11-anti-fraud/", wait_until="load")
        assert page.locator(".cj-contact a.cj-call").count() == 0
        assert page.locator(".cj-contact a[href$='find/']").is_visible()
        # Open the village once; home and county-wide pages now lead back to it.
        page.goto(served + "v/changan/", wait_until="load")
        page.goto(served, wait_until="load")
        mine = page.locator(".cj-mine a")
        assert mine.is_visible() and mine.inner_text() == "我的村：长安社区 →"
        box = mine.bounding_box()
        assert box and box["y"] + box["height"] <= 640
        page.goto(served + "notices/2026-11-anti-fraud/", wait_until="load")
        call = page.locator(".cj-contact a.cj-call")
        assert call.count() == 1 and call.get_attribute("href") == "tel:08730610102"
        assert "李建国" in call.inner_text() and "0873-0610102" in call.inner_text()
        page.goto(served, wait_until="load")
        page.locator(".cj-mine a").click()
        page.wait_for_url("**/v/changan/")
        # Nothing of it left the phone: every request went to the site itself.
        assert page.evaluate("localStorage.getItem('cunjing-village')").startswith('{"name":"长安社区"')
    finally:
        context.close()


def test_links_that_stand_alone_are_44_px_tall(js_screens: dict[str, dict[str, Any]]) -> None:
    checked = 0
    for url, seen in js_screens.items():
        for text, height in seen["alone"]:
            assert height >= 44, (url, text, height)
            checked += 1
    assert checked > 100


def _officer_phones(data: Path = SAMPLE) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """tel: hrefs of each post's officers, and of each village's own officers."""
    by_post: dict[str, set[str]] = {}
    by_village: dict[str, set[str]] = {}
    for post_id, post in posts(data).items():
        tel = {o["id"]: "tel:" + re.sub(r"\D", "", str(o["phone"])) for o in post["officers"]}
        by_post[post_id] = set(tel.values())
        for village in post["villages"]:
            for name in [village["id"], *village.get("aliases", [])]:  # documents may name a former id
                by_village[name] = {tel[o] for o in village.get("officers", tel)}
    return by_post, by_village


@pytest.mark.parametrize("folder, url", [
    ("lectures", "law"), ("notices", "notices"), ("actions", "actions"), ("reports", "reports"),
])
def test_documents_about_a_place_show_its_officers_call_buttons(site: Path, folder: str, url: str) -> None:
    """A lecture, notice, action or report that names posts or villages shows, under
    有事找社区民警, call buttons for those places' officers and nobody else's."""
    by_post, by_village = _officer_phones()
    checked = 0
    for source in sorted((SAMPLE / folder).glob("*.md")):
        meta = front_matter(source)
        post_ids = list(meta.get("posts", [])) + ([meta["post"]] if "post" in meta else [])
        village_ids = list(meta.get("villages", []))
        page = site / url / source.stem / "index.html"
        if not (post_ids or village_ids) or not page.is_file():
            continue
        wanted = set().union(*(by_post[p] for p in post_ids), *(by_village[v] for v in village_ids))
        html = page.read_text(encoding="utf-8")
        box = html[html.index('<section class="cj-contact"'):]
        box = box[:box.index("</section>")]
        calls = set(re.findall(r'<a class="cj-call[^"]*" href="(tel:\d+)"', box))
        if len(wanted) > 4:  # many places: the resident's own officer, or 找民警
            assert not calls and 'href="../../find/"' in box, source.name
        else:
            assert calls and calls <= wanted, (source.name, calls, wanted)
        checked += 1
    assert checked >= 2, folder
