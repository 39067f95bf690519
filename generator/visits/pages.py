"""Visit-log figures on post and village pages: weekly and monthly totals, folded.

Only aggregates (VisitStats) reach this module; no row of the log, no note
and no single visit (officer, village and date) is ever shown. Complete weeks
and months only, except a post's own totals, which also show the running
week and month labelled 本周至今/本月至今: a village's or an officer's few
days would come close to showing one visit's date.
"""

from __future__ import annotations

from markupsafe import Markup

from ..kind import Block, Build, Place
from . import periods
from .readings import last_month, month_reading, week_reading
from .records import VISITS

POST_MONTHS = 6
POST_WEEKS = 8
BREAKDOWN_MONTHS = 3
VILLAGE_MONTHS = 4
VILLAGE_WEEKS = 4


def note(latest: tuple[str, int] | None, running: int, what: str) -> str:
    """The folded block's one figure: 上月走访 104 户 (本月至今… while no month is entered)."""
    if latest is not None:
        name, households = latest
        return f"{name}{what} {households:,} 户"
    return f"本月至今{what} {running:,} 户"


def visits_block(build: Build, place: Place) -> Markup:
    stats, today, renderer = VISITS.of(build.site), build.site.today, build.renderer
    if place.village is not None:
        village = place.village
        if not stats.has("village", village.id):
            return Markup("")
        months = periods.done_months(today, VILLAGE_MONTHS, stats.first)
        weeks = periods.done_weeks(today, VILLAGE_WEEKS, stats.first)
        if not months and not weeks:  # the log began this week: nothing complete to show yet
            return Markup("")
        latest = last_month(stats, today, "village", village.id)
        return renderer.text(
            "visits/village.html", here=place.here, village=village, stats=stats, months=months, weeks=weeks,
            reading=month_reading(stats, today, "village", village.id, "民警走访本村", running=False)
            or week_reading(stats, today, "village", village.id, "民警走访本村", running=False),
            note=note(latest, 0, "走访本村") if latest else "",
        )
    post = place.post
    assert post is not None
    if not stats.has("post", post.id):
        return Markup("")
    months = periods.done_months(today, POST_MONTHS, stats.first)
    this_month = periods.running_month(today, stats.first)
    latest = last_month(stats, today, "post", post.id)
    running = stats.month("post", post.id, this_month).households if this_month else 0
    return renderer.text(
        "visits/post.html", here=place.here, post=post, stats=stats,
        months=months, this_month=this_month, month_so_far=periods.month_so_far(today),
        weeks=periods.done_weeks(today, POST_WEEKS, stats.first),
        this_week=periods.running_week(today, stats.first), week_so_far=periods.week_so_far(today),
        recent=periods.done_months(today, BREAKDOWN_MONTHS, stats.first),
        reading=month_reading(stats, today, "post", post.id),
        note=note(latest, running, "走访"),
    )


VISITS_BLOCK = Block("visits", frozenset(("post", "village")), visits_block)
