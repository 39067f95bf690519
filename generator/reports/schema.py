"""data/reports/<slug>.md: a work report (工作报告) to the people, front matter part.

The Markdown body (工作情况 / 存在问题 / 下步打算 …) follows the front matter.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, TypeAdapter, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..core.records import Id, Record, Text

FROM_VISITS = "from_visits"

# Known figures, in the order they are shown, with their Chinese labels.
STAT_LABELS: dict[str, str] = {
    "visits": "走访户数",
    "disputes_received": "受理矛盾纠纷",
    "disputes_resolved": "调解化解",
    "lectures": "法制宣传场次",
    "patrols": "巡逻次数",
    "opinions": "收集意见建议",
    "resolved_requests": "办结群众诉求",
}
# Figures a report takes from the visit log (stats: from_visits).
VISIT_STAT_LABELS: dict[str, str] = {
    "visits": "走访户数",
    "issues_found": "走访发现问题",
    "issues_resolved": "已解决问题",
}

Count = Annotated[int, Field(ge=0)]
_FIGURES: TypeAdapter[dict[str, int]] = TypeAdapter(dict[str, Count])


def _stats(value: Any) -> dict[str, int] | Literal["from_visits"]:
    """A mapping of whole, non-negative numbers, or the word from_visits."""
    if isinstance(value, str):
        if value.strip() == FROM_VISITS:
            return "from_visits"
        raise PydanticCustomError(
            "cj_stats",
            "“{value}”看不懂。这里要么逐行写“项目: 数字”（如 visits: 120），"
            "要么只写 from_visits（从走访记录自动统计）。",
            {"value": value},
        )
    # Errors of single figures keep their key in the location (stats.visits).
    return _FIGURES.validate_python(value)


Stats = Annotated[
    dict[str, int] | Literal["from_visits"],
    PlainValidator(_stats),
    WithJsonSchema({
        "anyOf": [
            {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
            {"const": FROM_VISITS},
        ]
    }),
]


class Period(Record):
    from_: dt.date = Field(alias="from", title="开始日期")
    to: dt.date = Field(title="结束日期")


class Report(Record):
    """A report's front matter. The slug is the file name (reports/<slug>.md)."""

    title: Text = Field(title="标题")
    date: dt.date = Field(title="日期")
    post: Id | None = Field(None, title="警务室编号", description="不写就是全县的报告")
    period: Period = Field(title="报告期")
    stats: Stats = Field(
        default_factory=dict, title="工作数据",
        description="项目: 数字；或 from_visits（从走访记录统计本报告期的走访数据）",
    )
