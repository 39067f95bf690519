"""Notices in a real browser (Chromium): the home page shows them without JavaScript."""

from __future__ import annotations

import re
from typing import Any


def test_home_page_notice_without_javascript(browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(served)
        panel = page.locator(".cj-panel--notices")
        assert panel.is_visible()
        link = panel.get_by_role("link", name=re.compile("刷单返利"))
        assert link.locator(".cj-level--alert").inner_text() == "预警"
        link.click()
        page.wait_for_url("**/notices/2026-11-anti-fraud/")
        assert "三不一多" in page.locator(".cj-body").inner_text()
        page.get_by_role("link", name="打印张贴版（A4）").click()
        page.wait_for_url("**/print/notices/2026-11-anti-fraud/")
    finally:
        context.close()
