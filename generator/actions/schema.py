"""data/actions/<slug>.md: one 立项整改 item, front matter part.

The Markdown body says what residents raised, what is being done and the result.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field

from ..core.records import Id, Record, Text

Source = Literal["走访", "恳谈会", "意见箱", "三访三评", "来电来信", "其他"]
Status = Literal["已立项", "整改中", "已办结"]
SOURCES: tuple[str, ...] = get_args(Source)
# The order of /actions/: what is being worked on first.
STATUS_ORDER: tuple[str, ...] = ("整改中", "已立项", "已办结")


class Action(Record):
    """An action's front matter. The slug is the file name (actions/<slug>.md)."""

    title: Text = Field(title="标题")
    post: Id | None = Field(None, title="警务室编号", description="一个警务室时写这一行")
    posts: list[Id] = Field(default_factory=list, title="警务室", description="几个警务室时写这一行")
    villages: list[Id] = Field(default_factory=list, title="村（社区）", description="村（社区）编号")
    raised: dt.date = Field(title="立项日期", description="群众提出、立项的日期")
    source: Source = Field(title="来源")
    status: Status = Field(title="进展")
    done: dt.date | None = Field(None, title="办结日期", description="进展为“已办结”时必须写")
