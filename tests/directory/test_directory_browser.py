"""The core pages in a real browser (Chromium): phone-sized, JavaScript off."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from conftest import open_page


def test_village_page_without_javascript(browser: Any, served: str) -> None:
    context, page, requests = open_page(browser, served + "v/changan/", javascript=False)
    try:
        card = page.locator(".cj-officer").first
        assert card.is_visible()
        assert "李建国" in card.inner_text()
        call = card.locator("a.cj-call")
        assert call.get_attribute("href") == "tel:08730610102"
        box = call.bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 200  # a big tap target
        assert page.locator("a[href='tel:110']").is_visible()
        # The officer comes before everything else on the page.
        assert page.locator("h1").inner_text() == "长安社区"
    finally:
        context.close()
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests), requests


def test_home_to_village_by_tapping(browser: Any, served: str) -> None:
    context, page, requests = open_page(browser, served, javascript=True)
    try:
        village = page.get_by_role("link", name="重阳村", exact=True)
        page.locator("details.cj-fold:has(a[href$='v/chongyang/']) > summary").click()  # its township, folded
        village.click()
        page.wait_for_load_state()
        assert page.url.endswith("/v/chongyang/")
        assert page.locator(".cj-officer a.cj-call").first.get_attribute("href", timeout=2000).startswith("tel:")
    finally:
        context.close()
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests), requests


def test_old_village_address_redirects(browser: Any, served: str) -> None:
    context, page, _ = open_page(browser, served + "v/zhongyang/", javascript=False)
    try:
        page.wait_for_url("**/v/chongyang/")
        assert page.locator("h1").inner_text() == "重阳村"
    finally:
        context.close()


def test_township_page_lists_its_villages_first_without_javascript(browser: Any, served: str) -> None:
    """Without JavaScript /find/ leads to the township page: its villages, in
    pinyin order, are links within the page's first two screens (360×740)."""
    from helpers import sample

    grid = sample()
    context, page, requests = open_page(browser, served + "find/", javascript=False)
    try:
        page.get_by_role("link", name="中枢镇", exact=True).click()
        page.wait_for_load_state()
        assert page.url.endswith("/posts/townships/zhongshuzhen/")
        index = page.get_by_role("navigation", name="中枢镇的村（社区）")
        links = index.get_by_role("link")
        expected = grid.villages_in("中枢镇")
        assert len(expected) > 15  # the sample's biggest township
        assert links.all_inner_texts() == [v.name for v in expected]
        for link in links.all():
            box = link.bounding_box()
            assert box and box["height"] >= 44  # a finger's tap
            assert box["y"] + box["height"] <= 2 * 740, link.inner_text()
        # The one that sits lowest in the posts' lists below is one tap away.
        last = expected[-1]
        index.get_by_role("link", name=last.name, exact=True).click()
        page.wait_for_load_state()
        assert page.url.endswith(f"/v/{last.id}/")
        assert page.locator("h1").inner_text() == last.name
    finally:
        context.close()
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests), requests
