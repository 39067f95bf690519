"""data/requests/*.csv: one row of the request log (群众诉求台账, 五个及时).

INTERNAL: rows are validated and aggregated per post and month, never published.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field

from ..core.records import Id, Record

REQUEST_COLUMNS: tuple[str, ...] = (
    "received", "post", "village", "category", "reported", "handled", "resolved", "answered", "note",
)
Category = Literal["邻里纠纷", "财产纠纷", "债务纠纷", "劳务纠纷", "求助", "其他"]
CATEGORIES: tuple[str, ...] = get_args(Category)
# The steps after 受理 (received), in order, with their Chinese names.
STEPS: dict[str, str] = {
    "reported": "上报", "handled": "处理", "resolved": "化解", "answered": "反馈",
}
DATE_COLUMNS: tuple[str, ...] = ("received", *STEPS)


class RequestRow(Record):
    received: dt.date = Field(title="受理日期")
    post: Id = Field(title="警务室编号")
    village: Id | None = Field(None, title="村（社区）编号", description="可以不写")
    category: Category = Field(title="类别")
    reported: dt.date | None = Field(None, title="上报日期", description="还没到这一步就空着")
    handled: dt.date | None = Field(None, title="处理日期", description="还没到这一步就空着")
    resolved: dt.date | None = Field(None, title="化解日期", description="还没到这一步就空着")
    answered: dt.date | None = Field(None, title="反馈日期", description="还没到这一步就空着")
    note: str | None = Field(None, title="备注", max_length=2000)
