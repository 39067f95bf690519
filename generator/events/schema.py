"""data/events/<slug>.yml: a meeting, patrol, visit campaign or mediation day.

``repeat`` (an RFC 5545 RRULE) makes it recurring, up to ``until`` (a date,
inclusive) when given.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..core.records import Id, Record, Text
from ..core.timing import LocalDate, LocalDateTime, Repeat

EventKind = Literal["警民恳谈会", "警民相约警务室", "治安巡逻", "大走访", "调解日", "其他"]


class Event(Record):
    slug: Id = Field(title="编号（即文件名）")
    title: Text = Field(title="标题")
    kind: EventKind = Field(title="类别")
    start: LocalDateTime = Field(title="开始时间", description="YYYY-MM-DD HH:MM，北京时间；重复的活动写第一次")
    end: LocalDateTime = Field(title="结束时间", description="YYYY-MM-DD HH:MM；重复的活动写第一次")
    repeat: Repeat | None = Field(None, title="重复规则", description="例如 FREQ=MONTHLY;BYDAY=-1FR（每月最后一个星期五）")
    until: LocalDate | None = Field(None, title="重复到哪天为止", description="YYYY-MM-DD，含这一天")
    venue: Text = Field(title="地点")
    posts: list[Id] = Field(default_factory=list, title="警务室", description="警务室编号；不写警务室和村即全县")
    villages: list[Id] = Field(default_factory=list, title="村（社区）", description="村（社区）编号")
    description: Text | None = Field(None, title="说明")
