"""The calendar on the core pages: upcoming events and lectures on post and
village pages (with the post's reception hours), county-wide ones on the home page."""

from __future__ import annotations

from markupsafe import Markup

from ..agenda import (
    Entry,
    Occurrence,
    county_wide,
    entries_of_post,
    entries_of_village,
    reception_of,
    upcoming,
)
from ..county import County
from ..schema import Post, Village
from .agenda_context import agenda_context
from .events import is_reception
from .render import Renderer

HOME_SHOWN = 5


def _panel(
    renderer: Renderer, county: County, here: str, entries: list[Entry], post: Post,
    ics: str, name: str,
) -> Markup:
    found = upcoming(entries, county.today)
    grouped: dict[str, list[Occurrence]] = {}
    for occurrence in found:
        if not is_reception(occurrence.entry):
            grouped.setdefault(occurrence.entry.key, []).append(occurrence)
    return renderer.text(
        "panel_agenda.html", here=here, name=name, ics=ics, **agenda_context(county),
        reception=reception_of(county, post),
        reception_dates=[o for o in found if is_reception(o.entry)],
        items=[(dates[0].entry, dates) for dates in grouped.values()],
    )


def post_agenda(renderer: Renderer, county: County, post: Post, here: str) -> Markup:
    return _panel(
        renderer, county, here, entries_of_post(county, post), post,
        f"calendar/posts/{post.id}.ics", post.name,
    )


def village_agenda(renderer: Renderer, county: County, village: Village, here: str) -> Markup:
    post = county.post_of_village[village.id]
    return _panel(
        renderer, county, here, entries_of_village(county, village), post,
        f"calendar/v/{village.id}.ics", village.name,
    )


def home_agenda(renderer: Renderer, county: County, _subject: object, here: str) -> Markup:
    found = upcoming(county_wide(county), county.today)[:HOME_SHOWN]
    return renderer.text("panel_home_agenda.html", here=here, found=found, **agenda_context(county))
