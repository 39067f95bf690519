"""数据公开: /stats/, one page per township, and each post's own figures on its page.

/stats/ has the county's figures, with posts summed by township (one row each,
linked to the township's page); a township's page (urls.township) has its
posts' rows. So no page of the kind grows with the number of posts.

Every chart is (a) the grid against the county's standards, (b) households
visited per week and month, (c) requests (五个及时) per month, (d) 三访三评
satisfaction — with a title, one plain sentence and its data as a table.
Only aggregates reach this module (VisitStats, RequestStats); request counts
below 3 are shown as "<3" and drawn as no bar.

Bars are complete weeks and months only, and a sentence compares the last two
complete ones; the running week or month is named 本周至今/本月至今 with its
dates, in the sentence while it has something and as its table's last row,
never compared with a whole one (visits/periods.py, visits/readings.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from markupsafe import Markup

from ..core import dates
from ..core.dates import Month
from ..core.pages import SiteOutput, src_of
from ..directory import urls as directory_urls
from ..directory.grid import Grid
from ..directory.rules import MAX_OFFICERS_PER_POST, RESIDENTS_PER_OFFICER
from ..directory.schema import Post
from ..evaluations.model import EVALUATIONS, EvaluationRound
from ..kind import Block, Build, Place
from ..requests.log import MASK_BELOW, MonthFigures, RequestStats, masked
from ..requests.log import ScopeKind as RequestScope
from ..requests.records import REQUESTS
from ..stations.load import COMMUNITY_SHARE, STATIONS, Station
from ..visits import periods
from ..visits.log import Figures, VisitStats
from ..visits.log import ScopeKind as VisitScope
from ..visits.readings import month_reading, week_reading
from ..visits.records import VISITS
from . import urls
from .charts import Chart, bar_chart

# What a row of the coverage and 三访三评 charts stands for.
Level = Literal["乡镇", "警务室"]

WEEKS = 12
MONTHS = 12
TITLE = "数据公开"


def short_name(post: Post) -> str:
    return post.name.removesuffix("警务室") or post.name


@dataclass(frozen=True)
class Unit:
    """One row of the coverage and 三访三评 charts: on /stats/ a township (its posts
    summed), on a township's page one post; ``link`` is the row's own page."""

    name: str  # the table's first cell
    label: str  # the bar's label
    link: str
    posts: tuple[Post, ...]

    @property
    def staffed(self) -> tuple[Post, ...]:
        """Its posts with at least one officer (the others serve nobody per officer)."""
        return tuple(p for p in self.posts if p.officers)


def population(posts: tuple[Post, ...]) -> int:
    return sum(v.population for p in posts for v in p.villages)


def officers(posts: tuple[Post, ...]) -> int:
    return sum(len(p.officers) for p in posts)


def per_officer(posts: tuple[Post, ...]) -> int:
    """People per officer of staffed ``posts``: their residents over their officers."""
    return population(posts) // officers(posts)


def township_units(grid: Grid) -> list[Unit]:
    """Every township with posts, in the grid's order, linked to its stats page."""
    return [
        Unit(township, township, urls.township(slug), tuple(grid.posts_in(township)))
        for township, slug in grid.township_slugs.items()
        if grid.posts_in(township)
    ]


def post_units(posts: list[Post]) -> list[Unit]:
    """Each post as its own row, linked to the post's page."""
    return [Unit(p.name, short_name(p), directory_urls.post(p.id), (p,)) for p in posts]


def over_standard(posts: tuple[Post, ...]) -> int:
    """How many of ``posts`` have officers serving more than the standard each."""
    return sum(1 for p in posts if p.officers and per_officer((p,)) > RESIDENTS_PER_OFFICER)


# -- (a) coverage -------------------------------------------------------------

def residents_chart(units: list[Unit], of: Level, where: str) -> Chart:
    """People per officer of each unit (townships or posts, ``of``), against the standard;
    the sentence counts the posts of ``where`` (全县 or a township) over it, and the townships."""
    everyone = sum(len(u.posts) for u in units)
    units = [u for u in units if u.staffed]
    staffed = tuple(p for u in units for p in u.staffed)
    reading = f"{where} {everyone} 个警务室中，{over_standard(staffed)} 个每名民警服务超过 {RESIDENTS_PER_OFFICER:,} 人"
    if of == "乡镇":
        towns = sum(1 for u in units if per_officer(u.staffed) > RESIDENTS_PER_OFFICER)
        reading += f"；{len(units)} 个乡镇中，{towns} 个平均每名民警服务超过 {RESIDENTS_PER_OFFICER:,} 人"
    reading += f"（红线为每 {RESIDENTS_PER_OFFICER:,} 人一名民警的标准）。"
    title = f"各{of}每名民警服务人数"
    head: tuple[str, ...] = ("服务人口", "民警", "每名民警服务人数")
    head = (of, "警务室", f"超过 {RESIDENTS_PER_OFFICER:,} 人的警务室", *head) if of == "乡镇" else (of, *head)

    def row(u: Unit) -> tuple[str, ...]:
        figures = (f"{population(u.staffed):,}", str(officers(u.staffed)), f"{per_officer(u.staffed):,}")
        if of == "乡镇":
            return (u.name, str(len(u.posts)), str(over_standard(u.staffed)), *figures)
        return (u.name, *figures)

    return Chart(
        "chart-residents", title, reading,
        bar_chart(
            "chart-residents", title, reading, [u.label for u in units],
            [("每名民警服务人数", [per_officer(u.staffed) for u in units])],
            line_at=RESIDENTS_PER_OFFICER, line_label=f"红线：每名民警 {RESIDENTS_PER_OFFICER:,} 人",
        ),
        head, tuple(row(u) for u in units), tuple(u.link for u in units),
    )


# Up to this many townships (or stations), /stats/ draws one bar each; beyond,
# how many fall in each band of the figure, naming them (each township's own
# figures stay on its page), so /stats/ does not grow with the grid.
MAX_TOWNSHIP_BARS = 40
BAND = 2_500  # people per officer, one band of the residents' spread
PERCENT_BAND = 5  # percentage points, one band of the other spreads


def spread_chart(
    chart_id: str, title: str, reading: str, of: str, measure: str, named: Sequence[tuple[str, float]],
    band: float, label: Callable[[int], str],
) -> Chart:
    """How many of ``named`` (name, figure) fall in each band of the figure (``measure``),
    ``band`` wide, from the lowest band with one to the highest; the table names them."""
    bands: dict[int, list[str]] = {}
    for name, figure in named:
        bands.setdefault(int(figure // band), []).append(name)
    steps = list(range(min(bands), max(bands) + 1)) if bands else []
    counted = f"{of}个数"
    return Chart(
        chart_id, title, reading,
        bar_chart(chart_id, title, reading, [label(s) for s in steps], [(counted, [len(bands.get(s, [])) for s in steps])]),
        (measure, counted, of),
        tuple((label(s), str(len(bands.get(s, []))), "、".join(bands.get(s, []))) for s in steps),
    )


def _people_band(step: int) -> str:
    low, high = step * BAND, (step + 1) * BAND - 1
    return f"{high + 1:,} 人以下" if step == 0 else f"{low:,}—{high:,} 人"


def _percent_band(step: int) -> str:
    low = step * PERCENT_BAND
    return "100%" if low >= 100 else f"{low}%—{low + PERCENT_BAND}% 以下"


def residents_spread_chart(units: list[Unit]) -> Chart:
    """How many townships serve each band of people per officer (BAND wide), naming them."""
    staffed = [u for u in units if u.staffed]
    over = sum(1 for u in staffed if per_officer(u.staffed) > RESIDENTS_PER_OFFICER)
    everyone = sum(len(u.posts) for u in units)
    posts_over = over_standard(tuple(p for u in staffed for p in u.staffed))
    reading = (
        f"全县 {everyone} 个警务室中，{posts_over} 个每名民警服务超过 {RESIDENTS_PER_OFFICER:,} 人；"
        f"{len(staffed)} 个乡镇中，{over} 个平均每名民警服务超过 {RESIDENTS_PER_OFFICER:,} 人。"
        "每个乡镇的数字在它的数据页上。"
    )
    return spread_chart(
        "chart-residents", "各乡镇每名民警服务人数的分布", reading, "乡镇", "每名民警服务人数",
        [(u.name, per_officer(u.staffed)) for u in staffed], BAND, _people_band,
    )


def officers_chart(posts: Sequence[Post], where: str) -> Chart:
    """How many posts of ``where`` (全县 or a township) have each number of officers."""
    counts: dict[int, int] = {}
    for post in posts:
        counts[len(post.officers)] = counts.get(len(post.officers), 0) + 1
    sizes = list(range(min(counts), max(counts) + 1))
    within = sum(n for size, n in counts.items() if 1 <= size <= MAX_OFFICERS_PER_POST)
    reading = (
        f"{where} {len(posts)} 个警务室中，{within} 个配备 1—{MAX_OFFICERS_PER_POST} 名民警，"
        f"{len(posts) - within} 个不在这个标准内。"
    )
    title = "警务室配备民警人数"
    return Chart(
        "chart-officers", title, reading,
        bar_chart(
            "chart-officers", title, reading, [f"{s} 名民警" for s in sizes],
            [("警务室个数", [counts.get(s, 0) for s in sizes])],
        ),
        ("每个警务室的民警", "警务室个数"),
        tuple((f"{s} 名", str(counts.get(s, 0))) for s in sizes),
    )


def stations_chart(stations: tuple[Station, ...]) -> Chart | None:
    if not stations:
        return None
    met = sum(1 for s in stations if s.share >= COMMUNITY_SHARE)
    reading = (
        f"全县 {len(stations)} 个派出所中，{met} 个的社区民警达到总警力的 {COMMUNITY_SHARE}%"
        f"（红线为 {COMMUNITY_SHARE}% 的标准）。"
    )
    title = "社区民警占派出所总警力的比例"
    if len(stations) > MAX_TOWNSHIP_BARS:
        return spread_chart(
            "chart-stations", f"{title}的分布", reading, "派出所", "社区民警占比",
            [(s.name, s.share) for s in stations], PERCENT_BAND, _percent_band,
        )
    return Chart(
        "chart-stations", title, reading,
        bar_chart(
            "chart-stations", title, reading, [s.name for s in stations], [("社区民警占比", [s.share for s in stations])],
            line_at=COMMUNITY_SHARE, line_label=f"红线：{COMMUNITY_SHARE}%", percent=True,
        ),
        ("派出所", "乡镇", "总警力", "社区民警", "占比"),
        tuple((s.name, s.township, str(s.strength), str(s.community), f"{s.share}%") for s in stations),
    )


# -- (b) visits ---------------------------------------------------------------

VISIT_HEAD = ("走访次数", "走访户数", "发现问题", "解决问题")


def _visit_row(label: str, f: Figures) -> tuple[str, ...]:
    return (label, str(f.visits), str(f.households), str(f.issues_found), str(f.issues_resolved))


def _visits_chart(
    chart_id: str, title: str, reading: str, first_column: str,
    done: list[tuple[str, str, Figures]], running: tuple[str, Figures] | None,
) -> Chart:
    """Bars for the complete periods (bar label, table label, figures), oldest first; the
    running period is the table's last row (and the only bar while none is complete)."""
    drawn = [(bar, f) for bar, _, f in done] or ([running] if running else [])
    rows = [_visit_row(label, f) for _, label, f in done]
    if running:
        rows.append(_visit_row(*running))
    svg = bar_chart(chart_id, title, reading, [label for label, _ in drawn],
                    [("走访户数", [f.households for _, f in drawn])])
    return Chart(chart_id, title, reading, svg, (first_column, *VISIT_HEAD), tuple(rows))


def visit_charts(stats: VisitStats, today: date, kind: VisitScope, key: str, prefix: str) -> list[Chart]:
    """Households visited in the last complete weeks and months, oldest first; the running
    week and month are named as such (本周至今, 本月至今) in the sentence and the table."""
    if not stats.has(kind, key):
        return []
    out: list[Chart] = []
    weeks = list(reversed(periods.done_weeks(today, WEEKS, stats.first)))
    this_week = periods.running_week(today, stats.first)
    if weeks or this_week:
        out.append(_visits_chart(
            f"{prefix}-weeks", f"最近 {len(weeks)} 周每周走访户数（一周分析）" if weeks else "本周走访户数（一周分析）",
            week_reading(stats, today, kind, key), "周",
            [(dates.week(w), dates.week(w), stats.week(kind, key, w)) for w in weeks],
            (periods.week_so_far(today), stats.week(kind, key, this_week)) if this_week else None,
        ))
    months = list(reversed(periods.done_months(today, MONTHS, stats.first)))
    this_month = periods.running_month(today, stats.first)
    if months or this_month:
        out.append(_visits_chart(
            f"{prefix}-months", f"最近 {len(months)} 个月每月走访户数（一月点评）" if months else "本月走访户数（一月点评）",
            month_reading(stats, today, kind, key), "月份",
            [(dates.month_short(m, today), dates.month(m), stats.month(kind, key, m)) for m in months],
            (periods.month_so_far(today), stats.month(kind, key, this_month)) if this_month else None,
        ))
    return out


# -- (c) requests -------------------------------------------------------------

def request_chart(stats: RequestStats, today: date, kind: RequestScope, key: str, prefix: str) -> Chart | None:
    """Requests received in the last complete months (bars); the running month in words and the table."""
    if not stats.has(kind, key):
        return None
    months = list(reversed(periods.done_months(today, MONTHS, stats.first)))
    this_month = periods.running_month(today, stats.first)
    if not months and this_month is None:  # the log starts after the build date
        return None

    def month(m: Month) -> MonthFigures:
        return stats.month(kind, key, m)

    def bar(count: int) -> int | str:
        return masked(count) if 0 < count < MASK_BELOW else count

    parts = []
    if months:
        last = month(months[-1])
        text = (
            f"上月（{periods.month_name(months[-1], today)}）受理群众诉求 {masked(last.received)} 件，"
            f"已反馈 {masked(last.answered)} 件"
        )
        if last.share_within_week is not None:
            text += f"，7 天内反馈的占 {last.share_text}"
        parts.append(text)
    running = month(this_month) if this_month else MonthFigures()
    if running.received or not months:
        parts.append(f"{periods.month_so_far(today)}受理 {masked(running.received)} 件")
    reading = "；".join(parts) + "。"
    title = "每月受理和反馈的群众诉求（五个及时）"
    shown = months or ([this_month] if this_month else [])

    def row(label: str, f: MonthFigures) -> tuple[str, ...]:
        return (label, masked(f.received), masked(f.resolved), masked(f.answered), f.median_text,
                f.share_text, masked(f.open_late))

    rows = [row(dates.month(m), month(m)) for m in months]
    if this_month:
        rows.append(row(periods.month_so_far(today), running))
    return Chart(
        f"{prefix}-requests", title, reading,
        bar_chart(
            f"{prefix}-requests", title, reading,
            [dates.month_short(m, today) for m in months] or [periods.month_so_far(today)],
            [("受理", [bar(month(m).received) for m in shown]), ("已反馈", [bar(month(m).answered) for m in shown])],
        ),
        ("受理月份", "受理", "已化解", "已反馈", "反馈天数（中位数）", "7 天内反馈", "超过 30 天未反馈"),
        tuple(rows),
    )


# -- (d) 三访三评 ---------------------------------------------------------------

@dataclass(frozen=True)
class Satisfaction:
    """A unit's 三访三评 results in one round: its posts' results summed."""

    responses: int
    satisfied: int

    @property
    def percent(self) -> float:
        return round(100 * self.satisfied / self.responses, 1)


def satisfaction(round_: EvaluationRound, posts: tuple[Post, ...]) -> Satisfaction | None:
    """The results of ``posts`` in ``round_``; None when none of them took part."""
    scores = [s for p in posts if (s := round_.of(p.id)) is not None]
    if not scores:
        return None
    return Satisfaction(sum(s.responses for s in scores), sum(s.satisfied for s in scores))


def evaluations_chart(units: list[Unit], of: Level, where: str, rounds: tuple[EvaluationRound, ...]) -> Chart | None:
    """Each unit's satisfaction: the latest round drawn, every round in the table; the
    sentence sums ``where`` (全县 or a township) in the latest round it took part in."""
    everyone = tuple(p for u in units for p in u.posts)
    rounds = tuple(r for r in rounds if satisfaction(r, everyone) is not None)
    if not rounds:
        return None
    latest = rounds[-1]
    total = satisfaction(latest, everyone)
    assert total is not None
    units = [u for u in units if any(satisfaction(r, u.posts) for r in rounds)]
    title = f"各{of}三访三评群众满意率"
    reading = f"最近一次三访三评（{latest.label}）{where} {total.responses:,} 人参评，满意率 {total.percent:g}%。"
    if len(units) > MAX_TOWNSHIP_BARS:
        return spread_chart(
            "chart-evaluations", f"{title}的分布（{latest.short}）", reading + f"每个{of}的数字在它的数据页上。", of,
            "满意率", [(u.name, s.percent) for u in units if (s := satisfaction(latest, u.posts)) is not None],
            PERCENT_BAND, _percent_band,
        )
    # The latest round only: two bars for each of 42 posts would be four phone screens (the table has all).
    latest_of = [satisfaction(latest, u.posts) for u in units]
    series = [(f"满意率（{latest.short}）", [s.percent if s else None for s in latest_of])]
    head = (of, *[f"{r.short} 参评 / 满意率" for r in rounds])
    rows = tuple(
        (u.name, *[f"{s.responses} 人 / {s.percent:g}%" if (s := satisfaction(r, u.posts)) else "—" for r in rounds])
        for u in units
    )
    svg = bar_chart("chart-evaluations", title, reading, [u.label for u in units], series, percent=True)
    return Chart("chart-evaluations", title, reading, svg, head, rows, tuple(u.link for u in units))


def post_evaluation_chart(rounds: tuple[EvaluationRound, ...], post: Post, prefix: str) -> Chart | None:
    """One post's satisfaction in every round it took part in, for its page."""
    rounds = tuple(r for r in rounds if r.of(post.id) is not None)
    if not rounds:
        return None
    latest = rounds[-1]
    title = "三访三评群众满意率"
    mine = [(r, r.of(post.id)) for r in rounds]
    last = mine[-1][1]
    assert last is not None
    reading = f"最近一次三访三评（{latest.label}）{last.responses:,} 人参评，满意率 {last.percent:g}%。"
    svg = bar_chart(f"{prefix}-evaluations", title, reading, [r.short for r, _ in mine],
                    [("满意率", [s.percent if s else None for _, s in mine])], percent=True)
    head = ("评议期", "参评人数", "满意人数", "满意率")
    rows = tuple((r.label, str(s.responses), str(s.satisfied), f"{s.percent:g}%") for r, s in mine if s)
    return Chart(f"{prefix}-evaluations", title, reading, svg, head, rows)


# -- pages ----------------------------------------------------------------------

def stats_pages(build: Build) -> SiteOutput:
    """/stats/ (the county's figures, posts summed by township) and one page per township
    with posts (its posts' rows), so that no page grows with the size of the grid."""
    site, today, renderer = build.site, build.site.today, build.renderer
    grid, visits, requests, rounds = site.grid, VISITS.of(site), REQUESTS.of(site), EVALUATIONS.of(site)
    townships = township_units(grid)
    by_township = (
        residents_chart(townships, "乡镇", "全县") if len(townships) <= MAX_TOWNSHIP_BARS
        else residents_spread_chart(townships)
    )
    coverage = [by_township, officers_chart(grid.posts, "全县")]
    if (chart := stations_chart(STATIONS.of(site))) is not None:
        coverage.append(chart)
    pages = [renderer.page(
        "stats/stats.html", src_of(urls.STATS), TITLE,
        coverage=coverage,
        visits=visit_charts(visits, today, "county", "", "chart-visits"),
        requests=request_chart(requests, today, "county", "", "chart"),
        evaluations=evaluations_chart(townships, "乡镇", "全县", rounds),
        townships=townships,
    )]
    for township in townships:
        posts = post_units(list(township.posts))
        pages.append(renderer.page(
            "stats/stats_township.html", src_of(township.link), f"{township.name}{TITLE}",
            township=township.name, posts=posts,
            coverage=[residents_chart(posts, "警务室", township.name), officers_chart(township.posts, township.name)],
            evaluations=evaluations_chart(posts, "警务室", township.name, rounds),
        ))
    return SiteOutput(pages=pages)


def post_stats(build: Build, place: Place) -> Markup:
    """The post's own (b)–(d), for its page."""
    site, today, post = build.site, build.site.today, place.post
    assert post is not None
    charts = visit_charts(VISITS.of(site), today, "post", post.id, "chart-visits")
    if (chart := request_chart(REQUESTS.of(site), today, "post", post.id, "chart")) is not None:
        charts.append(chart)
    if (chart := post_evaluation_chart(EVALUATIONS.of(site), post, "chart")) is not None:
        charts.append(chart)
    if not charts:
        return Markup("")
    return build.renderer.text(
        "stats/post_block.html", here=place.here, post=post, charts=charts,
        note=post_note(EVALUATIONS.of(site), post),
    )


def post_note(rounds: tuple[EvaluationRound, ...], post: Post) -> str:
    """The folded block's one figure: the post's latest 三访三评 satisfaction."""
    scores = [s for r in rounds if (s := r.of(post.id)) is not None]
    return f"三访三评群众满意率 {scores[-1].percent:g}%" if scores else ""


STATS_BLOCK = Block("stats", frozenset(("post",)), post_stats)
