"""Atom and RSS feeds of reports and notices, read with feedparser."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from calendar import timegm
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import feedparser

from conftest import ROOT, SAMPLE, TODAY
from helpers import (
    SITE_URL,
    Doc,
    action_day,
    action_posts,
    actions,
    notices,
    posts,
    published,
    reports,
    village_index,
)


def expected_entries(reps: list[Doc], nots: list[Doc], acts: list[Doc] = []) -> list[tuple[str, str, date]]:  # noqa: B006
    """(title, link, date) of each entry, newest first."""
    out = [(d.meta["title"], f"{SITE_URL}reports/{d.slug}/", d.meta["date"]) for d in reps]
    out += [(f"【{d.meta['level']}】{d.meta['title']}", f"{SITE_URL}notices/{d.slug}/", d.meta["date"]) for d in nots]
    out += [(f"【{d.meta['status']}】{d.meta['title']}", f"{SITE_URL}actions/{d.slug}/", action_day(d)) for d in acts]
    return sorted(out, key=lambda e: (-e[2].toordinal(), e[1]))


def entry_day(entry: feedparser.FeedParserDict) -> date:
    stamp = entry.published_parsed
    # Dates are midnight in China (UTC+8): back to the local calendar day.
    return (datetime.fromtimestamp(timegm(stamp), UTC) + timedelta(hours=8)).date()


def parse(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, (path, feed.get("bozo_exception"))
    return feed


def check(feed: feedparser.FeedParserDict, expected: list[tuple[str, str, date]]) -> None:
    got = [(e.title, e.link, entry_day(e)) for e in feed.entries]
    assert got == expected
    for entry in feed.entries:
        assert entry.id == entry.link  # a stable id: the page's permanent address


def test_county_atom_feed(site: Path) -> None:
    feed = parse(site / "feeds/all.atom.xml")
    assert feed.version == "atom10"
    assert feed.feed.title == "泸西县一村一警：工作报告和安全提示"
    assert feed.feed.link == f"{SITE_URL}reports/"
    assert any(link.rel == "self" and link.href == f"{SITE_URL}feeds/all.atom.xml" for link in feed.feed.links)
    check(feed, expected_entries(published(reports()), published(notices()), actions()))
    # The feed is as new as its newest entry (from the data, not the clock).
    newest = max([d.meta["date"] for d in published(reports()) + published(notices())] + [action_day(d) for d in actions()])
    assert feed.feed.updated.startswith(newest.isoformat())
    # Entry content is the report: period, figures and body.
    entry = next(e for e in feed.entries if e.link.endswith("/reports/2026-10-zhongshu-changan/"))
    html = entry.content[0].value
    assert "2026年10月1日至10月31日" in html and "<td>帮扶困难群众</td><td>3</td>" in html
    assert "<h2>工作情况</h2>" in html
    notice = next(e for e in feed.entries if "刷单返利" in e.title)
    assert notice.title.startswith("【预警】") and "<strong>" in notice.content[0].value


def test_county_rss_feed(site: Path) -> None:
    feed = parse(site / "feeds/all.rss.xml")
    assert feed.version == "rss20"
    assert feed.feed.link == f"{SITE_URL}reports/"
    check(feed, expected_entries(published(reports()), published(notices()), actions()))
    raw = (site / "feeds/all.rss.xml").read_text(encoding="utf-8")
    assert raw.count('<guid isPermaLink="true">') == len(feed.entries)


def test_post_feeds(site: Path) -> None:
    """A post's feed has what concerns it by the one place rule: county-wide
    reports and notices, and those naming the post or one of its villages."""
    villages = village_index()
    for post_id, post in posts().items():
        own = [v["id"] for v in post["villages"]]
        reps = [d for d in published(reports()) if d.meta.get("post") in (post_id, None)]
        nots = [
            d for d in published(notices())
            if (not d.meta.get("posts") and not d.meta.get("villages"))
            or post_id in d.meta.get("posts", [])
            or any(villages[v][1]["id"] in own for v in d.meta.get("villages", []))
        ]
        for kind in ("atom", "rss"):
            feed = parse(site / f"feeds/posts/{post_id}.{kind}.xml")
            assert feed.feed.title == f"{post['name']}：工作报告和安全提示"
            assert feed.feed.link == f"{SITE_URL}posts/{post_id}/"
            check(feed, expected_entries(reps, nots, [d for d in actions() if post_id in action_posts(d)]))
    changan = parse(site / "feeds/posts/zhongshu-changan.atom.xml")
    assert any("电动车被盗" in e.title for e in changan.entries)
    assert not any("电动车被盗" in e.title for e in parse(site / "feeds/posts/jinma-jinma.atom.xml").entries)


def test_subscribe_links_on_reports_notices_and_post_pages(site: Path) -> None:
    for url, feed in (
        ("reports/", "../feeds/all.atom.xml"),
        ("notices/", "../feeds/all.atom.xml"),
        ("posts/zhongshu-changan/", "../../feeds/posts/zhongshu-changan.atom.xml"),
    ):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert f'href="{feed}" type="application/atom+xml"' in html, url
        assert "订阅" in html


def test_titles_and_bodies_are_escaped(data: Path) -> None:
    from generator.build import build_site
    from generator.site import load_site

    report = data / "reports/2026-10-jinma-jinma.md"
    text = report.read_text(encoding="utf-8")
    title = '金马 <script>alert(1)</script> & "引号" ]]> 报告'
    text = text.replace("title: 金马社区警务室2026年10月工作报告", f"title: '{title}'")
    text += '\n<img src=x onerror="alert(2)"> <a href="javascript:alert(3)">点</a>\n'
    report.write_text(text, encoding="utf-8")
    out = build_site(load_site(data, TODAY))
    # Pages and printables escape it too (templates autoescape; the body is sanitised).
    html = next(p.html for p in out.pages if p.url == "reports/2026-10-jinma-jinma/")
    printable = next(a.content for a in out.assets if a.dest == "print/reports/2026-10-jinma-jinma/index.html")
    assert printable is not None
    for text in (html, printable.decode("utf-8")):
        assert "<script>alert(1)" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "onerror" not in text and "javascript:" not in text
    for dest in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        raw = next(a.content for a in out.assets if a.dest == dest)
        assert raw is not None
        assert b"<script>" not in raw
        feed = feedparser.parse(raw)
        assert not feed.bozo
        entry = next(e for e in feed.entries if e.link.endswith("/reports/2026-10-jinma-jinma/"))
        assert entry.title == title
        body = entry.content[0].value if dest.endswith("atom.xml") else entry.description
        assert "onerror" not in body and "javascript:" not in body


def test_feeds_depend_on_the_data_not_the_build_date(tmp_path: Path) -> None:
    """Nothing new is published between two days: the feeds are byte-identical."""
    from generator.build import build_site
    from generator.site import load_site

    def feeds(day: str) -> dict[str, bytes | None]:
        out = build_site(load_site(SAMPLE, day))
        return {a.dest: a.content for a in out.assets if a.dest.startswith("feeds/")}

    a, b = feeds("2026-11-28"), feeds("2026-11-30")
    assert len(a) == 2 + 2 * len(posts())
    assert a == b
    assert feeds("2026-12-10") != a  # a notice dated 12-10 is published that day


def test_source_date_epoch_sets_the_build_date(site: Path, tmp_path: Path) -> None:
    """Without --today, SOURCE_DATE_EPOCH decides what is current; output is reproducible."""
    out = tmp_path / "site"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUNJING_")}
    env["SOURCE_DATE_EPOCH"] = str(int(datetime(2026, 11, 28, 12, tzinfo=UTC).timestamp()))
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", str(SAMPLE), "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    for rel in ("feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/posts/zhongshu-changan.atom.xml",
                "index.html", "notices/index.html"):
        assert (out / rel).read_bytes() == (site / rel).read_bytes(), rel


def test_without_site_url_feeds_cannot_be_made_so_check_says_so(data: Path) -> None:
    from conftest import cunjing

    site_yml = data / "site.yml"
    site_yml.write_text(
        site_yml.read_text(encoding="utf-8").replace("site_url: https://cunjing.example.org/luxi/\n", ""),
        encoding="utf-8",
    )
    run = cunjing("check", "--data", data)
    assert run.code == 1
    assert re.search(r"site\.yml(:\d+)?: 错误：字段 site_url", run.err), run.err
