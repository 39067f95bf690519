"""活动日历: /events/ (this week's dates and the reception hours, once, a table
per township), /events/weeks/<monday>/ (the later weeks of the next 60 days)
and /events/<slug>/.

Reception hours repeat every week at every post: listed once, never on each date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..core import dates
from ..core.markup import render_markdown
from ..core.pages import SiteOutput, src_of
from ..core.pinyin import sort_key
from ..core.render import Renderer
from ..directory.grid import Grid
from ..directory.schema import Post, Village
from ..directory.towns import township_slugs
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


@dataclass(frozen=True)
class TownReception:
    township: str
    url: str  # its own page (used when the tables are not on /events/)
    rows: list[ReceptionRow]


@dataclass(frozen=True)
class WeekList:
    """One page of the dated list: a week, Monday to Sunday (the first from today)."""

    monday: date
    url: str
    days: list[Day]
    this_week: bool

    @property
    def title(self) -> str:
        return "本周" if self.this_week else dates.week(dates.week_of(self.monday))


def towns_reception(grid: Grid, rows: list[ReceptionRow]) -> list[TownReception]:
    slugs = township_slugs(grid)
    out: dict[str, list[ReceptionRow]] = {}
    for row in rows:  # already by township, then post
        out.setdefault(row.post.township, []).append(row)
    return [TownReception(t, urls.reception_of_township(slugs[t]), found) for t, found in out.items()]


def weeks(today: date, all_days: list[Day], last_day: date) -> list[WeekList]:
    """The dated list in pages of a week (about 3 screens each): this week on
    /events/, each later week on its own page."""
    out: list[WeekList] = []
    monday = today - timedelta(days=today.weekday())
    while monday <= last_day:
        end = monday + timedelta(days=7)
        url = urls.EVENTS if not out else urls.week(monday)
        out.append(WeekList(monday, url, [d for d in all_days if monday <= d.day < end], not out))
        monday = end
    return out


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
    dated = [o for o in upcoming(calendar.entries, today) if not is_reception(o.entry)]
    last_day = (finish - timedelta(days=1)).date()
    week_lists = weeks(today, days(grid, today, dated), last_day)
    towns = towns_reception(grid, reception_rows(grid, today, calendar.entries))
    for n, shown in enumerate(week_lists):
        common = dict(
            week=shown, weeks=week_lists, previous=week_lists[n - 1] if n else None,
            next=week_lists[n + 1] if n + 1 < len(week_lists) else None,
            window_days=WINDOW_DAYS, last_day=last_day,
        )
        if n == 0:
            out.pages.append(renderer.page(
                "events/events_index.html", src_of(urls.EVENTS), "活动日历",
                towns=towns, past=past[:PAST_SHOWN], **common,
            ))
        else:
            out.pages.append(renderer.page(
                "events/events_week.html", src_of(shown.url), f"活动日历：{shown.title}", **common,
            ))
    # Each township's reception table on a page of its own: all of them on
    # /events/ made it 16 screens tall at 360 px for 42 posts, and it would
    # grow with the grid.
    for town in towns:
        out.pages.append(renderer.page(
            "events/reception_township.html", src_of(town.url), f"{town.township}警务室接待时间", town=town,
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
