"""The calendar on other pages: upcoming events and lectures on post and
village pages (with the post's reception hours), county-wide ones on the home page."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from ..core.render import Renderer
from ..directory.grid import Grid
from ..directory.schema import Post, Village
from . import urls
from .model import (
    Entry,
    Occurrence,
    county_wide,
    entries_of_post,
    entries_of_village,
    is_reception,
    reception_of,
    upcoming,
)

HOME_SHOWN = 5


def _block(
    renderer: Renderer, today: date, here: str, all_entries: tuple[Entry, ...], entries: list[Entry],
    post: Post, ics: str, name: str,
) -> Markup:
    found = upcoming(entries, today)
    grouped: dict[str, list[Occurrence]] = {}
    for occurrence in found:
        if not is_reception(occurrence.entry):
            grouped.setdefault(occurrence.entry.key, []).append(occurrence)
    return renderer.text(
        "events/block_post_village.html", here=here, name=name, ics=ics,
        reception=reception_of(all_entries, post),
        reception_dates=[o for o in found if is_reception(o.entry)],
        items=[(found[0].entry, found) for found in grouped.values()],
    )


def post_events(renderer: Renderer, today: date, entries: tuple[Entry, ...], post: Post, here: str) -> Markup:
    return _block(
        renderer, today, here, entries, entries_of_post(entries, post), post,
        urls.post_calendar(post.id), post.name,
    )


def village_events(
    renderer: Renderer, grid: Grid, today: date, entries: tuple[Entry, ...], village: Village, here: str
) -> Markup:
    post = grid.post_of_village[village.id]
    return _block(
        renderer, today, here, entries, entries_of_village(entries, grid, village), post,
        urls.village_calendar(village.id), village.name,
    )


def home_events(renderer: Renderer, today: date, entries: tuple[Entry, ...], here: str) -> Markup:
    found = upcoming(county_wide(entries), today)[:HOME_SHOWN]
    return renderer.text("events/block_home.html", here=here, found=found)
