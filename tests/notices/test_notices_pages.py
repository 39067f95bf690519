"""Notices on the sample site (built with --today 2026-11-28)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.notices.pages import NOTICES_SHOWN

from helpers import (
    current,
    notices,
    published,
)


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index('<div class="cj'):html.index("</article>")]


def test_notices_index_current_first_then_archive(site: Path) -> None:
    html = article(page(site, "notices"))
    archive_at = html.index('id="archive"')
    docs = notices()
    now = current(docs)
    old = [d for d in published(docs) if d not in now]
    assert now and old
    for d in now:
        assert html.index(d.meta["title"]) < archive_at, d.slug
    for d in old:
        assert html.index(d.meta["title"]) > archive_at, d.slug
        assert "已过期" in article(page(site, f"notices/{d.slug}"))


def test_future_notices_are_not_published_yet(site: Path) -> None:
    future = [d for d in notices() if d not in published(notices())]
    assert future
    for d in future:
        assert not (site / "notices" / d.slug).exists()
        assert not (site / "print/notices" / d.slug).exists()
        for path in [site / "index.html", site / "notices/index.html", site / "feeds/all.atom.xml"]:
            assert d.meta["title"] not in path.read_text(encoding="utf-8")


def test_home_page_shows_current_notices_only(site: Path) -> None:
    html = article(page(site, ""))
    panel = html[html.index('id="notices"'):html.index('id="townships"')]
    # The most urgent few are on the page, the rest one tap away (还有 N 条).
    on_page = [d for d in current(notices()) if d.meta["title"] in panel]
    assert len(on_page) == min(NOTICES_SHOWN, len(current(notices())))
    if len(current(notices())) > NOTICES_SHOWN:
        assert f"还有 {len(current(notices())) - NOTICES_SHOWN} 条" in panel
    for d in published(notices()):
        if d not in current(notices()):
            assert d.meta["title"] not in html, d.slug
    # Warnings (预警) come first, then 通报, then 提示.
    levels = re.findall(r'class="cj-level cj-level--(\w+)"', panel)
    assert levels == sorted(levels, key=["alert", "bulletin", "tip"].index)
    assert levels[0] == "alert" and len(levels) == len(on_page)


def test_notices_on_the_pages_of_what_they_name(site: Path) -> None:
    roadworks = "进村道路铺沥青施工，请注意绕行"  # villages: [zhongyang], an old id of chongyang
    ebike = "长安社区近期发生电动车被盗案件"  # posts: [zhongshu-changan]
    fraud = "警惕“刷单返利”“冒充客服”电信网络诈骗"  # county-wide
    def top(url: str) -> str:
        html = article(page(site, url))
        return html[html.index('id="notices"'):] if 'id="notices"' in html else ""
    assert roadworks in top("v/chongyang") and roadworks in top("posts/zhongshu-chongyang")
    assert roadworks not in top("v/xiaoyipu") and roadworks not in top("v/changan")
    assert ebike in top("posts/zhongshu-changan") and ebike in top("v/wenbi")
    assert ebike not in top("v/chongyang")
    for url in ("v/changan", "v/ade", "posts/yongning-dajing"):
        assert fraud in top(url), url
    # On a village page the notices come before the post's details.
    village = article(page(site, "v/chongyang"))
    assert village.index(roadworks) < village.index('id="post"')


def test_notice_page_names_its_places_and_validity(site: Path) -> None:
    html = article(page(site, "notices/2026-11-chongyang-roadworks"))
    assert '<a href="../../v/chongyang/">重阳村</a>' in html
    assert "至2026年12月5日" in html and "已过期" not in html
    assert 'class="cj-level cj-level--tip">提示</span>' in html


def test_nav_has_reports_and_notices(site: Path) -> None:
    html = page(site, "")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index("</nav>")]
    assert re.search(r'href="reports/"[^>]*>\s*(<span[^>]*>)?\s*工作报告', nav)
    assert re.search(r'href="notices/"[^>]*>\s*(<span[^>]*>)?\s*安全提示', nav)
