"""The calendar in a real browser (Chromium): residents reach events and calendar
files by tapping, without JavaScript."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from icalendar import Calendar

from conftest import open_page


def test_from_village_page_to_an_event_and_its_calendar_file(browser: Any, served: str) -> None:
    context, page, requests = open_page(browser, served + "v/changan/", javascript=False)
    try:
        page.locator("summary:has(#agenda)").click()  # 近期活动, folded
        agenda = page.locator("section.cj-agenda")
        assert "警民相约警务室" in agenda.inner_text()
        agenda.get_by_role("link", name="长安社区冬季夜间义务巡逻").click()
        page.wait_for_load_state()
        assert page.url.endswith("/events/dongji-xunluo-changan/")
        assert "每周五、周六 20:00—22:00" in page.locator(".cj-facts").inner_text()
        button = page.get_by_role("link", name="把这项活动加到手机日历")
        box = button.bounding_box()
        assert box and box["height"] >= 44  # a big tap target
        with page.expect_download() as download:
            button.click()
        path = download.value.path()
        assert download.value.suggested_filename == "dongji-xunluo-changan.ics"
        with open(path, "rb") as handle:
            [event] = Calendar.from_ical(handle.read()).walk("VEVENT")
        assert str(event["SUMMARY"]) == "长安社区冬季夜间义务巡逻"
        assert "RRULE" in event
    finally:
        context.close()
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests), requests


def test_events_and_law_pages_without_javascript(browser: Any, served: str) -> None:
    context, page, _ = open_page(browser, served, javascript=False)
    try:
        page.locator("summary:has(#agenda)").click()  # 近期全县活动, folded
        page.locator(".cj").get_by_role("link", name="活动日历", exact=True).click()
        page.wait_for_load_state()
        assert page.url.endswith("/events/")
        assert page.locator("h3.cj-day").first.inner_text() == "11月28日 星期六"
        assert page.locator("#reception ~ ul.cj-chips a").count() == 8  # one page per township
        assert page.locator("li.cj-ev--reception").count() == 0  # reception hours once, not per date
        # Saturday: today and the next six days, then the seven after them.
        assert page.locator("h3.cj-day").last.inner_text() == "12月4日 星期五"
        page.get_by_role("link", name="下一周：12月5日—11日").click()
        page.wait_for_load_state()
        assert page.url.endswith("/events/weeks/2026-12-05/")
        assert page.locator("h3.cj-day").first.inner_text() == "12月5日 星期六"
        page.locator("h2#days ~ ul").get_by_role("link", name="农村道路交通安全：骑摩托车戴头盔，三轮车不载人").click()
        page.wait_for_load_state()
        assert page.url.endswith("/law/jiaotong-anquan-jinma/")
        assert page.locator("audio").count() == 0
        material = page.get_by_role("link", name="宣传画：一盔一带，安全常在")
        assert material.is_visible()
        page.get_by_role("link", name="返回法制宣传").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "法制宣传"
        assert page.locator("#upcoming ~ ul").first.locator("li").count() == 7
    finally:
        context.close()
