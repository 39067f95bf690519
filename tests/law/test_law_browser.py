"""Law education in a real browser (Chromium): the broadcast recording plays."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from conftest import open_page


def test_broadcast_recording_plays(browser: Any, served: str) -> None:
    context, page, requests = open_page(browser, served + "law/jindu-guangbo/", javascript=True)
    try:
        audio = page.locator("audio")
        assert audio.is_visible()
        assert audio.evaluate("a => a.paused && a.preload") == "none"  # nothing loads before a tap
        audio.scroll_into_view_if_needed()
        box = audio.bounding_box()
        assert box and box["width"] >= 250
        # Tap the play button at the left of the player, as a resident would.
        page.mouse.click(box["x"] + 20, box["y"] + box["height"] / 2)
        page.wait_for_function(
            "() => { const a = document.querySelector('audio'); return a.currentTime > 0 && !a.paused; }",
            timeout=15_000,
        )
        state = audio.evaluate("a => ({error: a.error, duration: a.duration, ready: a.readyState})")
        assert state["error"] is None and state["ready"] >= 2 and state["duration"] > 10
        assert page.get_by_role("heading", name="文字稿").is_visible()
    finally:
        context.close()
    assert any(u.endswith("/media/audio/jindu-guangbo.mp3") for u in requests)
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests), requests


def test_law_filters_are_links_that_work_without_javascript(browser: Any, served: str) -> None:
    """/law/ at 360×740 without JavaScript: the categories are chips, the topics
    fold open; a tap opens the page of that topic, which marks its chip."""
    context, page, _ = open_page(browser, served + "law/", javascript=False)
    try:
        chips = page.locator(".cj-law-filter .cj-chips a")
        for chip in chips.all():
            if chip.is_visible():
                box = chip.bounding_box()
                assert box and box["height"] >= 44, chip.inner_text()
        topic = page.locator(".cj-law-filter a", has_text="反电诈")
        assert not topic.is_visible()  # folded on /law/
        page.locator("#topics").click()
        topic.click()
        page.wait_for_url("**/law/topics/fandianzha/")
        assert page.locator("h1").inner_text() == "反电诈"
        current = page.locator(".cj-law-filter a[aria-current=page]")
        assert current.count() == 1 and current.is_visible()  # open on a topic's page
        assert "反电诈" in current.inner_text()
        assert page.locator(".cj-law__title").count() == 4
        page.locator(".cj-law-filter a", has_text="以案说法").click()
        page.wait_for_url("**/law/kinds/yianshuofa/")
        page.locator(".cj-law-filter a", has_text="全部").click()
        page.wait_for_url("**/law/")
    finally:
        context.close()
