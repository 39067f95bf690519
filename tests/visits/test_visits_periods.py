"""Complete and running periods (generator/visits/periods.py): what counts as
complete on the 1st of a month, on a Monday, on a Sunday and across a new year,
and how a running period is named."""

from __future__ import annotations

from datetime import date

from generator.visits import periods

FIRST = date(2026, 8, 3)  # the sample log's first row


def test_on_the_1st_the_month_is_running_and_the_last_one_complete() -> None:
    today = date(2026, 12, 1)
    assert periods.done_months(today, 2, FIRST) == [(2026, 11), (2026, 10)]
    assert periods.running_month(today, FIRST) == (2026, 12)
    assert periods.month_so_far(today) == "本月至今（12月1日）"
    assert periods.week_so_far(today) == "本周至今（11月30日—12月1日）"  # a Tuesday


def test_on_a_monday_last_week_is_complete() -> None:
    today = date(2026, 11, 30)
    assert periods.done_weeks(today, 1, FIRST) == [(2026, 48)]  # 23—29 November
    assert periods.week_so_far(today) == "本周至今（11月30日）"
    assert periods.month_so_far(today) == "本月至今（11月1日—30日）"


def test_on_a_sunday_its_week_is_still_running() -> None:
    today = date(2026, 11, 29)
    assert periods.running_week(today, FIRST) == (2026, 48)
    assert periods.done_weeks(today, 1, FIRST) == [(2026, 47)]


def test_across_a_new_year() -> None:
    today = date(2027, 1, 1)
    assert periods.done_months(today, 1, FIRST) == [(2026, 12)]
    assert periods.month_name((2026, 12), today) == "2026年12月"
    assert periods.week_so_far(today) == "本周至今（12月28日—1月1日）"


def test_nothing_complete_before_the_log_starts() -> None:
    assert periods.done_months(date(2026, 8, 20), 3, FIRST) == []
    assert periods.done_weeks(date(2026, 8, 5), 3, FIRST) == []
    assert periods.running_month(date(2026, 7, 1), FIRST) is None
    assert periods.done_months(date(2026, 12, 1), 3, None) == []


def test_change_between_complete_periods() -> None:
    assert periods.change(112, 100, "10月") == "，比10月多 12%"
    assert periods.change(0, 100, "前一周") == "，比前一周少 100%"  # a whole week without visits
    assert periods.change(100, 100, "10月") == "，和10月持平"
    assert periods.change(5, 0, "10月") == ""
