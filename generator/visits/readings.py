"""One plain sentence about visits, for a chart or a folded block: the last
complete week or month compared with the one before, then what the running
one has so far (left out while it has nothing yet, and with running=False:
a village's or an officer's few days would come close to one visit's date).

A complete period that began after the log's latest day is not entered yet
(the log is often filled in weeks later): the sentence compares the latest
periods the log covers, names them, and says that later ones are not
entered yet, instead of reading a fall of 100 %. Aggregates only.
"""

from __future__ import annotations

from datetime import date

from ..core import dates
from ..core.dates import Month, Week
from . import periods
from .log import ScopeKind, VisitStats
from .periods import change

# How far back a sentence looks for entered periods.
LOOK_BACK = 24


# After the latest entered period: no date is named (the log's latest day is one visit's).
NOT_ENTERED = "（之后的走访记录还没有录入）"


def entered_months(stats: VisitStats, today: date) -> list[Month]:
    """Complete months the log covers, newest first."""
    last = stats.last
    return [m for m in periods.done_months(today, LOOK_BACK, stats.first) if last and periods.month_start(m) <= last]


def entered_weeks(stats: VisitStats, today: date) -> list[Week]:
    """Complete weeks the log covers, newest first."""
    last = stats.last
    return [w for w in periods.done_weeks(today, LOOK_BACK, stats.first) if last and dates.week_start(w) <= last]


def week_reading(
    stats: VisitStats, today: date, kind: ScopeKind, key: str, what: str = "走访", *, running: bool = True,
) -> str:
    """上周（11月23日—29日）走访 29 户，比前一周多 61%；本周至今（11月30日—12月1日）走访 3 户。"""
    complete = periods.done_weeks(today, 1, stats.first)
    weeks = entered_weeks(stats, today)[:2]
    this_week = periods.running_week(today, stats.first) if running else None
    now = stats.week(kind, key, this_week).households if this_week else 0
    parts = []
    if weeks:
        last = stats.week(kind, key, weeks[0]).households
        before = stats.week(kind, key, weeks[1]).households if len(weeks) > 1 else 0
        if weeks[0] == complete[0]:
            parts.append(f"上周（{dates.week(weeks[0])}）{what} {last:,} 户{change(last, before, '前一周')}")
        else:
            parts.append(f"{dates.week(weeks[0])}这一周{what} {last:,} 户{change(last, before, '前一周')}"
                         f"{NOT_ENTERED}")
    if this_week and (now or not weeks):
        parts.append(f"{periods.week_so_far(today)}{what} {now:,} 户")
    return "；".join(parts) + "。" if parts else ""


def month_reading(
    stats: VisitStats, today: date, kind: ScopeKind, key: str, what: str = "走访", *, running: bool = True,
) -> str:
    """上月（11月）走访 104 户，比10月少 26%；本月至今（12月1日—3日）走访 9 户。"""
    complete = periods.done_months(today, 1, stats.first)
    months = entered_months(stats, today)[:2]
    this_month = periods.running_month(today, stats.first) if running else None
    now = stats.month(kind, key, this_month).households if this_month else 0
    parts = []
    if months:
        last = stats.month(kind, key, months[0]).households
        before = stats.month(kind, key, months[1]).households if len(months) > 1 else 0
        earlier = periods.month_name(months[1], today) if len(months) > 1 else ""
        name = periods.month_name(months[0], today)
        if months[0] == complete[0]:
            parts.append(f"上月（{name}）{what} {last:,} 户{change(last, before, earlier)}")
        else:
            parts.append(f"{name}{what} {last:,} 户{change(last, before, earlier)}{NOT_ENTERED}")
    if this_month and (now or not months):
        parts.append(f"{periods.month_so_far(today)}{what} {now:,} 户")
    return "；".join(parts) + "。" if parts else ""


def last_month(stats: VisitStats, today: date, kind: ScopeKind, key: str) -> tuple[str, int] | None:
    """The latest entered complete month for a folded block's note: (上月 or 11月, households)."""
    months = entered_months(stats, today)
    if not months:
        return None
    complete = periods.done_months(today, 1, stats.first)
    name = "上月" if months[0] == complete[0] else periods.month_name(months[0], today)
    return name, stats.month(kind, key, months[0]).households
