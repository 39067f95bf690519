"""活动日历: /events/ (today and the next six days, and links to each
township's reception hours), /events/weeks/<first day>/ (each later seven
days of the next 60), /events/reception/<township>/ and /events/<slug>/.

Reception hours repeat every week at every post: listed once on the
township's page, never on each date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..core import dates
from ..core.markup import render_markdown
from ..core.pages import SiteOutput, src_of
from ..core.pinyin import sort_key
from ..directory.grid import Grid
from ..directory.schema import Post, Village
from ..kind import Build
from . import urls
from .calendar import calendar_assets
from .model import (
    CALENDAR,
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
    rows: list[Occurrence | PatrolSlot]  # in order of time


@dataclass(frozen=True)
class ReceptionRow:
    post: Post
    rule: str
    next: datetime | None


def days(grid: Grid, today: date, occurrences: list[Occurrence]) -> list[Day]:
    """Occurrences (reception hours left out) by date; patrols folded into one line per time slot."""
    out = []
    for day, found in by_day(occurrences, today):
        patrols: dict[tuple[datetime, datetime], list[Village]] = {}
        rows: list[Occurrence | PatrolSlot] = []
        for occurrence in found:
            if is_patrol(occurrence.entry):
                villages = patrols.setdefault((occurrence.start, occurrence.end), [])
                villages.extend(grid.village_by_id[v] for v in occurrence.entry.villages)
            else:
                rows.append(occurrence)
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
    url: str  # its own page
    rows: list[ReceptionRow]


@dataclass(frozen=True)
class WeekList:
    """One page of the dated list: seven days. The first, on /events/, starts
    today whatever the weekday (so tomorrow's events are there on a Sunday);
    each later page holds the seven days after the one before it."""

    start: date
    url: str
    days: list[Day]
    first: bool

    @property
    def title(self) -> str:
        return "今后 7 天" if self.first else span(self.start, self.start + timedelta(days=6))


def span(start: date, end: date) -> str:
    """12月5日—11日, or 12月28日—1月3日 across months."""
    if start.month == end.month:
        return f"{start.month}月{start.day}日—{end.day}日"
    return f"{start.month}月{start.day}日—{end.month}月{end.day}日"


def towns_reception(grid: Grid, rows: list[ReceptionRow]) -> list[TownReception]:
    slugs = grid.township_slugs
    out: dict[str, list[ReceptionRow]] = {}
    for row in rows:  # already by township, then post
        out.setdefault(row.post.township, []).append(row)
    return [TownReception(t, urls.reception_of_township(slugs[t]), found) for t, found in out.items()]


def weeks(today: date, all_days: list[Day], last_day: date) -> list[WeekList]:
    """The dated list in pages of seven days (about 3 screens each): today and
    the six days after it on /events/, each later seven days on its own page."""
    out: list[WeekList] = []
    start = today
    while start <= last_day:
        end = start + timedelta(days=7)
        url = urls.EVENTS if not out else urls.week(start)
        out.append(WeekList(start, url, [d for d in all_days if start <= d.day < end], not out))
        start = end
    return out


def places(grid: Grid, entry: Entry) -> tuple[list[Post], list[Village]]:
    posts = [grid.post_by_id[p] for p in entry.posts]
    villages = [grid.village_by_id[v] for v in entry.villages]
    return posts, villages


def events_pages(build: Build) -> SiteOutput:
    grid, today, renderer = build.site.grid, build.site.today, build.renderer
    calendar = CALENDAR.of(build.site)
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
    # Each township's reception table on a page of its own, so /events/ does not grow with the grid.
    for town in towns:
        out.pages.append(renderer.page(
            "events/reception_township.html", src_of(town.url), f"{town.township}警务室接待时间", town=town,
        ))
    for event in calendar.events:
        entry = calendar.by_key[f"event-{event.slug}"]
        posts, villages = places(grid, entry)
        out.pages.append(renderer.page(
            "events/event.html", src_of(urls.event(event.slug)), event.title,
            event=event, entry=entry, posts=posts, villages=villages,
            coming=entry.occurrences(begin, finish), next=next_start(entry, today),
            over=entry.is_over(today), window_days=WINDOW_DAYS,
            description=render_markdown(event.description) if event.description else None,
        ))
    out.assets.extend(calendar_assets(grid, build.site.settings, calendar))
    return out
