"""Visit-log figures on post and village pages: weekly and monthly totals.

Only aggregates (VisitStats) reach this module; no row of the log, no note
and no single visit (officer, village and date) is ever shown.
"""

from __future__ import annotations

from markupsafe import Markup

from ..kind import Block, Build, Place
from .records import VISITS

POST_MONTHS = 6
POST_WEEKS = 8
BREAKDOWN_MONTHS = 3
VILLAGE_MONTHS = 4
VILLAGE_WEEKS = 4


def visits_block(build: Build, place: Place) -> Markup:
    stats, today, renderer = VISITS.of(build.site), build.site.today, build.renderer
    if place.village is not None:
        village = place.village
        if not stats.has("village", village.id):
            return Markup("")
        return renderer.text(
            "visits/village.html", here=place.here, village=village, stats=stats,
            months=stats.months(today, VILLAGE_MONTHS),
            weeks=stats.weeks(today, VILLAGE_WEEKS),
        )
    post = place.post
    assert post is not None
    if not stats.has("post", post.id):
        return Markup("")
    return renderer.text(
        "visits/post.html", here=place.here, post=post, stats=stats,
        months=stats.months(today, POST_MONTHS),
        weeks=stats.weeks(today, POST_WEEKS),
        recent=stats.months(today, BREAKDOWN_MONTHS),
    )


VISITS_BLOCK = Block("visits", frozenset(("post", "village")), visits_block)
