"""活动日历: events, timed lectures, reception hours and patrols, with calendar feeds."""

from __future__ import annotations

from typing import Any

from ..core.pages import absolute_url
from ..core.settings import site_url
from ..directory.grid import post_scope
from ..kind import Kind, Load, Schema, Site
from ..law.load import LAW
from ..safety.model import SAFETY
from . import urls
from .blocks import EVENTS_BLOCK
from .load import load_calendar
from .model import CALENDAR, Calendar
from .pages import events_pages
from .schema import Event


def _changes(before: Site, now: Site) -> frozenset[str] | None:
    """The posts whose pages (or their villages') show calendar entries that changed."""
    old, new = CALENDAR.of(before), CALENDAR.of(now)
    return frozenset(
        post_scope(p.id) for p in now.grid.posts if new.shown_at(p) != old.shown_at(before.grid.post_by_id[p.id])
    )


def _load(ctx: Load) -> Calendar:
    return load_calendar(
        ctx.data_dir, ctx.grid, LAW.of(ctx).lectures, ctx.problems, SAFETY.of(ctx).records,
    )


def _globals(site: Site) -> dict[str, Any]:
    base = site_url(site.settings)

    def calendar_links(ics: str) -> tuple[str, str]:
        """(webcal:// subscribe link, https:// address) of a calendar feed."""
        url = absolute_url(base, ics)
        return "webcal://" + url.split("://", 1)[1], url

    return {"calendar_links": calendar_links}


KIND = Kind(
    name="events",
    title="活动日历",
    summary="/events/（今后 7 天和以后几周）、各乡镇的接待时间、每项活动的网页，全县、警务室、村和每项活动的日历文件",
    folder="events",
    folder_note="这里放活动日历（每个活动一个 .yml 文件）。\n",
    needs=("directory", "law", "safety"),
    load=_load,
    changes=_changes,
    schemas=(Schema("event.schema.json", Event, "data/events/*.yml：活动", ("slug",)),),
    count=lambda site: f"{len(CALENDAR.of(site).events)} 项活动",
    pages=events_pages,
    blocks=(EVENTS_BLOCK,),
    templates=True,
    stylesheet="events.css",
    nav=(6, "活动日历", urls.EVENTS),
    links={
        "events": urls.EVENTS,
        "calendar_all": urls.CALENDAR_ALL,
        "event": urls.event,
        "events_week": urls.week,
        "reception_of_township": urls.reception_of_township,
    },
    template_globals=_globals,
    terms={"警民相约警务室": "每周固定的时间，社区民警在警务室等您，有事可以直接去，不用预约。"},
)
