"""Complete and running periods, so that figures read honestly.

A month or week the build date falls in is still running: it is shown as
「本月至今」/「本周至今」 with its dates and never compared with a whole one.
Comparisons are between the last two complete periods, and a running period
with nothing in it yet is not shown as a fall (it is left out of the
sentences; tables show it labelled, e.g. 「本月至今（12月1日）」).

(Month and ISO-week arithmetic on top of core.dates; the stats kind uses it
for the visit and request figures.)
"""

from __future__ import annotations

from datetime import date, timedelta

from ..core import dates
from ..core.dates import Month, Week, last_months, last_weeks, month_of, week_of


def month_start(month: Month) -> date:
    return date(month[0], month[1], 1)


def done_months(today: date, count: int, first: date | None) -> list[Month]:
    """The last ``count`` complete months before today's, newest first, none before ``first``."""
    return last_months(month_start(month_of(today)) - timedelta(days=1), count, first) if first else []


def done_weeks(today: date, count: int, first: date | None) -> list[Week]:
    """The last ``count`` complete ISO weeks before today's, newest first, none before ``first``."""
    return last_weeks(dates.week_start(week_of(today)) - timedelta(days=1), count, first) if first else []


def running_month(today: date, first: date | None) -> Month | None:
    """Today's month, unless the log starts after today."""
    return month_of(today) if first is not None and first <= today else None


def running_week(today: date, first: date | None) -> Week | None:
    """Today's ISO week, unless the log starts after today."""
    return week_of(today) if first is not None and first <= today else None


def days(start: date, end: date) -> str:
    """12月1日; 11月1日—28日; 11月30日—12月1日."""
    if start == end:
        return f"{start.month}月{start.day}日"
    if start.month == end.month:
        return f"{start.month}月{start.day}日—{end.day}日"
    return f"{start.month}月{start.day}日—{end.month}月{end.day}日"


def month_so_far(today: date) -> str:
    """本月至今（12月1日）: today's month, from its 1st to today."""
    return f"本月至今（{days(today.replace(day=1), today)}）"


def week_so_far(today: date) -> str:
    """本周至今（11月30日—12月1日）: today's week, from its Monday to today."""
    return f"本周至今（{days(dates.week_start(week_of(today)), today)}）"


def month_name(month: Month, today: date) -> str:
    """11月, or 2025年12月 in another year than today's."""
    return dates.month_short(month, today)


def change(now: int, before: int, what: str) -> str:
    """"，比10月多 12%" between two complete periods (empty when there is nothing to compare with)."""
    if before == 0:
        return ""
    percent = round(100 * (now - before) / before)
    if percent == 0:
        return f"，和{what}持平"
    return f"，比{what}{'多' if percent > 0 else '少'} {abs(percent)}%"
