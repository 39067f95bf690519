"""我要反映 in a real browser (Chromium, no JavaScript): every village, post and
officer page offers a call, an sms: link prefilled with 【name】, email with a
subject, the WeChat QR (decoded with zbarimg), the survey and the mailbox.
A post's own values override the site's."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import yaml

from conftest import SAMPLE, open_page, require
from helpers import posts


def site_feedback() -> dict[str, str]:
    data: dict[str, str] = yaml.safe_load((SAMPLE / "site.yml").read_text(encoding="utf-8"))["feedback"]
    return data


def sms_parts(href: str) -> tuple[str, str]:
    """(number, body) of an sms:NUMBER?body=... link, percent-decoded."""
    assert href.startswith("sms:") and "?body=" in href and "&" not in href, href
    number, _, query = href[len("sms:"):].partition("?")
    return number, parse_qs(query)["body"][0]


def test_village_page_in_chromium(browser: Any, served: str) -> None:
    context, page, requests = open_page(browser, served + "v/wenbi/", javascript=False)
    try:
        page.locator("summary:has(#feedback)").click()  # 我要反映, folded
        block = page.locator("section.cj-feedback")
        assert block.is_visible()
        own = posts()["zhongshu-changan"]["feedback"]
        number, body = sms_parts(block.get_by_role("link", name="发短信").get_attribute("href"))
        assert number == own["sms"].replace("-", "") and body == "【文笔社区】"
        call = block.get_by_role("link", name="打电话反映")
        assert call.get_attribute("href") == "tel:" + site_feedback()["phone"].replace("-", "")
        box = call.bounding_box()
        assert box and box["height"] >= 44
        mail = urlsplit(block.get_by_role("link", name="发邮件").get_attribute("href"))
        assert mail.scheme == "mailto" and mail.path == site_feedback()["email"]
        assert parse_qs(mail.query)["subject"] == ["【文笔社区】意见建议"]
        assert block.get_by_role("link", name="填写问卷（三访三评）").get_attribute("href") == site_feedback()["survey_url"]
        assert own["mailbox"] in block.inner_text()
        img = block.locator("img")
        assert img.evaluate("i => i.complete && i.naturalWidth > 0")
        assert img.get_attribute("src").endswith("media/feedback/wechat-changan.png")
    finally:
        context.close()
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests), requests


def test_every_village_post_and_officer_page_has_the_block(site: Path) -> None:
    from helpers import sample

    grid = sample()
    pages = [f"v/{v.id}/" for v in grid.villages] + [f"posts/{p.id}/" for p in grid.posts]
    pages += [f"officers/{o.id}/" for o in grid.officers]
    for url in pages:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert 'id="feedback"' in html, url
    for village in grid.villages:
        html = (site / f"v/{village.id}/index.html").read_text(encoding="utf-8")
        href = html.split('href="sms:', 1)[1].split('"', 1)[0]
        _, body = sms_parts("sms:" + href.replace("&amp;", "&"))
        assert body == f"【{village.name}】"
    html = (site / "posts/jinma-jinma/index.html").read_text(encoding="utf-8")
    assert "tel:08730620109" in html.split('id="feedback"')[1]  # the post's own phone


def test_wechat_qr_images_are_published_and_decode(site: Path) -> None:
    require(None if shutil.which("zbarimg") else "需要 zbarimg（apt-get install zbar-tools）")
    for ref in (site_feedback()["wechat_qr"], posts()["zhongshu-changan"]["feedback"]["wechat_qr"]):
        published = site / "media" / ref
        assert published.read_bytes() == (SAMPLE / ref).read_bytes()
        out = subprocess.run(["zbarimg", "-q", "--raw", str(published)], capture_output=True, text=True, check=True)
        assert "示例数据" in out.stdout
