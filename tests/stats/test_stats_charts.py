"""数据公开 (/stats/): the figures equal figures recomputed from the data files
(posts, stations.yml, the visit log, 三访三评 — read with PyYAML and csv); the
charts are inline SVG with role, title and description, render in Chromium
and pass axe; builds are byte-identical."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import yaml

from conftest import SAMPLE, TODAY, open_page
from helpers import BUILD_DAY, build, posts, table_rows, visit_rows


def stats_html(site: Path) -> str:
    return (site / "stats/index.html").read_text(encoding="utf-8")


def test_coverage_against_the_county_standards(site: Path) -> None:
    html = stats_html(site)
    grid = posts()
    want = []
    for post in grid.values():
        people = sum(v["population"] for v in post["villages"])
        want.append((post["name"], f"{people // len(post['officers']):,}"))
    got = [(row[0], row[-1]) for row in table_rows(html, "各警务室每名民警服务人数（数据表）")]
    assert sorted(got) == sorted(want)
    over = sum(1 for _, n in want if int(n.replace(",", "")) > 5000)
    assert f"个警务室中，{over} 个每名民警服务超过 5,000 人" in html

    sizes: dict[int, int] = {}
    for post in grid.values():
        sizes[len(post["officers"])] = sizes.get(len(post["officers"]), 0) + 1
    got_sizes = {int(r[0].split()[0]): int(r[1]) for r in table_rows(html, "警务室配备民警人数（数据表）")}
    assert {k: v for k, v in got_sizes.items() if v} == sizes

    stations = yaml.safe_load((SAMPLE / "stations.yml").read_text(encoding="utf-8"))["stations"]
    rows = {r[0]: r for r in table_rows(html, "社区民警占派出所总警力的比例（数据表）")}
    for station in stations:
        community = sum(
            len(p["officers"]) for p in grid.values()
            if p["station"] == station["name"] and p["township"] == station["township"]
        )
        row = rows[station["name"]]
        assert row[2:] == [str(station["strength"]), str(community), f"{round(100 * community / station['strength'])}%"]


def test_visits_per_week_and_month(site: Path) -> None:
    """The last 12 complete weeks and the complete months, then the running week and
    month as the table's last row, named 本周至今/本月至今 with their dates."""
    html = stats_html(site)
    rows = visit_rows()
    weeks = table_rows(html, "最近 12 周每周走访户数（一周分析）（数据表）")
    assert len(weeks) == 13
    monday = BUILD_DAY - timedelta(days=BUILD_DAY.weekday())
    for i, row in enumerate(reversed(weeks)):
        start = monday - timedelta(weeks=i)
        these = [r for r in rows if start <= date.fromisoformat(r["date"]) < start + timedelta(days=7)]
        assert row[1:3] == [str(len(these)), str(sum(int(r["households"]) for r in these))], row
    assert weeks[-1][0] == "本周至今（11月23日—28日）"  # 28 November 2026 is a Saturday
    months = table_rows(html, "最近 3 个月每月走访户数（一月点评）（数据表）")  # the log starts in August
    assert [row[0] for row in months] == ["2026年8月", "2026年9月", "2026年10月", "本月至今（11月1日—28日）"]
    for row, month in zip(months, ("2026-08", "2026-09", "2026-10", "2026-11"), strict=True):
        these = [r for r in rows if r["date"].startswith(month)]
        assert row[2] == str(sum(int(r["households"]) for r in these))

    def households(month: str) -> int:
        return sum(int(r["households"]) for r in rows if r["date"].startswith(month))

    october, september, november = households("2026-10"), households("2026-09"), households("2026-11")
    percent = round(100 * (october - september) / september)
    # Complete months compared; the running one named, never compared.
    assert (
        f"上月（10月）走访 {october:,} 户，比9月{'多' if percent > 0 else '少'} {abs(percent)}%；"
        f"本月至今（11月1日—28日）走访 {november:,} 户。"
    ) in html


def test_evaluations_per_post_and_period(site: Path) -> None:
    html = stats_html(site)
    rounds = [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((SAMPLE / "evaluations").glob("*.yml"))
    ]
    assert len(rounds) == 2
    names = {pid: p["name"] for pid, p in posts().items()}
    table = {r[0]: r[1:] for r in table_rows(html, "三访三评群众满意率（数据表）")}
    for i, data in enumerate(rounds):
        for result in data["posts"]:
            percent = round(100 * result["satisfied"] / result["responses"], 1)
            assert table[names[result["post"]]][i] == f"{result['responses']} 人 / {percent:g}%"
    latest = rounds[-1]["posts"]
    total = sum(r["responses"] for r in latest)
    assert f"全县 {total:,} 人参评，满意率 {round(100 * sum(r['satisfied'] for r in latest) / total, 1):g}%" in html
    page = (site / "posts/zhongshu-changan/index.html").read_text(encoding="utf-8")
    assert [r[0] for r in table_rows(page, "三访三评群众满意率（数据表）")] == [
        "2026年1月1日至6月30日", "2026年7月1日至11月20日",
    ]


def test_charts_are_accessible_svg_without_script(site: Path) -> None:
    html = stats_html(site)
    svgs = re.findall(r"<svg [^>]*cj-chart__svg.*?</svg>", html, re.S)
    assert len(svgs) >= 6
    for svg in svgs:
        head = svg[: svg.index(">")]
        assert 'role="img"' in head
        ids = re.search(r'aria-labelledby="([^"]+)"', head).group(1).split()  # type: ignore[union-attr]
        title, desc = ids
        assert re.search(rf'<title id="{title}">[^<]+</title><desc id="{desc}">[^<]+</desc>', svg)
        assert "<script" not in svg and "<style" not in svg and "http://" not in svg.replace(
            'xmlns="http://www.w3.org/2000/svg"', "")
        assert "pygal" not in svg.lower()
        assert len(svg) < 25_000


def test_same_data_same_bytes(tmp_path: Path, site: Path) -> None:
    again = build(SAMPLE, tmp_path / "again", TODAY)
    for rel in ("stats/index.html", "posts/zhongshu-changan/index.html", "actions/index.html", "feeds/all.atom.xml"):
        assert (again / rel).read_bytes() == (site / rel).read_bytes(), rel


def test_charts_render_and_pass_axe(browser: object, served: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    # On a post page only its 数据公开 block is ours (the page's other blocks have their own tests).
    for url, where in (("stats/", "main"), ("posts/zhongshu-changan/", "section.cj-panel--stats"), ("actions/", "main")):
        context, page, requested = open_page(browser, served + url, javascript=True)
        try:
            assert all(r.startswith(served) for r in requested), requested
            # Unfold what a resident would tap open: the post's block and the charts' tables.
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            if url != "actions/":
                boxes = page.eval_on_selector_all(
                    "svg.cj-chart__svg", "els => els.map(e => e.getBoundingClientRect().height)"
                )
                assert boxes and all(h > 30 for h in boxes), boxes  # a row of bars or more
                bars = page.eval_on_selector_all(
                    "svg.cj-chart__svg .cj-bars rect", "els => els.filter(e => e.getBBox().width > 0).length"
                )
                assert bars > 10
            results = Axe().run(page, context=where)
            assert results.violations_count == 0, results.generate_report()
        finally:
            context.close()


def test_a_build_date_before_the_logs_start_still_builds(tmp_path: Path) -> None:
    # An editor rebuilding an old snapshot: the request and visit logs begin
    # after that day, so there is no month to chart yet (this once crashed).
    out = build(SAMPLE, tmp_path / "early", "2025-06-01")
    page = (out / "posts/zhongshu-changan/index.html").read_text(encoding="utf-8")
    assert "受理群众诉求" not in page
    assert (out / "stats/index.html").is_file()
