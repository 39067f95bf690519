"""Turn pydantic's validation errors into Chinese messages with file and line."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

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
    "date_parsing": "日期，格式 YYYY-MM-DD，例如 2026-03-01",
    "date_from_datetime_parsing": "日期，格式 YYYY-MM-DD，例如 2026-03-01",
    "date_type": "日期，格式 YYYY-MM-DD，例如 2026-03-01",
    "datetime_parsing": "日期时间，格式 YYYY-MM-DD HH:MM，例如 2026-03-01 09:30",
    "datetime_from_date_parsing": "日期时间，格式 YYYY-MM-DD HH:MM，例如 2026-03-01 09:30",
    "datetime_type": "日期时间，格式 YYYY-MM-DD HH:MM，例如 2026-03-01 09:30",
    "time_parsing": "时间，格式 HH:MM，例如 08:30",
    "time_type": "时间，格式 HH:MM，例如 08:30",
}


def _unwrap(annotation: Any) -> Any:
    """The model class inside Optional[...] / list[...] / Annotated[...]."""
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        elif origin in (list, tuple, set, frozenset):
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
            title = _title(model, loc)
            name = field_path(loc) or None
            if name and title:
                name = f"{name}（{title}）"
            problems.add(doc.display, doc.line_of(loc), name, message)
        return None
