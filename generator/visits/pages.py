"""Visit-log figures on post and village pages: weekly and monthly totals.

Only aggregates (VisitStats) reach this module; no row of the log, no note
and no single visit (officer, village and date) is ever shown.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from ..core.render import Renderer
from ..directory.schema import Post, Village
from .log import VisitStats

POST_MONTHS = 6
POST_WEEKS = 8
BREAKDOWN_MONTHS = 3
VILLAGE_MONTHS = 4
VILLAGE_WEEKS = 4


def post_visits(renderer: Renderer, stats: VisitStats, today: date, post: Post, here: str) -> Markup:
    if not stats.has("post", post.id):
        return Markup("")
    return renderer.text(
        "visits/post.html", here=here, post=post, stats=stats,
        months=stats.months(today, POST_MONTHS),
        weeks=stats.weeks(today, POST_WEEKS),
        recent=stats.months(today, BREAKDOWN_MONTHS),
    )


def village_visits(renderer: Renderer, stats: VisitStats, today: date, village: Village, here: str) -> Markup:
    if not stats.has("village", village.id):
        return Markup("")
    return renderer.text(
        "visits/village.html", here=here, village=village, stats=stats,
        months=stats.months(today, VILLAGE_MONTHS),
        weeks=stats.weeks(today, VILLAGE_WEEKS),
    )
