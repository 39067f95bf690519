"""data/evaluations/<period>.yml: the results of one round of 三访三评."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ..core.records import Id, Record, Text


class EvaluationPeriod(Record):
    from_: dt.date = Field(alias="from", title="开始日期")
    to: dt.date = Field(title="结束日期")


class PostResult(Record):
    post: Id = Field(title="警务室编号")
    responses: int = Field(title="参评人数", gt=0)
    satisfied: int = Field(title="满意人数", ge=0)


class Evaluation(Record):
    """One round of 三访三评. The file name names the period, e.g. 2026-h1.yml."""

    period: EvaluationPeriod = Field(title="评议期")
    by: Text = Field(title="组织单位", description="谁组织的评议，例如 县公安局政治处")
    posts: list[PostResult] = Field(title="各警务室结果", min_length=1)
