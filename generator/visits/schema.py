"""data/visits/*.csv: one row of the officers' visit log (民警走访日志).

INTERNAL: rows are validated and aggregated, never published.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ..core.records import Id, Record

VISIT_COLUMNS: tuple[str, ...] = (
    "date", "officer", "village", "households", "issues_found", "issues_resolved", "note",
)


class VisitRow(Record):
    date: dt.date = Field(title="日期")
    officer: Id = Field(title="民警编号")
    village: Id = Field(title="村（社区）编号")
    households: int = Field(title="走访户数", ge=0)
    issues_found: int = Field(title="发现问题", ge=0)
    issues_resolved: int = Field(title="解决问题", ge=0)
    note: str | None = Field(None, title="备注", max_length=2000)
