"""Reports on the sample site (built with --today 2026-11-28)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import (
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
