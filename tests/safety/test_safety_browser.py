"""平安建设 in a real browser (Chromium), with and without JavaScript: the block
on the village page, its call buttons, and the way to a training and to /safety/."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import open_page


@pytest.mark.parametrize("javascript", [False, True])
def test_village_page_shows_the_safety_block(browser: Any, served: str, javascript: bool) -> None:
    context, page, requests = open_page(browser, served + "v/changan/", javascript=javascript)
    try:
        for part in ("safety", "agenda"):  # 平安建设 and 近期活动, folded
            page.locator(f"summary:has(#{part})").click()
        block = page.locator("section.cj-safety")
        assert block.is_visible()
        text = block.inner_text()
        assert "平安社区" in text and "长安社区治安义务巡逻队" in text
        assert "36 人，有复退军人、党员、团员" in text
        assert "近期巡逻：12月2日 19:30—21:30" in text
        for role in ("治保", "调解", "巡逻", "帮教", "普法", "流动人口管理"):
            assert block.locator("table.cj-six th", has_text=role).count() == 1
        leader = block.get_by_role("link", name="打给巡逻队长李建国")
        assert leader.get_attribute("href") == "tel:08730610101"
        box = leader.bounding_box()
        assert box and box["height"] >= 44
        # Placed after the officers and before the calendar; the 110 button stays above.
        order = page.evaluate(
            "() => ['.cj-emergency', 'section.cj-safety', 'section.cj-agenda']"
            ".map(s => document.querySelector(s).getBoundingClientRect().top + window.scrollY)"
        )
        assert order == sorted(order)
        block.get_by_role("link", name="人民调解员培训：婚姻家庭和邻里纠纷的调解方法").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/law/tiaojieyuan-peixun-2026-10/")
        attendees = page.locator("ul.cj-attendees")
        assert attendees.get_by_role("link", name="长安社区").count() >= 2
        page.go_back()
        page.wait_for_load_state()
        if not page.locator("section.cj-safety").is_visible():  # the fold may close again
            page.locator("summary:has(#safety)").click()
        page.locator("section.cj-safety").get_by_role("link", name="全县平安建设").click()
        page.wait_for_load_state()
        assert page.url.endswith("/safety/")
        assert page.locator("h1").inner_text() == "平安建设"
        page.get_by_role("link", name="长安社区", exact=True).click()
        page.wait_for_load_state()
        assert urlsplit(page.url).path.endswith("/v/changan/")
    finally:
        context.close()
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests), requests
