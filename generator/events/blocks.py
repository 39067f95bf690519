"""The calendar on the place pages: upcoming events and lectures on post and
village pages (with the post's reception hours), county-wide ones on the home page."""

from __future__ import annotations

from markupsafe import Markup

from ..kind import Block, Build, Place
from . import urls
from .model import CALENDAR, Occurrence, county_wide, is_reception, upcoming

HOME_SHOWN = 5


def events_block(build: Build, place: Place) -> Markup:
    calendar, today, renderer = CALENDAR.of(build.site), build.site.today, build.renderer
    if place.page == "home":
        found = upcoming(county_wide(calendar.entries), today)[:HOME_SHOWN]
        return renderer.text("events/block_home.html", here=place.here, found=found)
    post = place.post
    assert post is not None
    if place.village is not None:
        entries = calendar.of_village(place.village, post)
        ics, name = urls.village_calendar(place.village.id), place.village.name
    else:
        entries = calendar.of_post(post)
        ics, name = urls.post_calendar(post.id), post.name
    occurrences = upcoming(entries, today)
    grouped: dict[str, list[Occurrence]] = {}
    for occurrence in occurrences:
        if not is_reception(occurrence.entry):
            grouped.setdefault(occurrence.entry.key, []).append(occurrence)
    return renderer.text(
        "events/block_post_village.html", here=place.here, name=name, ics=ics,
        reception=calendar.reception_of(post),
        reception_dates=[o for o in occurrences if is_reception(o.entry)],
        items=[(found[0].entry, found) for found in grouped.values()],
    )


EVENTS_BLOCK = Block("events", frozenset(("home", "post", "village")), events_block)
