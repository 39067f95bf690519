"""Reports and their printables in a real browser (Chromium): the filters work without
JavaScript, and every report and notice printable fits one A4 page with a QR code
that leads back to the online page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import require, serve
from helpers import SITE_URL, build, notices, published, reports


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))


def printable_pages(browser: Any, base: str, urls: list[str]) -> dict[str, int]:
    """Each printable printed to A4 by Chromium: its number of pages. A printable
    loads nothing after its load event (its QR code is inline), so none is waited for."""
    context = browser.new_context()
    try:
        page = context.new_page()
        counts = {}
        for url in urls:
            page.goto(base + url, wait_until="load")
            assert page.evaluate("[...document.images].every(i => i.complete)"), url
            counts[url] = pdf_pages(page.pdf(format="A4"))
        return counts
    finally:
        context.close()


def test_every_printable_fits_one_a4_page(browser: Any, served: str) -> None:
    urls = [f"print/reports/{d.slug}/" for d in published(reports())]
    urls += [f"print/notices/{d.slug}/" for d in published(notices())]
    assert len(urls) >= 15
    assert printable_pages(browser, served, urls) == dict.fromkeys(urls, 1)


def test_a_long_report_still_fits_one_page(browser: Any, data: Path, tmp_path: Path) -> None:
    path = data / "reports/2026-q3-wujiepu-xiangshui.md"
    text = path.read_text(encoding="utf-8")
    paragraph = "驻村民警坚持每周走访各村民小组，了解群众的困难和诉求，能当场解决的当场解决，不能当场解决的及时上报并跟踪办理。"
    path.write_text(text + "\n## 补充说明\n\n" + "\n\n".join([paragraph * 3] * 5) + "\n", encoding="utf-8")
    site = build(data, tmp_path / "site")
    printable = (site / "print/reports/2026-q3-wujiepu-xiangshui/index.html").read_text(encoding="utf-8")
    assert re.search(r"cj-bulletin--(dense|tight)", printable)  # the type steps down for a long text
    with serve(site) as base:
        url = "print/reports/2026-q3-wujiepu-xiangshui/"
        assert printable_pages(browser, base, [url]) == {url: 1}


def test_printable_qr_codes_lead_back_to_the_online_page(browser: Any, served: str, tmp_path: Path) -> None:
    zbarimg = shutil.which("zbarimg")
    require(None if zbarimg else "需要 zbarimg（apt-get install zbar-tools）")
    assert zbarimg
    context = browser.new_context(device_scale_factor=2)
    try:
        page = context.new_page()
        for kind, slug in (("reports", "2026-10-zhongshu-changan"), ("notices", "2026-11-anti-fraud")):
            page.goto(f"{served}print/{kind}/{slug}/")
            image = tmp_path / f"{slug}.png"
            page.locator(".cj-bulletin__qr svg").screenshot(path=str(image))
            decoded = subprocess.run([zbarimg, "-q", "--raw", str(image)], capture_output=True, text=True)
            assert decoded.stdout.strip() == f"{SITE_URL}{kind}/{slug}/"
            # The online page exists in the built site.
            online = page.locator("a", has_text="返回网页版").get_attribute("href")
            assert online is not None
            page.goto(f"{served}print/{kind}/{slug}/{online}")
            assert page.locator("h1").count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [False])
def test_reports_filter_by_tapping_without_javascript(browser: Any, served: str, javascript: bool) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=javascript, is_mobile=True)
    requests: list[str] = []
    try:
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(served + "reports/")
        everything = page.locator(".cj-list__item").count()
        chip = page.locator(".cj-filter").get_by_role("link", name="旧城镇", exact=True)
        box = chip.bounding_box()
        assert box and box["height"] >= 44  # a big tap target
        chip.click()
        page.wait_for_url("**/reports/townships/jiuchengzhen/")
        items = page.locator(".cj-list__item")
        assert 0 < items.count() < everything
        assert all("旧城镇" in t for t in items.all_inner_texts())
        page.locator(".cj-filter").get_by_role("link", name="会仙村警务室").click()
        page.wait_for_url("**/reports/posts/jiucheng-huixian/")
        titles = page.locator(".cj-list__title").all_inner_texts()
        assert titles and all(t.startswith("会仙村警务室") for t in titles)
        page.locator(".cj-list__title").first.click()
        page.wait_for_url("**/reports/2026-10-jiucheng-huixian/")
        assert "走访户数" in page.locator("table.cj-stats").inner_text()
    finally:
        context.close()
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests), requests
