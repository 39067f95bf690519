"""数据公开 (/stats/ and one page per township, /stats/townships/<slug>/): the
figures equal figures recomputed from the data files (posts, stations.yml, the
visit log, 三访三评 — read with PyYAML and csv); /stats/ sums the posts of each
township in one row linked to the township's page, which has its posts' rows;
the charts are inline SVG with role, title and description, render in Chromium
and pass axe; no page of the kind passes 60 KB; builds are byte-identical."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from conftest import SAMPLE, TODAY, open_page
from helpers import BUILD_DAY, build, posts, table_rows, visit_rows

MAX_PAGE = 60_000  # bytes, raw HTML


def stats_html(site: Path) -> str:
    return (site / "stats/index.html").read_text(encoding="utf-8")


def row_links(html: str, caption: str) -> dict[str, str]:
    """Each body row's first cell (text) -> the site-relative page it links to, of the
    table with this caption on /stats/ (rows without a link are left out)."""
    start = html.index(f"<caption>{caption}")
    table = html[start:html.index("</table>", start)]
    return {
        re.sub(r"<[^>]+>", "", name): posixpath.normpath(posixpath.join("stats", href)) + "/"
        for href, name in re.findall(r'<th scope="row"><a href="([^"]+)">(.*?)</a></th>', table)
    }


def by_township() -> dict[str, dict[str, dict[str, Any]]]:
    """The sample's posts (id -> record) of each township, from data/posts/*.yml."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for post_id, post in posts().items():
        out.setdefault(post["township"], {})[post_id] = post
    return out


def township_pages(site: Path) -> dict[str, str]:
    """Each township's stats page (HTML), found from /stats/'s township summary."""
    links = row_links(stats_html(site), "各乡镇每名民警服务人数（数据表）")
    return {t: (site / url / "index.html").read_text(encoding="utf-8") for t, url in links.items()}


def people(post: dict[str, Any]) -> int:
    return sum(v["population"] for v in post["villages"])


def test_coverage_against_the_county_standards(site: Path) -> None:
    html = stats_html(site)
    grid = posts()
    over = sum(1 for p in grid.values() if people(p) // len(p["officers"]) > 5000)
    assert f"全县 {len(grid)} 个警务室中，{over} 个每名民警服务超过 5,000 人" in html

    # /stats/: one row per township, its posts summed.
    want_towns = []
    for township, mine in by_township().items():
        population = sum(people(p) for p in mine.values())
        officers = sum(len(p["officers"]) for p in mine.values())
        over_here = sum(1 for p in mine.values() if people(p) // len(p["officers"]) > 5000)
        want_towns.append([township, str(len(mine)), str(over_here), f"{population:,}", str(officers),
                           f"{population // officers:,}"])
    got_towns = table_rows(html, "各乡镇每名民警服务人数（数据表）")
    assert sorted(got_towns) == sorted(want_towns)
    over_towns = sum(1 for row in want_towns if int(row[-1].replace(",", "")) > 5000)
    assert f"{len(want_towns)} 个乡镇中，{over_towns} 个平均每名民警服务超过 5,000 人" in html

    # The township pages: every post exactly once, on its own township's page.
    seen: list[str] = []
    for township, page in township_pages(site).items():
        mine = by_township()[township]
        names = {p["name"]: p for p in mine.values()}
        rows = table_rows(page, "各警务室每名民警服务人数（数据表）")
        for row in rows:
            post = names[row[0]]
            assert row[1:] == [f"{people(post):,}", str(len(post["officers"])),
                               f"{people(post) // len(post['officers']):,}"], row
        seen += [row[0] for row in rows]
        over_here = sum(1 for p in mine.values() if people(p) // len(p["officers"]) > 5000)
        assert f"{township} {len(mine)} 个警务室中，{over_here} 个每名民警服务超过 5,000 人" in page
        sizes_here = Counter(len(p["officers"]) for p in mine.values())
        got_here = {int(r[0].split()[0]): int(r[1]) for r in table_rows(page, "警务室配备民警人数（数据表）")}
        assert {k: v for k, v in got_here.items() if v} == sizes_here
    assert sorted(seen) == sorted(p["name"] for p in grid.values())

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


def test_every_township_has_its_page_linked_from_stats(site: Path) -> None:
    html = stats_html(site)
    towns = by_township()
    for caption in ("各乡镇每名民警服务人数（数据表）", "各乡镇三访三评群众满意率（数据表）"):
        assert set(row_links(html, caption)) <= set(towns), caption
    links = row_links(html, "各乡镇每名民警服务人数（数据表）")
    assert set(links) == set(towns)
    nav = html[html.index('<h2 id="townships">'):]
    nav = nav[:nav.index("</nav>")]
    for township, url in links.items():
        assert re.fullmatch(r"stats/townships/[a-z0-9-]+/", url), url
        assert f'<a href="{url.removeprefix("stats/")}">{township}</a>' in nav
        page = (site / url / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{township}数据公开</h1>" in page
        assert f"<title>{township}数据公开 - " in page
        assert '<a href="../../">全县数据公开</a>' in page
        post_links = {
            posixpath.normpath(posixpath.join(url, href)) + "/"
            for href in re.findall(r'<a href="([^"]+)">[^<]*警务室</a>', page)
        }
        assert post_links == {f"posts/{pid}/" for pid in towns[township]}, township
    assert sorted(p.name for p in (site / "stats/townships").iterdir()) == sorted(
        u.split("/")[2] for u in links.values())


def test_stats_pages_stay_small(site: Path) -> None:
    files = [site / "stats/index.html", *sorted((site / "stats/townships").glob("*/index.html"))]
    assert len(files) == 1 + len(by_township())
    for file in files:
        assert file.stat().st_size <= MAX_PAGE, (file, file.stat().st_size)


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


def test_evaluations_per_township_and_post(site: Path) -> None:
    html = stats_html(site)
    rounds = [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((SAMPLE / "evaluations").glob("*.yml"))
    ]
    assert len(rounds) == 2
    grid = posts()

    def cell(results: list[dict[str, Any]]) -> str:
        responses, satisfied = sum(r["responses"] for r in results), sum(r["satisfied"] for r in results)
        return f"{responses} 人 / {round(100 * satisfied / responses, 1):g}%" if results else "—"

    # /stats/: each township's posts summed, in every round.
    towns = {r[0]: r[1:] for r in table_rows(html, "各乡镇三访三评群众满意率（数据表）")}
    for township, mine in by_township().items():
        want = [cell([r for r in data["posts"] if r["post"] in mine]) for data in rounds]
        if township in towns:
            assert towns[township] == want, township
        else:
            assert want == ["—", "—"], township
    latest = rounds[-1]["posts"]
    total = sum(r["responses"] for r in latest)
    assert f"全县 {total:,} 人参评，满意率 {round(100 * sum(r['satisfied'] for r in latest) / total, 1):g}%" in html

    # The township pages: each post with results exactly once, as today's figures.
    seen: list[str] = []
    for township, page in township_pages(site).items():
        if "各警务室三访三评群众满意率（数据表）" not in page:
            continue
        table = {r[0]: r[1:] for r in table_rows(page, "各警务室三访三评群众满意率（数据表）")}
        seen += list(table)
        for i, data in enumerate(rounds):
            for result in data["posts"]:
                if grid[result["post"]]["township"] == township:
                    assert table[grid[result["post"]]["name"]][i] == cell([result])
        here = [r for r in latest if grid[r["post"]]["township"] == township]
        if here:
            responses, satisfied = sum(r["responses"] for r in here), sum(r["satisfied"] for r in here)
            percent = round(100 * satisfied / responses, 1)
            assert f"）{township} {responses:,} 人参评，满意率 {percent:g}%。" in page
    assert sorted(seen) == sorted({grid[r["post"]]["name"] for data in rounds for r in data["posts"]})
    page = (site / "posts/zhongshu-changan/index.html").read_text(encoding="utf-8")
    assert [r[0] for r in table_rows(page, "三访三评群众满意率（数据表）")] == [
        "2026年1月1日至6月30日", "2026年7月1日至11月20日",
    ]


def test_charts_are_accessible_svg_without_script(site: Path) -> None:
    html = stats_html(site)
    svgs = re.findall(r"<svg [^>]*cj-chart__svg.*?</svg>", html, re.S)
    assert len(svgs) >= 6
    for page in township_pages(site).values():
        svgs += re.findall(r"<svg [^>]*cj-chart__svg.*?</svg>", page, re.S)
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


def test_same_data_same_bytes(site_again: Path, site: Path) -> None:
    again = site_again
    for rel in (
        "stats/index.html", "stats/townships/zhongshuzhen/index.html", "posts/zhongshu-changan/index.html",
        "actions/index.html", "feeds/all.atom.xml",
    ):
        assert (again / rel).read_bytes() == (site / rel).read_bytes(), rel


def test_charts_render_and_pass_axe(browser: object, served: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    # On a post page only its 数据公开 block is ours (the page's other blocks have their own tests).
    for url, where in (
        ("stats/", "main"), ("stats/townships/zhongshuzhen/", "main"),
        ("posts/zhongshu-changan/", "section.cj-panel--stats"), ("actions/", "main"),
    ):
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


def test_many_townships_give_a_spread_not_a_bar_each(tmp_path: Path) -> None:
    """Over 40 townships (or stations), /stats/ counts them in each band of the
    figure, naming each once: people per officer (2,500 wide), community officers'
    share of a station and 三访三评 satisfaction (5 points wide). /stats/ stays
    under 60 KB at 14,000 villages; each township keeps its own page and link."""
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT))
    from bench.synthetic import synthetic_grid, write_data
    from generator.build import make_build
    from generator.kinds import BY_NAME
    from generator.site import load_site

    data = tmp_path / "data"
    write_data(synthetic_grid(14_000), data)
    # Recomputed from the data files: each township's people and officers, each station's officers.
    towns: dict[str, list[int]] = {}
    stations: dict[tuple[str, str], int] = {}  # (township, station) -> its posts' officers
    evaluated: dict[str, list[int]] = {}
    rows_of_round = []
    for n, path in enumerate(sorted((data / "posts").glob("*.yml"))):
        post = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        key = (post["township"], post["station"])
        stations[key] = stations.get(key, 0) + len(post.get("officers", []))
        if post.get("officers"):
            figures = towns.setdefault(post["township"], [0, 0])
            figures[0] += sum(v["population"] for v in post["villages"])
            figures[1] += len(post["officers"])
        satisfied = 60 + n % 41
        rows_of_round.append({"post": path.stem, "responses": 100, "satisfied": satisfied})
        score = evaluated.setdefault(post["township"], [0, 0])
        score[0] += 100
        score[1] += satisfied
    strength = {key: 2 * community + n % 3 + 1 for n, (key, community) in enumerate(sorted(stations.items()))}
    (data / "stations.yml").write_text(yaml.safe_dump({"stations": [
        {"name": name, "township": town, "strength": strength[(town, name)]} for town, name in sorted(stations)
    ]}, allow_unicode=True), encoding="utf-8")
    (data / "evaluations").mkdir()
    (data / "evaluations" / "2026-h2.yml").write_text(yaml.safe_dump({
        "period": {"from": date(2026, 7, 1), "to": date(2026, 11, 20)}, "by": "合成县公安局政治处",
        "posts": rows_of_round,
    }, allow_unicode=True), encoding="utf-8")

    site = load_site(data, TODAY)
    pages = {p.src: p for p in BY_NAME["stats"].pages(make_build(site)).pages}
    html = pages["stats/index.md"].html
    assert len(html.encode()) < MAX_PAGE - 8_000  # the page shell is ~7 KB
    assert len(towns) > 40 and len(stations) > 40

    def counted(caption: str, figures: list[tuple[str, float]], band: float) -> None:
        bands = Counter(int(figure // band) for _, figure in figures)
        rows = table_rows(html, caption)
        assert [int(count) for _, count, _ in rows] == [bands.get(b, 0) for b in range(min(bands), max(bands) + 1)]
        assert sorted(n for _, _, names in rows for n in names.split("、") if n) == sorted(n for n, _ in figures)

    counted("各乡镇每名民警服务人数的分布（数据表）", [(t, p // o) for t, (p, o) in towns.items()], 2_500)
    counted(
        "社区民警占派出所总警力的比例的分布（数据表）",
        [(name, round(100 * c / strength[(t, name)])) for (t, name), c in stations.items()], 5,
    )
    caption = re.search(r"<caption>(各乡镇三访三评群众满意率的分布（[^）]+）（数据表）)", html)
    assert caption
    counted(caption.group(1), [(t, round(100 * s / r, 1)) for t, (r, s) in evaluated.items()], 5)  # as published
    over = sum(1 for people, officers in towns.values() if people // officers > 5_000)
    assert f"{len(towns)} 个乡镇中，{over} 个平均每名民警服务超过 5,000 人" in html
    assert "每个乡镇的数字在它的数据页上" in html
    links = re.findall(r'<li><a href="(townships/[^"/]+/)">', html)
    urls = {p.url for p in pages.values()}
    assert len(links) == len(site.grid.township_slugs) and all(f"stats/{u}" in urls for u in links)
