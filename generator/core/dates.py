"""Dates, times and repeat rules in plain Chinese, as residents read them;
the build date; ISO weeks and months.

Templates get this module as ``dates`` (e.g. ``{{ dates.date(r.date) }}``).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

Month = tuple[int, int]  # (year, month)
Week = tuple[int, int]  # ISO (year, week)


def build_date(today: date | str | None = None) -> date:
    """The date a build is "as of": --today, else SOURCE_DATE_EPOCH, else the clock."""
    if isinstance(today, date):
        return today
    if today:
        return date.fromisoformat(today)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def month_of(day: date) -> Month:
    return (day.year, day.month)


def week_of(day: date) -> Week:
    iso = day.isocalendar()
    return (iso.year, iso.week)


def last_months(today: date, count: int, first: date | None) -> list[Month]:
    """The last ``count`` months up to today's, newest first, none before ``first``."""
    out: list[Month] = []
    year, month = today.year, today.month
    start = month_of(first) if first else month_of(today)
    while len(out) < count and (year, month) >= start:
        out.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out


def last_weeks(today: date, count: int, first: date | None) -> list[Week]:
    """The last ``count`` ISO weeks up to today's, newest first, none before ``first``."""
    out: list[Week] = []
    day = today
    start = week_of(first) if first else week_of(today)
    while len(out) < count and week_of(day) >= start:
        out.append(week_of(day))
        day -= timedelta(days=7)
    return out


def week_start(week: Week) -> date:
    return date.fromisocalendar(week[0], week[1], 1)


def date_text(day: date) -> str:
    """2026年11月28日"""
    return f"{day.year}年{day.month}月{day.day}日"


def period(start: date, end: date) -> str:
    if start.year == end.year:
        return f"{start.year}年{start.month}月{start.day}日至{end.month}月{end.day}日"
    return f"{date_text(start)}至{date_text(end)}"


def month(value: Month) -> str:
    return f"{value[0]}年{value[1]}月"


def month_short(value: Month, today: date) -> str:
    """A month in a column header: without the year when it is this year."""
    return f"{value[1]}月" if value[0] == today.year else month(value)


def week(value: Week) -> str:
    start = week_start(value)
    end = start + timedelta(days=6)
    if start.month == end.month:
        return f"{start.month}月{start.day}日—{end.day}日"
    return f"{start.month}月{start.day}日—{end.month}月{end.day}日"

WEEKDAY_NAMES = "一二三四五六日"
_BYDAY = {"MO": "一", "TU": "二", "WE": "三", "TH": "四", "FR": "五", "SA": "六", "SU": "日"}
_ORDINALS = {1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", 5: "第五个", -1: "最后一个", -2: "倒数第二个"}


def weekday(day: date) -> str:
    return "星期" + WEEKDAY_NAMES[day.weekday()]


def day(value: date, today: date) -> str:
    """12月5日 星期六 (with the year when it is not this year)."""
    year = f"{value.year}年" if value.year != today.year else ""
    return f"{year}{value.month}月{value.day}日 {weekday(value)}"


def short_day(value: date) -> str:
    """12月5日, for lists of the dates of a repeating entry."""
    return f"{value.month}月{value.day}日"


def full_day(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日 {weekday(value)}"


def hm(moment: datetime) -> str:
    return f"{moment.hour}:{moment.minute:02d}"


def times(start: datetime, end: datetime) -> str:
    """9:30—11:00, or 8:30 至 12月20日 18:00 across days."""
    if start.date() == end.date():
        return f"{hm(start)}—{hm(end)}"
    return f"{hm(start)} 至 {end.month}月{end.day}日 {hm(end)}"


def span(start: datetime, end: datetime, today: date) -> str:
    return f"{day(start.date(), today)} {times(start, end)}"


def full_span(start: datetime, end: datetime) -> str:
    return f"{full_day(start.date())} {times(start, end)}"


def _weekdays(codes: str) -> list[tuple[int | None, str]] | None:
    out: list[tuple[int | None, str]] = []
    for code in codes.split(","):
        name = _BYDAY.get(code[-2:])
        if name is None:
            return None
        number = code[:-2]
        out.append((int(number) if number else None, name))
    return out


def rule_text(rule: str | None, start: datetime, end: datetime) -> str:
    """How often something repeats, e.g. 每月最后一个星期五 19:30—21:00."""
    if rule is None:
        return full_span(start, end)
    parts = dict(part.split("=", 1) for part in rule.split(";"))
    base = _rule_base(parts, start)
    text = f"{base} {times(start, end)}" if base else "定期举行（日期见下）"
    if "COUNT" in parts:
        text += f"，共 {parts['COUNT']} 次"
    return text


def _rule_base(parts: dict[str, str], start: datetime) -> str | None:
    freq = parts["FREQ"]
    interval = int(parts.get("INTERVAL", "1"))
    allowed = {"FREQ", "INTERVAL", "COUNT", "WKST", "BYDAY", "BYMONTHDAY"}
    if freq == "YEARLY":
        allowed = {"FREQ", "INTERVAL", "COUNT", "BYMONTH", "BYMONTHDAY"}
    if set(parts) - allowed or ("BYDAY" in parts and "BYMONTHDAY" in parts):
        return None
    days = _weekdays(parts["BYDAY"]) if "BYDAY" in parts else [(None, WEEKDAY_NAMES[start.weekday()])]
    if days is None:
        return None
    if freq == "DAILY":
        if "BYDAY" in parts:
            return None
        return "每天" if interval == 1 else f"每 {interval} 天"
    if freq == "WEEKLY":
        names = "、".join(f"周{name}" for _, name in days)
        if interval == 1:
            return f"每{names}"
        if interval == 2:
            return f"隔{names}" if len(days) == 1 else f"隔周的{names}"
        return f"每 {interval} 周的{names}"
    if freq == "MONTHLY":
        every = "每月" if interval == 1 else ("隔月" if interval == 2 else f"每 {interval} 个月")
        if "BYMONTHDAY" in parts:
            numbers = [int(n) for n in parts["BYMONTHDAY"].split(",")]
            shown = "、".join("最后一天" if n == -1 else f"{n} 日" for n in numbers if n > 0 or n == -1)
            return f"{every} {shown}" if shown and all(n > 0 or n == -1 for n in numbers) else None
        if "BYDAY" in parts:
            if any(n is None or n not in _ORDINALS for n, _ in days):
                return None
            return every + "、".join(f"{_ORDINALS[n or 1]}星期{name}" for n, name in days)
        return f"{every} {start.day} 日"
    if freq == "YEARLY":
        if interval != 1:
            return None
        month = parts.get("BYMONTH", str(start.month))
        mday = parts.get("BYMONTHDAY", str(start.day))
        if not (month.isdigit() and mday.isdigit()):
            return None
        return f"每年 {month} 月 {mday} 日"
    return None


def until_text(until: date | None) -> str | None:
    if until is None:
        return None
    return f"到 {until.year}年{until.month}月{until.day}日为止"
