"""Shared field types and the base class of every record."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from . import phones


class Record(BaseModel):
    """Base of all records: unknown keys are errors, text is trimmed."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=True,
    )


def _check_id(value: str) -> str:
    import re

    if not re.fullmatch(r"[a-z0-9-]+", value):
        raise PydanticCustomError(
            "cj_id",
            "编号“{value}”不合规：只能用小写英文字母、数字和短横线（-），例如 changan-shequ。",
            {"value": value},
        )
    return value


def _refuse_fullwidth(value: str) -> None:
    wide = phones.fullwidth(value)
    if wide:
        shown = "、".join(f"“{ch}”" if not ch.isspace() else "全角空格" for ch in dict.fromkeys(wide))
        raise PydanticCustomError(
            "cj_phone",
            "电话号码“{value}”里有中文输入法打出的全角字符（{shown}），这样的号码拨不出去。"
            "请切换到英文输入法重新输入，改成“{fixed}”。",
            {"value": value, "shown": shown, "fixed": phones.halfwidth(value).replace("\u3000", " ")},
        )


def _check_phone(value: str) -> str:
    _refuse_fullwidth(value)
    normal = phones.normalise(value)
    if normal is None:
        raise PydanticCustomError(
            "cj_phone", "电话号码“{value}”格式不正确。" + phones.PHONE_HINT, {"value": value}
        )
    return normal


def _check_emergency(value: str) -> str:
    _refuse_fullwidth(value)
    normal = phones.normalise(value, allow_service=True)
    if normal is None:
        raise PydanticCustomError(
            "cj_phone", "报警电话“{value}”格式不正确，一般应为 110。", {"value": value}
        )
    return normal


def _check_text(value: str) -> str:
    if not value:
        raise PydanticCustomError("cj_empty", "不能为空。")
    if len(value) > 2000:
        raise PydanticCustomError(
            "cj_long", "内容过长（{n} 个字），这里最多 2000 个字。", {"n": len(value)}
        )
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Phone = Annotated[str, AfterValidator(_check_phone)]
EmergencyPhone = Annotated[str, AfterValidator(_check_emergency)]
Text = Annotated[str, AfterValidator(_check_text)]


def label(title: str, description: str | None = None) -> dict[str, str]:
    """Field metadata: a Chinese label used in messages and the JSON Schema."""
    out = {"title": title}
    if description:
        out["description"] = description
    return out


__all__ = ["EmergencyPhone", "Field", "Id", "Phone", "Record", "Text", "label"]
