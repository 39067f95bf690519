"""Calendar feeds (RFC 5545) made with the icalendar library.

* county: calendar/all.ics; per post: calendar/posts/<post-id>.ics; per village:
  calendar/v/<village-id>.ics (its post's entries and its own);
* one file per event, lecture and reception: calendar/events/<slug>.ics,
  calendar/law/<slug>.ics, calendar/reception/<post-id>.ics.

Times carry TZID=Asia/Shanghai with a VTIMEZONE; recurrences are RRULEs whose
UNTIL is the last day 23:59:59 local time, converted to UTC as RFC 5545
requires. UIDs are stable (<key>@<site host and path>) and DTSTAMP comes from
the data (the first start), never from the clock, so builds are reproducible.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone, vRecur, vText

from ..core.pages import Asset, absolute_url
from ..core.settings import SiteConfig, site_url
from ..directory.grid import Grid
from . import urls
from .model import LOCAL_TZ, Entry
from .model import Calendar as Book

PRODID = "-//cunjing//村警 一村一警//ZH"
TZ_FROM = date(2000, 1, 1)  # VTIMEZONE history worth sending (no DST since 1991)


def uid_domain(settings: SiteConfig) -> str:
    """The right-hand side of every UID: the site's host and path."""
    parts = urlsplit(site_url(settings))
    return (parts.hostname or "cunjing.invalid") + parts.path.rstrip("/")


def local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=LOCAL_TZ)


def _places(grid: Grid, settings: SiteConfig, entry: Entry) -> str:
    names = [grid.post_by_id[p].name for p in entry.posts]
    names += [grid.village_by_id[v].name for v in entry.villages]
    return "、".join(names) if names else f"{settings.county}全县"


def vevent(grid: Grid, settings: SiteConfig, entry: Entry) -> Event:
    event = Event()
    event.add("uid", f"{entry.key}@{uid_domain(settings)}")
    event.add("dtstamp", local(entry.start).astimezone(UTC))
    event.add("dtstart", local(entry.start))
    event.add("dtend", local(entry.end))
    event.add("summary", entry.title)
    event.add("categories", [entry.kind])
    if entry.venue:
        event.add("location", entry.venue)
    lines = [f"{entry.kind} · 面向：{_places(grid, settings, entry)}"]
    if entry.description:
        lines.append(entry.description)
    url = absolute_url(site_url(settings), entry.page)
    lines.append(f"详情：{url}")
    event.add("url", url)
    lines.append(settings.authority)
    event.add("description", "\n".join(lines))
    if entry.rule:
        rule = vRecur.from_ical(entry.rule)
        if entry.until is not None:
            last = local(datetime.combine(entry.until, time(23, 59, 59)))
            rule["UNTIL"] = [last.astimezone(UTC)]
        event.add("rrule", rule)
    return event


def _name(cal: Calendar, name: str) -> None:
    # An X- property is not escaped unless typed as TEXT; a calendar's name is one line.
    cal.add("x-wr-calname", vText(" ".join(name.split())))


def calendar(grid: Grid, settings: SiteConfig, name: str, entries: Iterable[Entry]) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    _name(cal, name)
    cal.add("x-wr-timezone", "Asia/Shanghai")
    cal.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")
    for entry in sorted(entries, key=lambda e: e.key):
        cal.add_component(vevent(grid, settings, entry))
    # What cal.add_missing_timezones(first_date=TZ_FROM) does, with each zone
    # made once: icalendar computes a VTIMEZONE by probing every hour of the
    # zone's history (~0.1 s), and every post's and village's feed needs one.
    existing = len(cal.timezones)
    for tzid in cal.get_missing_tzids():
        zone = _timezone(tzid)
        if zone is not None:
            cal.subcomponents.insert(existing, zone)
            existing += 1
    data: bytes = cal.to_ical()
    return data


@cache
def _timezone(tzid: str) -> Timezone | None:
    try:
        zone = Timezone.from_tzid(tzid, first_date=TZ_FROM)
    except ValueError:
        return None
    zone.pop("COMMENT", None)  # "only works until 2038": not true for a zone without DST
    return zone


class Calendars:
    """The calendar files of one build, written as ``calendar`` writes them but
    with each entry's VEVENT and each VTIMEZONE serialised once: an entry is in
    the county's file, its posts', its villages' and its own, and icalendar's
    serialisation was most of the events' share of a build. A calendar is
    its header, its time zones and its events, in that order, and the header
    differs between files only in the name's line (each line is folded on its
    own), so the bytes are the same (tests/events/test_calendar_feeds.py
    compares every file)."""

    BEGIN = b"BEGIN:VCALENDAR\r\n"
    END = b"END:VCALENDAR\r\n"
    MARK = "cunjing-calendar-name"

    def __init__(self, grid: Grid, settings: SiteConfig) -> None:
        self.grid, self.settings = grid, settings
        self._events: dict[str, tuple[bytes, tuple[str, ...]]] = {}
        self._zones: dict[str, bytes] = {}
        head = calendar(grid, settings, self.MARK, [])
        mark = self._name_line(self.MARK)
        assert head.count(mark) == 1 and head.endswith(self.END)
        self._before, self._after = head[: -len(self.END)].split(mark)

    def _name_line(self, name: str) -> bytes:
        alone = Calendar()
        _name(alone, name)
        data: bytes = alone.to_ical()
        return data[len(self.BEGIN): -len(self.END)]

    def _event(self, entry: Entry) -> tuple[bytes, tuple[str, ...]]:
        """The entry's VEVENT and the time zones it names."""
        found = self._events.get(entry.key)
        if found is None:
            alone = Calendar()
            alone.add_component(vevent(self.grid, self.settings, entry))
            data: bytes = alone.subcomponents[0].to_ical()
            found = self._events[entry.key] = (data, tuple(sorted(alone.get_missing_tzids())))
        return found

    def _zone(self, tzid: str) -> bytes:
        if tzid not in self._zones:
            zone = _timezone(tzid)
            self._zones[tzid] = b"" if zone is None else zone.to_ical()
        return self._zones[tzid]

    def calendar(self, name: str, entries: Iterable[Entry]) -> bytes:
        events = [self._event(entry) for entry in sorted(entries, key=lambda e: e.key)]
        tzids = sorted({tzid for _, names in events for tzid in names})
        head = self._before + self._name_line(name) + self._after
        zones = b"".join(self._zone(tzid) for tzid in tzids)
        return head + zones + b"".join(data for data, _ in events) + self.END


def calendar_assets(grid: Grid, settings: SiteConfig, book: Book) -> list[Asset]:
    entries = book.entries
    site = settings.title
    files = Calendars(grid, settings)
    out = [Asset(urls.CALENDAR_ALL, files.calendar(f"{site}：全县活动", entries))]
    for post in grid.posts:
        out.append(Asset(urls.post_calendar(post.id), files.calendar(f"{post.name}活动", book.of_post(post))))
    for post, village in grid.iter_villages():
        out.append(Asset(
            urls.village_calendar(village.id), files.calendar(f"{village.name}活动", book.of_village(village, post)),
        ))
    for entry in entries:
        out.append(Asset(entry.ics, files.calendar(entry.title, [entry])))
    return out
