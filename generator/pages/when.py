"""Dates, times and repeat rules in plain Chinese, as residents read them."""

from __future__ import annotations

from datetime import date, datetime

from ..agenda import Entry

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


def rule_text(entry: Entry) -> str:
    """How often an entry repeats, e.g. 每月最后一个星期五 19:30—21:00."""
    if entry.rule is None:
        return full_span(entry.start, entry.end)
    parts = dict(part.split("=", 1) for part in entry.rule.split(";"))
    base = _rule_base(parts, entry.start)
    text = f"{base} {times(entry.start, entry.end)}" if base else "定期举行（日期见下）"
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


def until_text(entry: Entry) -> str | None:
    if entry.until is None:
        return None
    return f"到 {entry.until.year}年{entry.until.month}月{entry.until.day}日为止"
