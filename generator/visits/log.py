"""The officers' visit log (data/visits/*.csv): read, check, aggregate.

INTERNAL DATA. A row names a household visit (who, where, when, a note);
none of that may ever be published. Rows are read and checked here, turned
into aggregated figures (per post, village and officer; per ISO week and per
month) and then dropped: the site object and the pages only ever see VisitStats.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from ..core.dates import Month, Week, last_months, last_weeks, month_of, week_of
from ..core.logs import read_log, wrong_width
from ..core.messages import validate_document
from ..core.problems import Problems
from ..core.yamlio import Document
from ..directory.grid import Grid
from .schema import VISIT_COLUMNS, VisitRow

ScopeKind = Literal["county", "post", "village", "officer"]


@dataclass(frozen=True)
class Figures:
    """Totals over some visits: how many visits, households and issues."""

    visits: int = 0
    households: int = 0
    issues_found: int = 0
    issues_resolved: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.visits + other.visits,
            self.households + other.households,
            self.issues_found + other.issues_found,
            self.issues_resolved + other.issues_resolved,
        )


@dataclass(frozen=True)
class Visit:
    """A checked row without its note. Private to loading: never on the site object."""

    day: date
    post: str
    village: str
    officer: str
    households: int
    issues_found: int
    issues_resolved: int

    @property
    def figures(self) -> Figures:
        return Figures(1, self.households, self.issues_found, self.issues_resolved)


@dataclass
class VisitStats:
    """Aggregated visit figures: the only part of the log that is published."""

    monthly: dict[tuple[ScopeKind, str], dict[Month, Figures]] = field(default_factory=dict)
    weekly: dict[tuple[ScopeKind, str], dict[Week, Figures]] = field(default_factory=dict)
    first: date | None = None

    def has(self, kind: ScopeKind, key: str) -> bool:
        return (kind, key) in self.monthly

    def month(self, kind: ScopeKind, key: str, month: Month) -> Figures:
        return self.monthly.get((kind, key), {}).get(month, Figures())

    def week(self, kind: ScopeKind, key: str, week: Week) -> Figures:
        return self.weekly.get((kind, key), {}).get(week, Figures())

    def months(self, today: date, count: int) -> list[Month]:
        """The last ``count`` months up to today's, newest first, none before the log starts."""
        return last_months(today, count, self.first)

    def weeks(self, today: date, count: int) -> list[Week]:
        """The last ``count`` ISO weeks up to today's, newest first, none before the log starts."""
        return last_weeks(today, count, self.first)


def aggregate(visits: Iterable[Visit]) -> VisitStats:
    monthly: dict[tuple[ScopeKind, str], dict[Month, Figures]] = defaultdict(dict)
    weekly: dict[tuple[ScopeKind, str], dict[Week, Figures]] = defaultdict(dict)
    first: date | None = None
    for visit in visits:
        first = visit.day if first is None else min(first, visit.day)
        scopes: list[tuple[ScopeKind, str]] = [
            ("county", ""), ("post", visit.post), ("village", visit.village), ("officer", visit.officer),
        ]
        for scope in scopes:
            m, w = month_of(visit.day), week_of(visit.day)
            monthly[scope][m] = monthly[scope].get(m, Figures()) + visit.figures
            weekly[scope][w] = weekly[scope].get(w, Figures()) + visit.figures
    return VisitStats(monthly=dict(monthly), weekly=dict(weekly), first=first)


def period_figures(visits: Iterable[Visit], post: str | None, start: date, end: date) -> Figures:
    """Totals of one post's visits (or the county's, post=None) from start to end inclusive."""
    total = Figures()
    for visit in visits:
        if start <= visit.day <= end and (post is None or visit.post == post):
            total = total + visit.figures
    return total


# -- reading ---------------------------------------------------------------

def read_visits(data_dir: Path, grid: Grid, today: date, problems: Problems) -> list[Visit]:
    """Every checked row of data/visits/*.csv and *.xlsx (problems reported, bad rows left out)."""

    def check(cells: list[str], line: int, display: str) -> Visit | None:
        return _check_row(cells, line, display, grid, today, problems)

    return read_log(
        data_dir / "visits", VISIT_COLUMNS, "走访记录", check, problems, dates=("date",), field=_field,
    )


def _field(name: str) -> str:
    return f"{name}（{VisitRow.model_fields[name].title}）"


def _check_row(
    cells: list[str], line: int, display: str, grid: Grid, today: date, problems: Problems
) -> Visit | None:
    if wrong_width(cells, line, display, VISIT_COLUMNS, problems):
        return None
    row: dict[str, str] = dict(zip(VISIT_COLUMNS, cells, strict=True))
    if not row["note"].strip():
        del row["note"]
    doc = Document(display, row, {(): line, **{(key,): line for key in row}})
    record: VisitRow | None = validate_document(VisitRow, doc, problems)
    if record is None:
        return None

    ok = True
    village = grid.village_ids.resolve(
        record.village, lambda message: problems.add(display, line, _field("village"), message)
    )
    officer = grid.officer_ids.resolve(
        record.officer, lambda message: problems.add(display, line, _field("officer"), message)
    )
    if village is not None and officer is not None and officer.id not in village.officers:
        ok = False
        # The grid itself may have errors: name only the officers that exist.
        serving = "、".join(
            f"{o.name}（{o.id}）" for i in village.officers if (o := grid.officer_by_id.get(i))
        ) or "（没有）"
        problems.add(
            display, line, _field("officer"),
            f"民警{officer.name}（{officer.id}）不负责{village.name}（{village.id}）。"
            f"这个村（社区）的责任民警是：{serving}。",
        )
    if record.issues_resolved > record.issues_found:
        problems.add(
            display, line, _field("issues_resolved"),
            f"解决问题数（{record.issues_resolved}）比发现问题数（{record.issues_found}）还多，请核对。",
            "warning",
        )
    if record.date > today:
        problems.add(
            display, line, _field("date"),
            f"日期 {record.date.isoformat()} 在生成日期 {today.isoformat()} 之后，请核对。",
            "warning",
        )
    if not ok or village is None or officer is None:
        return None
    return Visit(
        day=record.date,
        post=grid.post_of_village[village.id].id,
        village=village.id,
        officer=officer.id,
        households=record.households,
        issues_found=record.issues_found,
        issues_resolved=record.issues_resolved,
    )
