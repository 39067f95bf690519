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
        page.get_by_role("link", name="重阳村", exact=True).click()
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
