"""Law education and the calendar (issue 5): one section adding /law/, /events/
and the calendar feeds."""

from __future__ import annotations

from ..county import County
from .base import SiteOutput
from .events import events_pages
from .ics import calendar_assets
from .law import law_pages
from .render import Renderer


def law_and_calendar(county: County, renderer: Renderer) -> SiteOutput:
    out = SiteOutput()
    for part in (law_pages(county, renderer), events_pages(county, renderer)):
        out.pages.extend(part.pages)
        out.assets.extend(part.assets)
    out.assets.extend(calendar_assets(county))
    return out
