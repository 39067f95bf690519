"""Pages: turn the County model into pages and assets. Knows nothing of MkDocs.

Two extension points, so each content section lives in its own module:

* SECTIONS: functions ``(county, renderer) -> SiteOutput`` adding pages/assets;
* PANELS: functions ``(renderer, county, subject, here) -> Markup`` adding a
  block to a slot of the core pages (e.g. notices on a village page). Slots:
  home.top, home.bottom, post.top, post.bottom, village.top, village.bottom,
  officer.bottom. ``subject`` is the County, Post, Village or Officer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .. import phones
from ..county import County
from .agenda_panels import home_agenda, post_agenda, village_agenda
from .agenda_site import law_and_calendar
from .aliases import alias_files
from .base import Asset, Page, SiteOutput
from .bulletin import bulletin_pages, notices_panel, reports_panel, visits_panel
from .contacts import contact_cards
from .core import core_pages
from .find import find_pages
from .media import STYLESHEET, photo_url
from .notfound import not_found_page
from .printables import printables
from .render import Renderer
from .share import officer_panel, post_panel, village_panel

Section = Callable[[County, Renderer], SiteOutput]
Panel = Callable[[Renderer, County, Any, str], Markup]

SECTIONS: list[Section] = [
    core_pages,
    # find, contacts and printables (issue 3)
    find_pages, contact_cards, printables,

    # reports, notices and feeds (issue 4)
    bulletin_pages,

    # law education and the calendar (issue 5)
    law_and_calendar,
]
PANELS: dict[str, list[Panel]] = {
    "home.top": [notices_panel],
    "home.bottom": [
        home_agenda,  # law education and the calendar (issue 5)
    ],
    "post.top": [post_panel, notices_panel],
    "post.bottom": [
        post_agenda,  # law education and the calendar (issue 5)
        reports_panel,
        visits_panel,
    ],
    "village.top": [village_panel, notices_panel],
    "village.bottom": [
        village_agenda,  # law education and the calendar (issue 5)
        reports_panel,
        visits_panel,
    ],
    "officer.bottom": [officer_panel],
}


def build_site(county: County) -> SiteOutput:
    renderer = Renderer(county=county, site=county.site, photo_url=photo_url, phones=phones)

    @pass_context
    def panels(ctx: Context, slot: str, subject: Any) -> Markup:
        here = ctx["here"]
        return Markup("\n").join(panel(renderer, county, subject, here) for panel in PANELS[slot])

    renderer.shared["panels"] = panels
    out = SiteOutput()
    for section in SECTIONS:
        part = section(county, renderer)
        out.pages.extend(part.pages)
        out.assets.extend(part.assets)
    out.assets.extend(alias_files(county, renderer, out))  # old village ids, every section's URLs
    out.assets.append(not_found_page(county, renderer, out))  # /404.html, any depth or sub-path
    return out


__all__ = ["STYLESHEET", "Asset", "Page", "SiteOutput", "build_site"]
