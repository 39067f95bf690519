"""活动日历: /events/ (the next 60 days, grouped by date) and /events/<slug>/."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..agenda import (
    WINDOW_DAYS,
    Entry,
    Occurrence,
    by_day,
    next_start,
    upcoming,
    window,
)
from ..county import County
from ..markup import render_markdown
from ..pinyin import sort_key
from ..schema import Post, Village
from . import when
from .agenda_context import agenda_context
from .base import SiteOutput
from .render import Renderer

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
class Day:
    day: date
    rows: list[Occurrence | ReceptionSlot]  # in order of time


@dataclass(frozen=True)
class ReceptionRow:
    post: Post
    rule: str
    next: datetime | None


def is_reception(entry: Entry) -> bool:
    return entry.key.startswith("reception-")


def days(county: County, occurrences: list[Occurrence]) -> list[Day]:
    """Occurrences by date; reception hours folded into one line per time slot."""
    out = []
    for day, found in by_day(occurrences, county.today):
        slots: dict[tuple[datetime, datetime], list[Post]] = {}
        rows: list[Occurrence | ReceptionSlot] = []
        for occurrence in found:
            if is_reception(occurrence.entry):
                posts = slots.setdefault((occurrence.start, occurrence.end), [])
                posts.extend(county.post_by_id[p] for p in occurrence.entry.posts)
            else:
                rows.append(occurrence)
        rows += [ReceptionSlot(start, end, posts) for (start, end), posts in slots.items()]
        out.append(Day(day, sorted(rows, key=lambda row: row.sort_key())))
    return out


def reception_rows(county: County) -> list[ReceptionRow]:
    rows = []
    for entry in county.agenda:
        if is_reception(entry):
            post = county.post_by_id[entry.posts[0]]
            rows.append(ReceptionRow(post, when.rule_text(entry), next_start(entry, county.today)))
    return sorted(rows, key=lambda r: [sort_key(r.post.township), sort_key(r.post.name)])


def places(county: County, entry: Entry) -> tuple[list[Post], list[Village]]:
    posts = [county.post_by_id[p] for p in entry.posts]
    villages = [county.village_by_id[v] for v in entry.villages]
    return posts, villages


def events_pages(county: County, renderer: Renderer) -> SiteOutput:
    ctx = agenda_context(county)
    out = SiteOutput()
    today = county.today
    begin, finish = window(today)
    past = sorted(
        (e for e in county.agenda if e.key.startswith("event-") and e.is_over(today)),
        key=lambda e: (e.last_end() or e.end, e.key), reverse=True,
    )
    out.pages.append(renderer.page(
        "events_index.html", "events/index.md", "活动日历",
        days=days(county, upcoming(county.agenda, today)), receptions=reception_rows(county),
        past=past[:PAST_SHOWN], window_days=WINDOW_DAYS, last_day=finish.date(), **ctx,
    ))
    by_key = {e.key: e for e in county.agenda}
    for event in county.events:
        entry = by_key[f"event-{event.slug}"]
        posts, villages = places(county, entry)
        out.pages.append(renderer.page(
            "event.html", f"events/{event.slug}.md", event.title,
            event=event, entry=entry, posts=posts, villages=villages, **ctx,
            coming=entry.occurrences(begin, finish), next=next_start(entry, today),
            over=entry.is_over(today), window_days=WINDOW_DAYS,
            description=render_markdown(event.description) if event.description else None,
        ))
    return out
