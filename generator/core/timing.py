"""Field types for the calendar: local date-times, dates, times of day, repeat rules.

Editors write local time in Asia/Shanghai (北京时间) as ``2026-12-05 09:30``;
a full-width colon (``09：30``) is accepted because Chinese input methods type
it. Repeat rules are RFC 5545 RRULEs (``FREQ=WEEKLY;BYDAY=WE``); the end date
of a repetition is written separately as ``until``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated

from dateutil.rrule import rrule, rrulestr
from icalendar import vRecur
from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

_DATETIME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[T\s]+(\d{1,2})[:：](\d{2})")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(\d{1,2})[:：](\d{2})")
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
RULE_EXAMPLES = (
    "常用写法：FREQ=WEEKLY;BYDAY=WE（每周三）、FREQ=WEEKLY;INTERVAL=2;BYDAY=FR（隔周五）、"
    "FREQ=MONTHLY;BYDAY=-1FR（每月最后一个星期五）、FREQ=MONTHLY;BYMONTHDAY=15（每月 15 日）"
)


def _parse_datetime(value: object) -> object:
    if not isinstance(value, str):
        return value
    match = _DATETIME.fullmatch(value.strip())
    if not match:
        raise PydanticCustomError(
            "cj_datetime",
            "“{value}”应写成 YYYY-MM-DD HH:MM（年-月-日 时:分，北京时间），例如 2026-12-05 09:30。",
            {"value": value},
        )
    try:
        year, month, day, hour, minute = (int(part) for part in match.groups())
        return datetime(year, month, day, hour, minute)
    except ValueError:
        raise PydanticCustomError(
            "cj_datetime", "“{value}”不是真实存在的日期或时间。", {"value": value}
        ) from None


def _parse_date(value: object) -> object:
    if not isinstance(value, str):
        return value
    match = _DATE.fullmatch(value.strip())
    if not match:
        raise PydanticCustomError(
            "cj_date", "“{value}”应写成 YYYY-MM-DD（年-月-日），例如 2027-06-30。", {"value": value}
        )
    try:
        year, month, day = (int(part) for part in match.groups())
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError("cj_date", "“{value}”不是真实存在的日期。", {"value": value}) from None


def _parse_time(value: object) -> object:
    if not isinstance(value, str):
        return value
    match = _TIME.fullmatch(value.strip())
    if not match:
        raise PydanticCustomError(
            "cj_time", "“{value}”应写成 HH:MM（时:分），例如 09:00 或 14:30。", {"value": value}
        )
    try:
        return time(int(match.group(1)), int(match.group(2)))
    except ValueError:
        raise PydanticCustomError("cj_time", "“{value}”不是真实存在的时间。", {"value": value}) from None


def normalise_rule(text: str) -> str:
    """Upper case, no spaces, no "RRULE:" prefix, ASCII punctuation."""
    rule = text.strip().replace("；", ";").replace("＝", "=").replace("，", ",").replace(" ", "")
    rule = rule.upper()
    return rule.removeprefix("RRULE:").strip(";")


def parse_rule(rule: str, start: datetime) -> rrule:
    """The dateutil rule for a normalised RRULE starting at ``start`` (naive local time)."""
    parsed = rrulestr(rule, dtstart=start)
    assert isinstance(parsed, rrule)
    return parsed


def _check_rule(value: str) -> str:
    rule = normalise_rule(value)

    def bad(detail: str) -> PydanticCustomError:
        return PydanticCustomError(
            "cj_rrule",
            "重复规则“{value}”{detail}。{examples}。",
            {"value": value, "detail": detail, "examples": RULE_EXAMPLES},
        )

    parts: dict[str, str] = {}
    for part in rule.split(";"):
        key, sep, val = part.partition("=")
        if not sep or not key or not val:
            raise bad(f"里的“{part}”写法不对，每一段应是“名称=值”，段与段之间用英文分号 ; 隔开")
        if key in parts:
            raise bad(f"里的 {key} 写了两次")
        parts[key] = val
    if "FREQ" not in parts:
        raise bad("缺少 FREQ（多久重复一次）")
    if parts["FREQ"] not in FREQUENCIES:
        raise bad(f"的 FREQ={parts['FREQ']} 不支持，只能用 DAILY（每天）、WEEKLY（每周）、MONTHLY（每月）、YEARLY（每年）")
    if "UNTIL" in parts:
        raise bad("里不要写 UNTIL：到哪天为止请写在 until 字段里（格式 YYYY-MM-DD）")
    if "DTSTART" in parts:
        raise bad("里不要写 DTSTART：开始时间写在 start 字段里")
    for key, val in parts.items():
        problem = _check_part(key, val, parts["FREQ"])
        if problem:
            raise bad(problem)
    try:
        parse_rule(rule, datetime(2000, 1, 1))
        vRecur.from_ical(rule)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise bad(f"写法不对（{exc}）") from None
    return rule


_WEEKDAY = re.compile(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
_NUMBER_RANGES = {
    "INTERVAL": (1, 1000),
    "COUNT": (1, 1000),
    "BYMONTH": (1, 12),
    "BYMONTHDAY": (1, 31),
    "BYYEARDAY": (1, 366),
    "BYWEEKNO": (1, 53),
    "BYSETPOS": (1, 366),
    "BYHOUR": (0, 23),
    "BYMINUTE": (0, 59),
}
_SIGNED = {"BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS"}
_SINGLE = {"INTERVAL", "COUNT", "WKST"}


def _check_part(key: str, val: str, freq: str) -> str | None:
    """What is wrong with one KEY=VALUE part of a rule (None if nothing)."""
    if key == "FREQ":
        return None
    if key == "WKST":
        return None if _WEEKDAY.fullmatch(val) and val[:2].isalpha() else f"里 WKST 的值“{val}”不对"
    if key == "BYDAY":
        for item in val.split(","):
            match = _WEEKDAY.fullmatch(item)
            if not match:
                return f"里 BYDAY 的“{item}”不对，星期应写成 MO TU WE TH FR SA SU（周一到周日）"
            if match.group(1):
                if freq not in ("MONTHLY", "YEARLY"):
                    return f"里 BYDAY 的“{item}”带了序号，只有 FREQ=MONTHLY 或 YEARLY 才能这样写"
                number = abs(int(match.group(1)))
                limit = 5 if freq == "MONTHLY" else 53
                if not 1 <= number <= limit:
                    return f"里 BYDAY 的“{item}”序号不对，每月的第几个星期几只能是 1 到 5 或 -1（最后一个）"
        return None
    if key not in _NUMBER_RANGES:
        known = "、".join(("FREQ", "INTERVAL", "COUNT", "BYDAY", *list(_NUMBER_RANGES)[2:], "WKST"))
        return f"里的“{key}”无法识别，可用的有：{known}"
    low, high = _NUMBER_RANGES[key]
    items = [val] if key in _SINGLE else val.split(",")
    for item in items:
        if not re.fullmatch(r"[+-]?\d+", item):
            return f"里 {key} 的值“{item}”应是数字"
        number = int(item)
        if key in _SINGLE and item.startswith(("+", "-")):
            return f"里 {key} 的值“{item}”应是正整数"
        ok = low <= abs(number) <= high if key in _SIGNED else low <= number <= high
        if not ok:
            return f"里 {key} 的值“{item}”超出范围（{low} 到 {high}）"
    return None


LocalDateTime = Annotated[datetime, BeforeValidator(_parse_datetime)]
LocalDate = Annotated[date, BeforeValidator(_parse_date)]
TimeOfDay = Annotated[time, BeforeValidator(_parse_time)]
Repeat = Annotated[str, AfterValidator(_check_rule)]

__all__ = [
    "FREQUENCIES",
    "LocalDate",
    "LocalDateTime",
    "Repeat",
    "TimeOfDay",
    "normalise_rule",
    "parse_rule",
]
