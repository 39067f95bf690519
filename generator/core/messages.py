"""Turn pydantic's validation errors into Chinese messages with file and line."""

from __future__ import annotations

import difflib
import functools
import re
import types
import typing
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from .phones import halfwidth
from .problems import Problems, field_path
from .yamlio import Document

_TYPE_NAMES = {
    "string_type": "文字",
    "int_parsing": "整数（只写数字，不要加逗号或单位）",
    "int_type": "整数",
    "int_from_float": "整数",
    "float_parsing": "数字",
    "float_type": "数字",
    "bool_parsing": "是或否（true 或 false）",
    "bool_type": "是或否（true 或 false）",
    "list_type": "列表（每项一行，以“- ”开头，或写成 [甲, 乙]）",
    "dict_type": "一组“字段: 值”",
    "model_type": "一组“字段: 值”",
    "model_attributes_type": "一组“字段: 值”",
    "date_parsing": "日期（年-月-日），例如 2026-12-01",
    "date_from_datetime_parsing": "日期（年-月-日），例如 2026-12-01",
    "date_type": "日期（年-月-日），例如 2026-12-01",
    "datetime_parsing": "日期和时间（年-月-日 时:分），例如 2026-12-01 09:30",
    "datetime_from_date_parsing": "日期和时间（年-月-日 时:分），例如 2026-12-01 09:30",
    "datetime_type": "日期和时间（年-月-日 时:分），例如 2026-12-01 09:30",
    "time_parsing": "时间（时:分），例如 08:30",
    "time_type": "时间（时:分），例如 08:30",
}

# Dates and times as editors type them: 2026年12月1日, 2026/12/1, 2026.12.1, 9点30, 9点半.
_SEP = r"\s*[年月./／\-－—]\s*"
_DAY = rf"(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})\s*[日号]?"
_CLOCK = r"(\d{1,2})\s*(?:[:：.]\s*(\d{1,2})|[点时]\s*(?:(\d{1,2})\s*分?|(半))?)"
_TYPED_DATE = re.compile(_DAY)
_TYPED_DATETIME = re.compile(rf"{_DAY}\s*[T日]?\s*(?:上午|早上|下午|晚上)?\s*{_CLOCK}")
_TYPED_TIME = re.compile(rf"(?:上午|早上|下午|晚上)?\s*{_CLOCK}")


def _typed_date(groups: Sequence[str | None]) -> date | None:
    try:
        return date(*(int(g or "") for g in groups))
    except ValueError:
        return None


def _typed_clock(text: str, groups: Sequence[str | None]) -> time | None:
    hour_text, minute_text, minute_words, half = groups
    hour = int(hour_text or "")
    minute = 30 if half else int(minute_text or minute_words or 0)
    if ("下午" in text or "晚上" in text) and hour < 12:
        hour += 12
    try:
        return time(hour, minute)
    except ValueError:
        return None


def typed_date(text: str) -> date | None:
    """The date an editor meant by 2026年12月1日, 2026/12/1 or 2026.12.1; None if unclear."""
    match = _TYPED_DATE.fullmatch(halfwidth(text).strip())
    return _typed_date(match.groups()) if match else None


def typed_datetime(text: str) -> datetime | None:
    """The date and time an editor meant by 2026年12月5日 9:30, 2026/12/5 下午2点 …"""
    text = halfwidth(text).strip()
    match = _TYPED_DATETIME.fullmatch(text)
    if not match:
        return None
    day, clock = _typed_date(match.groups()[:3]), _typed_clock(text, match.groups()[3:])
    return datetime.combine(day, clock) if day and clock else None


def typed_time(text: str) -> time | None:
    """The time of day an editor meant by 9点30, 9点半, 9.30 or 下午2点."""
    text = halfwidth(text).strip()
    match = _TYPED_TIME.fullmatch(text)
    return _typed_clock(text, match.groups()) if match else None


def _date_message(kind: str, value: Any) -> str:
    """What to write instead of a date or time the parser refused, in the editor's own value."""
    text = str(value)
    if kind == "cj_date":
        day = typed_date(text)
        if day:
            return f"日期“{text}”请改写成 {day.isoformat()}（年-月-日，中间用英文短横线“-”）。"
        return f"“{text}”不是日期：请写成年-月-日，例如 2026-12-01。"
    if kind == "cj_datetime":
        moment = typed_datetime(text)
        if moment:
            return f"“{text}”请改写成 {moment:%Y-%m-%d %H:%M}（年-月-日 时:分，北京时间）。"
        day = typed_date(text) or (date.fromisoformat(text) if _ISO_DAY.fullmatch(text) else None)
        if day:
            return f"“{text}”还要写上时间：请写成年-月-日 时:分，例如 {day.isoformat()} 09:30。"
        return f"“{text}”不是日期和时间：请写成年-月-日 时:分（北京时间），例如 2026-12-01 09:30。"
    clock = typed_time(text)
    if clock:
        return f"时间“{text}”请改写成 {clock:%H:%M}（时:分，用英文冒号）。"
    return f"“{text}”不是时间：请写成时:分，例如 09:00 或 14:30。"


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_KINDS = ("cj_date", "cj_datetime", "cj_time")


def _bare(annotation: Any) -> Any:
    """The annotation inside Annotated[...] and Optional[...] (a union of one type and None)."""
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def _unwrap(annotation: Any) -> Any:
    """The model class inside Optional[...] / list[...] / Annotated[...]."""
    while True:
        annotation = _bare(annotation)
        origin = get_origin(annotation)
        if origin in (list, tuple, set, frozenset):
            annotation = get_args(annotation)[0]
        elif origin is dict:
            annotation = get_args(annotation)[1]
        else:
            return annotation


def _field(model: type[BaseModel], name: str) -> FieldInfo | None:
    """A model's field by its name or by its alias (e.g. ``from``)."""
    info = model.model_fields.get(name)
    if info is None:
        info = next((i for i in model.model_fields.values() if i.alias == name), None)
    return info


def model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class describing the mapping at ``loc`` (None if not a model)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = _field(current, part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _title(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    names = [p for p in loc if isinstance(p, str)]
    if not names:
        return None
    parent = model_at(model, loc[: max(i for i, p in enumerate(loc) if isinstance(p, str))])
    if parent is None:
        return None
    info = _field(parent, names[-1])
    return info.title if info else None


def _literal_choices(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    names = [i for i, p in enumerate(loc) if isinstance(p, str)]
    if not names:
        return []
    parent = model_at(model, loc[: names[-1]])
    if parent is None:
        return []
    info = _field(parent, str(loc[names[-1]]))
    if info is None:
        return []
    annotation = _unwrap(info.annotation)
    if get_origin(annotation) is Literal:
        return [str(a) for a in get_args(annotation)]
    return []


def describe(model: type[BaseModel], error: Any) -> tuple[tuple[str | int, ...], str]:
    """Return (location, Chinese message) for one pydantic error."""
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind in _DATE_KINDS and "应写成" in str(error["msg"]):
        return loc, _date_message(kind, value)
    if kind.startswith("cj_"):
        return loc, str(error["msg"])
    if kind == "missing":
        return loc, "缺少必填字段。"
    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        known = [info.alias or name for name, info in parent.model_fields.items()] if parent else []
        key = str(loc[-1])
        guess = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"是否想写“{guess[0]}”？" if guess else f"可用的字段有：{'、'.join(known)}。"
        return loc, f"未知字段“{key}”。{hint}"
    if kind == "literal_error":
        choices = _literal_choices(model, loc) or [str(ctx.get("expected", ""))]
        return loc, f"“{value}”不是可选的值，只能填：{'、'.join(choices)}。"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        limit = ctx.get("gt", ctx.get("ge", ctx.get("lt", ctx.get("le"))))
        words = {
            "greater_than": "大于", "greater_than_equal": "不小于",
            "less_than": "小于", "less_than_equal": "不大于",
        }[kind]
        return loc, f"“{value}”不合规，应{words} {limit}。"
    if kind == "too_short":
        return loc, "至少要写一项。"
    if kind == "too_long":
        return loc, f"最多只能写 {ctx.get('max_length')} 项。"
    if kind == "string_pattern_mismatch":
        return loc, f"“{value}”格式不正确。"
    if kind in _TYPE_NAMES:
        shown = "空值" if value is None else f"“{value}”" if isinstance(value, str) else "这个值"
        return loc, f"{shown}应为{_TYPE_NAMES[kind]}。"
    return loc, f"数据不合规（{error.get('msg', kind)}）。"


def field_name(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """A field's path with its Chinese title: officers[0].phone（电话）."""
    name = field_path(loc) or None
    title = _title(model, loc)
    return f"{name}（{title}）" if name and title else name


def validate_document(
    model: type[BaseModel], doc: Document, problems: Problems, data: Any | None = None
) -> Any:
    """Validate a Document against a model; report errors; return the record or None."""
    payload = doc.data if data is None else data
    if not isinstance(payload, dict):
        what = "空文件" if payload is None else "列表或单个值"
        problems.add(
            doc.display, doc.line_of(()) or 1, None,
            f"文件内容是{what}，应为一组“字段: 值”。",
        )
        return None
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        for error in exc.errors():
            loc, message = describe(model, error)
            problems.add(doc.display, doc.line_of(loc), field_name(model, loc), message)
        return None


M = typing.TypeVar("M", bound=BaseModel)


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    return TypeAdapter(typing.Annotated[info.annotation, info])


def _is_collection(annotation: Any) -> bool:
    """Whether a field holds several values (list[...], tuple[...] …), inside Optional/Annotated."""
    return get_origin(_bare(annotation)) in (list, tuple, set, frozenset)


def salvage(model: type[M], data: Any) -> M | None:
    """What validates in a record that failed, for the rules across records.

    Each field is validated alone: a valid one keeps its value, a list of
    records keeps every mapping in it (each salvaged in turn), and a field
    that is missing or invalid is None (its problem is already reported, so
    the rules skip it). The record's own cross-field checks are not run.
    """
    if not isinstance(data, dict):
        return None
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key not in data:
            if info.is_required():
                values[name] = None
            continue
        raw = data[key]
        inner = _unwrap(info.annotation)
        is_record = isinstance(inner, type) and issubclass(inner, BaseModel)
        try:
            values[name] = _field_adapter(model, name).validate_python(raw)
        except ValidationError:
            if is_record and isinstance(raw, list):
                values[name] = [s for item in raw if (s := salvage(inner, item)) is not None]
            elif is_record and not _is_collection(info.annotation):
                values[name] = salvage(inner, raw)
            else:  # invalid, or one mapping where a list of records belongs
                values[name] = None
    return model.model_construct(**values)
