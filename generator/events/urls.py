"""Addresses of the calendar (活动日历): pages and calendar feeds."""

from __future__ import annotations

from datetime import date

EVENTS = "events/"
CALENDAR_ALL = "calendar/all.ics"


def event(slug: str) -> str:
    return f"events/{slug}/"


def event_ics(slug: str) -> str:
    return f"calendar/events/{slug}.ics"


def reception_ics(post_id: str) -> str:
    return f"calendar/reception/{post_id}.ics"


def post_calendar(post_id: str) -> str:
    return f"calendar/posts/{post_id}.ics"


def village_calendar(village_id: str) -> str:
    return f"calendar/v/{village_id}.ics"


def patrol_ics(village_id: str) -> str:
    return f"calendar/patrol/{village_id}.ics"


def week(first: date) -> str:
    """The dated list of seven days after the first seven (those are /events/)."""
    return f"events/weeks/{first.isoformat()}/"


def reception_of_township(township_slug: str) -> str:
    """A township's reception hours (a weekly table), linked from /events/."""
    return f"events/reception/{township_slug}/"
