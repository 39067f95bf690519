"""数据公开 at a province's root: one row per county (people per officer
against the standard, posts over it), each linking to the county's /stats/."""

from __future__ import annotations

from typing import Any

from ..core.pages import SiteOutput, src_of
from ..directory.rules import RESIDENTS_PER_OFFICER
from ..kind import Build, ProvinceBuild
from . import urls
from .charts import Chart, bar_chart
from .pages import TITLE, over_standard, per_officer, population


def stats_export(build: Build) -> dict[str, Any]:
    posts = build.site.grid.posts
    staffed = tuple(p for p in posts if p.officers)
    return {
        "posts": len(posts),
        "over": over_standard(staffed),
        "population": population(staffed),
        "officers": sum(len(p.officers) for p in staffed),
        "per_officer": per_officer(staffed) if staffed else 0,
    }


def province_stats(build: ProvinceBuild) -> SiteOutput:
    names = dict(build.of("directory"))
    rows = [(county_id, names[county_id]["county"], figures) for county_id, figures in build.of("stats")]
    staffed = [r for r in rows if r[2]["officers"]]
    over = sum(1 for r in staffed if r[2]["per_officer"] > RESIDENTS_PER_OFFICER)
    posts = sum(r[2]["posts"] for r in rows)
    reading = (
        f"全部 {len(rows)} 个县（市、区）的 {posts} 个警务室中，{sum(r[2]['over'] for r in rows)} 个每名民警服务超过 "
        f"{RESIDENTS_PER_OFFICER:,} 人；{over} 个县平均每名民警服务超过 {RESIDENTS_PER_OFFICER:,} 人"
        f"（红线为每 {RESIDENTS_PER_OFFICER:,} 人一名民警的标准）。"
    )
    title = "各县每名民警服务人数"
    chart = Chart(
        "chart-residents", title, reading,
        bar_chart(
            "chart-residents", title, reading, [r[1] for r in staffed],
            [("每名民警服务人数", [r[2]["per_officer"] for r in staffed])],
            line_at=RESIDENTS_PER_OFFICER, line_label=f"红线：每名民警 {RESIDENTS_PER_OFFICER:,} 人",
        ),
        ("县", "警务室", f"超过 {RESIDENTS_PER_OFFICER:,} 人的警务室", "服务人口", "民警", "每名民警服务人数"),
        tuple(
            (name, str(f["posts"]), str(f["over"]), f"{f['population']:,}", str(f["officers"]), f"{f['per_officer']:,}")
            for _, name, f in staffed
        ),
        tuple(f"{county_id}/{urls.STATS}" for county_id, _, _ in staffed),
    )
    page = build.renderer.page("stats/province.html", src_of(urls.STATS), TITLE, coverage=chart, counties=rows)
    return SiteOutput(pages=[page])
