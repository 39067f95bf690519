"""How repeat rules read to residents, checked against the dates they produce."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest

from generator.core import dates as wording
from generator.events.model import Entry


def entry(rule: str | None, start: datetime, until: date | None = None) -> Entry:
    return Entry(
        key="event-x", kind="其他", title="x", start=start, end=start + timedelta(hours=2),
        rule=rule, until=until, venue=None, posts=(), villages=(), description=None,
        page="events/x/", ics="calendar/events/x.ics",
    )


def dates(item: Entry, count: int = 12) -> list[datetime]:
    rule = item.recurrence()
    assert rule is not None
    return list(rule[:count])


def last_week_of_month(day: date) -> bool:
    return day.day > calendar.monthrange(day.year, day.month)[1] - 7


@pytest.mark.parametrize(("rule", "start", "text", "check"), [
    ("FREQ=WEEKLY;BYDAY=WE", datetime(2026, 1, 7, 9), "每周三 9:00—11:00",
     lambda ds: all(d.weekday() == 2 for d in ds) and all((b - a).days == 7 for a, b in pairwise(ds))),
    ("FREQ=WEEKLY;BYDAY=FR,SA", datetime(2026, 12, 4, 20), "每周五、周六 20:00—22:00",
     lambda ds: {d.weekday() for d in ds} == {4, 5}),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", datetime(2026, 1, 2, 9), "隔周五 9:00—11:00",
     lambda ds: all((b - a).days == 14 for a, b in pairwise(ds))),
    ("FREQ=MONTHLY;BYDAY=-1FR", datetime(2026, 9, 25, 19, 30), "每月最后一个星期五 19:30—21:30",
     lambda ds: all(d.weekday() == 4 and last_week_of_month(d) for d in ds)),
    ("FREQ=MONTHLY;BYDAY=1TU", datetime(2026, 10, 6, 9), "每月第一个星期二 9:00—11:00",
     lambda ds: all(d.weekday() == 1 and d.day <= 7 for d in ds)),
    ("FREQ=MONTHLY;BYDAY=1SA,3SA", datetime(2026, 1, 3, 9), "每月第一个星期六、第三个星期六 9:00—11:00",
     lambda ds: all(d.weekday() == 5 and (d.day <= 7 or 15 <= d.day <= 21) for d in ds)),
    ("FREQ=MONTHLY;BYMONTHDAY=5,20", datetime(2026, 1, 5, 9), "每月 5 日、20 日 9:00—11:00",
     lambda ds: {d.day for d in ds} == {5, 20}),
    ("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6", datetime(2026, 9, 15, 14, 30), "每月 15 日 14:30—16:30，共 6 次",
     lambda ds: len(ds) == 6 and {d.day for d in ds} == {15}),
    ("FREQ=DAILY", datetime(2026, 1, 1, 8), "每天 8:00—10:00",
     lambda ds: all((b - a).days == 1 for a, b in pairwise(ds))),
    ("FREQ=YEARLY", datetime(2027, 1, 10, 9), "每年 1 月 10 日 9:00—11:00",
     lambda ds: {(d.month, d.day) for d in ds} == {(1, 10)}),
])
def test_rule_wording_matches_its_dates(
    rule: str, start: datetime, text: str, check: Callable[[list[datetime]], bool]
) -> None:
    item = entry(rule, start)
    assert wording.rule_text(item.rule, item.start, item.end) == text
    assert check(dates(item))
    assert dates(item)[0] == start


def test_unusual_rules_say_so_and_list_the_dates() -> None:
    item = entry("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", datetime(2026, 1, 30, 9))
    assert wording.rule_text(item.rule, item.start, item.end) == "定期举行（日期见下）"


def test_until_ends_the_repetition_on_that_day_inclusive() -> None:
    item = entry("FREQ=WEEKLY;BYDAY=SA", datetime(2026, 6, 6, 20, 30), until=date(2026, 8, 29))
    got = dates(item, 100)
    assert got[-1] == datetime(2026, 8, 29, 20, 30) and len(got) == 13
    assert wording.until_text(item.until) == "到 2026年8月29日为止"
    assert item.is_over(date(2026, 8, 30)) and not item.is_over(date(2026, 8, 29))


def test_days_read_naturally() -> None:
    assert wording.day(date(2026, 12, 5), date(2026, 11, 28)) == "12月5日 星期六"
    assert wording.day(date(2027, 1, 9), date(2026, 11, 28)) == "2027年1月9日 星期六"
    start, end = datetime(2027, 1, 11, 8, 30), datetime(2027, 1, 22, 18)
    assert wording.times(start, end) == "8:30 至 1月22日 18:00"
