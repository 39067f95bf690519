"""The officers' visit log (data/visits/*.csv): read, check, aggregate.

INTERNAL DATA. A row names a household visit (who, where, when, a note);
none of that may ever be published. Rows are read and checked here, turned
into aggregated figures (per post, village and officer; per ISO week and per
month) and then dropped: the site object and the pages only ever see VisitStats.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Literal

from ..core.dates import Week, last_weeks, month_of, week_of
from ..core.logs import Log, LogStats, Period, RowAt, Scope, tally
from ..core.problems import Problems
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
class VisitStats(LogStats[ScopeKind, Figures]):
    """Aggregated visit figures: the only part of the log that is published."""

    weekly: dict[Scope[ScopeKind], dict[Week, Figures]] = field(default_factory=dict)
    # The log's latest day (any row): a period after it is not entered yet, not a period without visits.
    last: date | None = None

    def empty(self) -> Figures:
        return Figures()

    def week(self, kind: ScopeKind, key: str, week: Week) -> Figures:
        return self.figures(self.weekly, kind, key, week)

    def weeks(self, today: date, count: int) -> list[Week]:
        """The last ``count`` ISO weeks up to today's, newest first, none before the log starts."""
        return last_weeks(today, count, self.first)


def aggregate(visits: Iterable[Visit]) -> VisitStats:
    rows = list(visits)

    def scopes(visit: Visit) -> list[Scope[ScopeKind]]:
        return [
            ("county", ""), ("post", visit.post), ("village", visit.village), ("officer", visit.officer),
        ]

    def by(period: Callable[[date], Period]) -> dict[Scope[ScopeKind], dict[Period, Figures]]:
        return tally(rows, lambda visit: visit.day, scopes, period, _total)

    first = min((visit.day for visit in rows), default=None)
    last = max((visit.day for visit in rows), default=None)
    return VisitStats(monthly=by(month_of), weekly=by(week_of), first=first, last=last)


def _total(visits: list[Visit]) -> Figures:
    return sum((visit.figures for visit in visits), Figures())


def period_figures(visits: Iterable[Visit], post: str | None, start: date, end: date) -> Figures:
    """Totals of one post's visits (or the county's, post=None) from start to end inclusive."""
    return _total([v for v in visits if start <= v.day <= end and (post is None or v.post == post)])


# -- reading ---------------------------------------------------------------

VISIT_LOG = Log("visits", "走访记录", VisitRow, VISIT_COLUMNS, dates=("date",), blank=("note",))


def read_visits(data_dir: Path, grid: Grid, today: date, problems: Problems) -> list[Visit]:
    """Every checked row of data/visits/*.csv and *.xlsx (problems reported, bad rows left out)."""
    return VISIT_LOG.read(data_dir, partial(_check_row, grid, today), problems)


def _check_row(grid: Grid, today: date, record: VisitRow, at: RowAt) -> Visit | None:
    ok = True
    village = grid.village_ids.resolve(record.village, at.reporter("village"))
    officer = grid.officer_ids.resolve(record.officer, at.reporter("officer"))
    if village is not None and officer is not None and officer.id not in village.officers:
        ok = False
        # The grid itself may have errors: name only the officers that exist.
        serving = "、".join(
            f"{o.name}（{o.id}）" for i in village.officers if (o := grid.officer_by_id.get(i))
        ) or "（没有）"
        at.add(
            "officer",
            f"民警{officer.name}（{officer.id}）不负责{village.name}（{village.id}）。"
            f"这个村（社区）的责任民警是：{serving}。",
        )
    if record.issues_resolved > record.issues_found:
        at.add(
            "issues_resolved",
            f"解决问题数（{record.issues_resolved}）比发现问题数（{record.issues_found}）还多，请核对。",
            "warning",
        )
    at.not_after("date", record.date, today)
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
