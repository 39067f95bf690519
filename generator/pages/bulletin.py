"""Reporting to the people (issue 4): reports, notices, feeds and printables."""

from __future__ import annotations

from ..county import County
from .base import SiteOutput
from .feeds import feeds
from .notices import notice_pages, notices_panel
from .render import Renderer
from .reports import report_pages, reports_panel
from .visitstats import visits_panel


def bulletin_pages(county: County, renderer: Renderer) -> SiteOutput:
    out = SiteOutput()
    for part in (report_pages(county, renderer), notice_pages(county, renderer), feeds(county, renderer)):
        out.pages.extend(part.pages)
        out.assets.extend(part.assets)
    return out


__all__ = ["bulletin_pages", "notices_panel", "reports_panel", "visits_panel"]
