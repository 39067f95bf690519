"""The calendar: every dated entry (events, timed lectures, reception hours)
in one shape, and the occurrences residents see.

Times are local to Asia/Shanghai (北京时间, no daylight saving) and kept naive
here; the calendar feeds attach the time zone. Recurrences are expanded with
dateutil, the same rules the feeds publish as RRULE.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule

from ..core.timing import parse_rule
from ..directory.schema import Post, Village
from ..kind import Records
from .schema import Event

LOCAL_TZ = ZoneInfo("Asia/Shanghai")
WINDOW_DAYS = 60
# Reception hours without ``since`` count their repetitions from this day.
RECEPTION_EPOCH = date(2026, 1, 1)


@dataclass(frozen=True)
class Entry:
    """One calendar entry: an event, a timed lecture, or a post's reception hours."""

    key: str  # event-<slug> | law-<slug> | reception-<post-id> | patrol-<village-id>: the UID's local part
    kind: str
    title: str
    start: datetime  # first occurrence, naive local time
    end: datetime
    rule: str | None  # RRULE without UNTIL
    until: date | None  # inclusive last day of the repetition
    venue: str | None
    posts: tuple[str, ...]
    villages: tuple[str, ...]
    description: str | None
    page: str  # site-relative URL of the page describing it
    ics: str  # site-relative URL of its own .ics file

    @property
    def county_wide(self) -> bool:
        return not self.posts and not self.villages

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def recurrence(self) -> rrule | None:
        if self.rule is None:
            return None
        rule = parse_rule(self.rule, self.start)
        if self.until is not None:
            rule = rule.replace(until=datetime.combine(self.until, time(23, 59, 59)))
        return rule

    def occurrences(self, begin: datetime, finish: datetime) -> list[Occurrence]:
        """Occurrences overlapping [begin, finish) (naive local times)."""
        rule = self.recurrence()
        starts: Iterable[datetime]
        if rule is None:
            starts = [self.start]
        else:
            starts = rule.between(begin - self.duration, finish, inc=True)
        return [
            Occurrence(self, s, s + self.duration)
            for s in starts
            if s < finish and s + self.duration > begin
        ]

    def last_end(self) -> datetime | None:
        """When the last occurrence ends; None for a repetition without end."""
        rule = self.recurrence()
        if rule is None:
            return self.end
        if self.until is None and "COUNT=" not in (self.rule or ""):
            return None
        last = None
        for last in rule:  # noqa: B007 - bounded by UNTIL or COUNT
            pass
        return (last or self.start) + self.duration

    def is_over(self, today: date) -> bool:
        last = self.last_end()
        return last is not None and last <= day_start(today)


@dataclass(frozen=True)
class Occurrence:
    entry: Entry
    start: datetime
    end: datetime

    def sort_key(self) -> tuple[datetime, datetime, str]:
        return (self.start, self.end, self.entry.key)


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(0, 0))


def window(today: date, days: int = WINDOW_DAYS) -> tuple[datetime, datetime]:
    """The "next 60 days": from the start of today to the start of today + 60."""
    return day_start(today), day_start(today + timedelta(days=days))


def upcoming(entries: Iterable[Entry], today: date, days: int = WINDOW_DAYS) -> list[Occurrence]:
    begin, finish = window(today, days)
    found = [o for e in entries for o in e.occurrences(begin, finish)]
    return sorted(found, key=Occurrence.sort_key)


def by_day(occurrences: Iterable[Occurrence], today: date) -> list[tuple[date, list[Occurrence]]]:
    """Group occurrences by the day they start (one still going on counts for today)."""
    days: dict[date, list[Occurrence]] = {}
    for occurrence in occurrences:
        day = max(occurrence.start.date(), today)
        days.setdefault(day, []).append(occurrence)
    return sorted(days.items())


@dataclass(frozen=True)
class Calendar:
    """Every event and calendar entry, with the entries by post, village and
    key indexed once (a province has one reception entry per post and one
    patrol per village)."""

    events: tuple[Event, ...]  # by slug
    entries: tuple[Entry, ...]  # events, timed lectures, reception hours and patrols, by key
    by_post: dict[str, list[int]] = field(init=False, repr=False, compare=False)
    by_village: dict[str, list[int]] = field(init=False, repr=False, compare=False)
    by_key: dict[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_post: dict[str, list[int]] = {}
        by_village: dict[str, list[int]] = {}
        by_key: dict[str, Entry] = {}
        for i, e in enumerate(self.entries):
            for post_id in dict.fromkeys(e.posts):
                by_post.setdefault(post_id, []).append(i)
            for village_id in dict.fromkeys(e.villages):
                by_village.setdefault(village_id, []).append(i)
            by_key.setdefault(e.key, e)
        object.__setattr__(self, "by_post", by_post)
        object.__setattr__(self, "by_village", by_village)
        object.__setattr__(self, "by_key", by_key)

    def _pick(self, *lists: list[int] | None) -> list[Entry]:
        """The entries in any of ``lists``, once each, in their original order."""
        found = sorted({i for found in lists if found for i in found})
        return [self.entries[i] for i in found]

    def of_post(self, post: Post) -> list[Entry]:
        """A post's own entries: naming the post or one of its villages, and its reception hours."""
        return self._pick(self.by_post.get(post.id), *(self.by_village.get(v.id) for v in post.villages))

    def of_village(self, village: Village, post: Post) -> list[Entry]:
        """A village's entries: its post's (``post``, including reception hours) and its own."""
        return self._pick(self.by_post.get(post.id), self.by_village.get(village.id))

    def shown_at(self, post: Post) -> object:
        """The entries the post's and its villages' pages show (see changes)."""
        return (self.of_post(post), [self.of_village(v, post) for v in post.villages])

    def entry(self, key: str) -> Entry | None:
        """The first entry with ``key``."""
        return self.by_key.get(key)

    def reception_of(self, post: Post) -> Entry | None:
        return self.entry(f"reception-{post.id}")


CALENDAR: Records[Calendar] = Records("events")


def county_wide(entries: tuple[Entry, ...]) -> list[Entry]:
    return [e for e in entries if e.county_wide]


def is_patrol(entry: Entry) -> bool:
    return entry.key.startswith("patrol-")


def is_reception(entry: Entry) -> bool:
    return entry.key.startswith("reception-")


def next_start(entry: Entry, today: date) -> datetime | None:
    """The next occurrence starting today or later (for recurring entries)."""
    rule = entry.recurrence()
    begin = day_start(today)
    if rule is None:
        return entry.start if entry.start >= begin else None
    found: datetime | None = rule.after(begin, inc=True)
    return found
