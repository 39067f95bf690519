"""data/notices/<slug>.md: a safety notice (安全提示/警情通报), front matter part."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ..core.records import Id, Record, Text

Level = Literal["提示", "预警", "通报"]
LEVELS: tuple[str, ...] = ("提示", "预警", "通报")


class Notice(Record):
    """A notice's front matter. Neither posts nor villages: county-wide."""

    title: Text = Field(title="标题")
    date: dt.date = Field(title="日期", description="从这天起发布")
    level: Level = Field(title="级别")
    posts: list[Id] = Field(default_factory=list, title="警务室", description="警务室编号")
    villages: list[Id] = Field(default_factory=list, title="村（社区）", description="村（社区）编号")
    expires: dt.date | None = Field(None, title="有效期至", description="过了这天移入“已过期”")
