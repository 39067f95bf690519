"""Reports and notices on the sample site (built with --today 2026-11-28)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from bulletin_sample import (
    current,
    notices,
    published,
    reports,
    village_index,
    visit_rows,
)


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index('<div class="cj'):html.index("</article>")]


def titles_in_order(html: str, titles: list[str]) -> list[str]:
    return sorted((t for t in titles if t in html), key=html.index)


def test_reports_index_lists_every_published_report_newest_first(site: Path) -> None:
    docs = published(reports())
    assert len(docs) >= 10
    html = article(page(site, "reports"))
    expected = [d.meta["title"] for d in sorted(docs, key=lambda d: (d.meta["date"], d.slug), reverse=True)]
    assert titles_in_order(html, expected) == expected
    for d in docs:
        assert f'href="{d.slug}/"' in html


def test_filter_pages_by_township_and_post_need_no_javascript(site: Path) -> None:
    index = article(page(site, "reports"))
    assert 'href="townships/jiuchengzhen/"' in index and 'href="posts/jiucheng-huixian/"' in index
    assert 'href="county/"' in index
    township = article(page(site, "reports/townships/jiuchengzhen"))
    post = article(page(site, "reports/posts/jiucheng-huixian"))
    county = article(page(site, "reports/county"))
    for d in published(reports()):
        title = d.meta["title"]
        assert (title in post) == (d.meta.get("post") == "jiucheng-huixian"), title
        assert (title in township) == (d.meta.get("post", "").startswith("jiucheng-")), title
        assert (title in county) == ("post" not in d.meta), title
    assert 'aria-current="page">旧城镇</a>' in township


def test_report_page_has_period_stats_and_body(site: Path) -> None:
    html = article(page(site, "reports/2026-10-zhongshu-changan"))
    assert "2026年10月1日至10月31日" in html
    for label, value in (("走访户数", 251), ("受理矛盾纠纷", 5), ("调解化解", 4), ("办结群众诉求", 6)):
        assert f"<tr><td>{label}</td><td class=\"cj-stats__num\">{value}</td></tr>" in html
    # A figure the county added itself is shown as written.
    assert '<tr><td>帮扶困难群众</td><td class="cj-stats__num">3</td></tr>' in html
    assert "<h2>工作情况</h2>" in html and "<h2>下步打算</h2>" in html
    assert 'href="../../print/reports/2026-10-zhongshu-changan/"' in html
    assert 'href="../../posts/zhongshu-changan/"' in html


def test_stats_from_visits_are_the_log_totals_for_the_period(site: Path) -> None:
    villages = village_index()
    for slug, post in (("2026-09-zhongshu-changan", "zhongshu-changan"), ("2026-10-county", None)):
        doc = next(d for d in reports() if d.slug == slug)
        assert doc.meta["stats"] == "from_visits"
        start, end = doc.meta["period"]["from"], doc.meta["period"]["to"]
        rows = [
            r for r in visit_rows()
            if start <= date.fromisoformat(r["date"]) <= end
            and (post is None or villages[r["village"]][0] == post)
        ]
        assert rows
        html = article(page(site, f"reports/{slug}"))
        for label, column in (("走访户数", "households"), ("走访发现问题", "issues_found"), ("已解决问题", "issues_resolved")):
            total = sum(int(r[column]) for r in rows)
            assert f'<tr><td>{label}</td><td class="cj-stats__num">{total:,}</td></tr>' in html, (slug, label)
        assert "走访日志统计" in html


def test_post_and_its_villages_show_the_posts_latest_reports(site: Path) -> None:
    own = sorted(
        (d for d in published(reports()) if d.meta.get("post") == "zhongshu-changan"),
        key=lambda d: d.meta["date"], reverse=True,
    )
    latest = [d.meta["title"] for d in own[:3]]
    older = [d.meta["title"] for d in own[3:]]
    assert older, "the sample should have more reports than a post page shows"
    for url in ("posts/zhongshu-changan", "v/changan", "v/wenbi"):
        html = article(page(site, url))
        assert titles_in_order(html, latest) == latest, url
        assert not any(t in html for t in older), url
    assert "查看全部报告" in article(page(site, "posts/zhongshu-changan"))
    # Another post's village does not show them.
    assert latest[0] not in page(site, "v/huixian")


def test_post_without_reports_still_offers_its_feed(site: Path) -> None:
    html = article(page(site, "posts/baishui-baiyan"))
    assert "本警务室还没有发布工作报告" in html
    assert 'href="../../feeds/posts/baishui-baiyan.atom.xml" type="application/atom+xml"' in html


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
    for d in current(notices()):
        assert d.meta["title"] in panel, d.slug
    for d in published(notices()):
        if d not in current(notices()):
            assert d.meta["title"] not in html, d.slug
    # Warnings (预警) come first, then 通报, then 提示.
    levels = re.findall(r'class="cj-level cj-level--(\w+)"', panel)
    assert levels == sorted(levels, key=["alert", "bulletin", "tip"].index)
    assert levels[0] == "alert" and len(levels) == len(current(notices()))


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
