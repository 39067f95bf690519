"""Visit-log figures on post and village pages: weekly and monthly totals.

Only aggregates from county.visit_stats reach this module; no row of the
log, no note and no single visit (officer, village and date) is ever shown.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..county import County
from ..schema import Post, Village
from .bulletin_fmt import context
from .render import Renderer

POST_MONTHS = 6
POST_WEEKS = 8
BREAKDOWN_MONTHS = 3
VILLAGE_MONTHS = 4
VILLAGE_WEEKS = 4


def visits_panel(renderer: Renderer, county: County, subject: Any, here: str) -> Markup:
    stats = county.visit_stats
    if isinstance(subject, Post) and stats.has("post", subject.id):
        return renderer.text(
            "panel_visits_post.html",
            **context(
                county, here=here, post=subject, stats=stats,
                months=stats.months(county.today, POST_MONTHS),
                weeks=stats.weeks(county.today, POST_WEEKS),
                recent=stats.months(county.today, BREAKDOWN_MONTHS),
            ),
        )
    if isinstance(subject, Village) and stats.has("village", subject.id):
        return renderer.text(
            "panel_visits_village.html",
            **context(
                county, here=here, village=subject, stats=stats,
                months=stats.months(county.today, VILLAGE_MONTHS),
                weeks=stats.weeks(county.today, VILLAGE_WEEKS),
            ),
        )
    return Markup("")
