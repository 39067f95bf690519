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
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vRecur, vText

from ..agenda import LOCAL_TZ, Entry, entries_of_post, entries_of_village
from ..county import County
from .base import Asset, absolute_url

PRODID = "-//cunjing//村警 一村一警//ZH"
TZ_FROM = date(2000, 1, 1)  # VTIMEZONE history worth sending (no DST since 1991)


def uid_domain(county: County) -> str:
    """The right-hand side of every UID: the site's host and path."""
    if not county.site.site_url:
        return "cunjing.invalid"
    parts = urlsplit(county.site.site_url)
    return (parts.hostname or "cunjing.invalid") + parts.path.rstrip("/")


def local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=LOCAL_TZ)


def _places(county: County, entry: Entry) -> str:
    names = [county.post_by_id[p].name for p in entry.posts if p in county.post_by_id]
    names += [county.village_by_id[v].name for v in entry.villages if v in county.village_by_id]
    return "、".join(names) if names else f"{county.site.county}全县"


def vevent(county: County, entry: Entry) -> Event:
    event = Event()
    event.add("uid", f"{entry.key}@{uid_domain(county)}")
    event.add("dtstamp", local(entry.start).astimezone(UTC))
    event.add("dtstart", local(entry.start))
    event.add("dtend", local(entry.end))
    event.add("summary", entry.title)
    event.add("categories", [entry.kind])
    if entry.venue:
        event.add("location", entry.venue)
    lines = [f"{entry.kind} · 面向：{_places(county, entry)}"]
    if entry.description:
        lines.append(entry.description)
    if county.site.site_url:
        url = absolute_url(county.site.site_url, entry.page)
        lines.append(f"详情：{url}")
        event.add("url", url)
    lines.append(county.site.authority)
    event.add("description", "\n".join(lines))
    if entry.rule:
        rule = vRecur.from_ical(entry.rule)
        if entry.until is not None:
            last = local(datetime.combine(entry.until, time(23, 59, 59)))
            rule["UNTIL"] = [last.astimezone(UTC)]
        event.add("rrule", rule)
    return event


def calendar(county: County, name: str, entries: Iterable[Entry]) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # An X- property is not escaped unless typed as TEXT; a calendar's name is one line.
    cal.add("x-wr-calname", vText(" ".join(name.split())))
    cal.add("x-wr-timezone", "Asia/Shanghai")
    cal.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")
    for entry in sorted(entries, key=lambda e: e.key):
        cal.add_component(vevent(county, entry))
    cal.add_missing_timezones(first_date=TZ_FROM)
    for zone in cal.walk("VTIMEZONE"):
        zone.pop("COMMENT", None)  # "only works until 2038": not true for a zone without DST
    data: bytes = cal.to_ical()
    return data


def calendar_assets(county: County) -> list[Asset]:
    site = county.site.title
    out = [Asset("calendar/all.ics", calendar(county, f"{site}：全县活动", county.agenda))]
    for post in county.posts:
        out.append(Asset(
            f"calendar/posts/{post.id}.ics",
            calendar(county, f"{post.name}活动", entries_of_post(county, post)),
        ))
    for _post, village in county.iter_villages():
        out.append(Asset(
            f"calendar/v/{village.id}.ics",
            calendar(county, f"{village.name}活动", entries_of_village(county, village)),
        ))
    for entry in county.agenda:
        out.append(Asset(entry.ics, calendar(county, entry.title, [entry])))
    return out
