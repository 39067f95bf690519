"""活动日历: /events/ (the next 60 days, grouped by date) and /events/<slug>/."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..core import dates
from ..core.markup import render_markdown
from ..core.pages import SiteOutput, src_of
from ..core.pinyin import sort_key
from ..core.render import Renderer
from ..directory.grid import Grid
from ..directory.schema import Post, Village
from . import urls
from .load import Calendar
from .model import (
    WINDOW_DAYS,
    Entry,
    Occurrence,
    by_day,
    is_patrol,
    is_reception,
    next_start,
    upcoming,
    window,
)

PAST_SHOWN = 20


@dataclass(frozen=True)
class ReceptionSlot:
    """Posts receiving residents on one day at the same hours (one line, not one per post)."""

    start: datetime
    end: datetime
    posts: list[Post]

    def sort_key(self) -> tuple[datetime, datetime, str]:
        return (self.start, self.end, "reception")


@dataclass(frozen=True)
class PatrolSlot:
    """Villages whose volunteer patrols (治安巡逻) go out at the same hours: one line."""

    start: datetime
    end: datetime
    villages: list[Village]

    def sort_key(self) -> tuple[datetime, datetime, str]:
        return (self.start, self.end, "patrol")


@dataclass(frozen=True)
class Day:
    day: date
    rows: list[Occurrence | ReceptionSlot | PatrolSlot]  # in order of time


@dataclass(frozen=True)
class ReceptionRow:
    post: Post
    rule: str
    next: datetime | None


def days(grid: Grid, today: date, occurrences: list[Occurrence]) -> list[Day]:
    """Occurrences by date; reception hours and patrols folded into one line per time slot."""
    out = []
    for day, found in by_day(occurrences, today):
        slots: dict[tuple[datetime, datetime], list[Post]] = {}
        patrols: dict[tuple[datetime, datetime], list[Village]] = {}
        rows: list[Occurrence | ReceptionSlot | PatrolSlot] = []
        for occurrence in found:
            if is_reception(occurrence.entry):
                posts = slots.setdefault((occurrence.start, occurrence.end), [])
                posts.extend(grid.post_by_id[p] for p in occurrence.entry.posts)
            elif is_patrol(occurrence.entry):
                villages = patrols.setdefault((occurrence.start, occurrence.end), [])
                villages.extend(grid.village_by_id[v] for v in occurrence.entry.villages)
            else:
                rows.append(occurrence)
        rows += [ReceptionSlot(start, end, posts) for (start, end), posts in slots.items()]
        rows += [PatrolSlot(start, end, villages) for (start, end), villages in patrols.items()]
        out.append(Day(day, sorted(rows, key=lambda row: row.sort_key())))
    return out


def reception_rows(grid: Grid, today: date, entries: tuple[Entry, ...]) -> list[ReceptionRow]:
    rows = []
    for entry in entries:
        if is_reception(entry):
            post = grid.post_by_id[entry.posts[0]]
            rows.append(ReceptionRow(post, dates.rule_text(entry.rule, entry.start, entry.end), next_start(entry, today)))
    return sorted(rows, key=lambda r: [sort_key(r.post.township), sort_key(r.post.name)])


def places(grid: Grid, entry: Entry) -> tuple[list[Post], list[Village]]:
    posts = [grid.post_by_id[p] for p in entry.posts]
    villages = [grid.village_by_id[v] for v in entry.villages]
    return posts, villages


def events_pages(grid: Grid, today: date, renderer: Renderer, calendar: Calendar) -> SiteOutput:
    out = SiteOutput()
    begin, finish = window(today)
    past = sorted(
        (e for e in calendar.entries if e.key.startswith("event-") and e.is_over(today)),
        key=lambda e: (e.last_end() or e.end, e.key), reverse=True,
    )
    out.pages.append(renderer.page(
        "events/events_index.html", src_of(urls.EVENTS), "活动日历",
        days=days(grid, today, upcoming(calendar.entries, today)),
        receptions=reception_rows(grid, today, calendar.entries),
        past=past[:PAST_SHOWN], window_days=WINDOW_DAYS, last_day=finish.date(),
    ))
    by_key = {e.key: e for e in calendar.entries}
    for event in calendar.events:
        entry = by_key[f"event-{event.slug}"]
        posts, villages = places(grid, entry)
        out.pages.append(renderer.page(
            "events/event.html", src_of(urls.event(event.slug)), event.title,
            event=event, entry=entry, posts=posts, villages=villages,
            coming=entry.occurrences(begin, finish), next=next_start(entry, today),
            over=entry.is_over(today), window_days=WINDOW_DAYS,
            description=render_markdown(event.description) if event.description else None,
        ))
    return out
