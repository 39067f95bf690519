"""data/reports/<slug>.md: a work report (工作报告) to the people, front matter part.

The Markdown body (工作情况 / 存在问题 / 下步打算 …) follows the front matter.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import Field, PlainValidator, TypeAdapter, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..core.records import Id, Record, Text

FROM_VISITS = "from_visits"
FROM_REQUESTS = "from_requests"
SOURCES = (FROM_VISITS, FROM_REQUESTS)

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

# Figures a report takes from the request log (stats: from_requests), counted on each step's date.
REQUEST_STAT_LABELS: dict[str, str] = {
    "received": "受理群众诉求",
    "resolved": "化解",
    "answered": "反馈",
}

Count = Annotated[int, Field(ge=0)]
_FIGURES: TypeAdapter[dict[str, int]] = TypeAdapter(dict[str, Count])


def _stats(value: Any) -> dict[str, int] | tuple[str, ...]:
    """A mapping of whole, non-negative numbers, or the logs to take figures from:
    from_visits, from_requests, or both as a list ([from_visits, from_requests])."""
    words = [value] if isinstance(value, str) else value if isinstance(value, list) else None
    if words is not None:
        found = tuple(w.strip() for w in words if isinstance(w, str))
        if len(found) == len(words) and found and all(w in SOURCES for w in found):
            return tuple(dict.fromkeys(found))
        raise PydanticCustomError(
            "cj_stats",
            "“{value}”看不懂。这里要么逐行写“项目: 数字”（如 visits: 120），"
            "要么只写 from_visits（从走访记录自动统计）或 from_requests（从群众诉求台账自动统计），"
            "两个都要就写 [from_visits, from_requests]。",
            {"value": value},
        )
    # Errors of single figures keep their key in the location (stats.visits).
    return _FIGURES.validate_python(value)


Stats = Annotated[
    dict[str, int] | tuple[str, ...],
    PlainValidator(_stats),
    WithJsonSchema({
        "anyOf": [
            {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
            {"enum": list(SOURCES)},
            {"type": "array", "items": {"enum": list(SOURCES)}, "minItems": 1, "uniqueItems": True},
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
        description="项目: 数字；或 from_visits（从走访记录统计本报告期的走访数据）、"
        "from_requests（从群众诉求台账统计受理、化解、反馈），或 [from_visits, from_requests]",
    )
