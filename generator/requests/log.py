"""The request log (data/requests/*.csv or *.xlsx, 五个及时): read, check, aggregate.

INTERNAL DATA. A row is one resident's dispute or request: when it was
received, where, what kind, the dates of each step and a note. None of that
may ever be published. Rows are read and checked here, turned into figures
per post and month and then dropped: the site object and the pages only ever
see RequestStats, whose counts below MASK_BELOW are shown as "<3".
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Literal

from ..core.dates import month_of
from ..core.logs import Log, LogStats, RowAt, Scope, tally
from ..core.problems import Problems
from ..directory.grid import Grid
from .schema import DATE_COLUMNS, REQUEST_COLUMNS, STEPS, RequestRow

ScopeKind = Literal["county", "post"]
# Published counts below this are shown as "<3": nobody can be recognised.
MASK_BELOW = 3
ANSWER_DAYS = 7  # 及时反馈: answered within a week
OPEN_ALARM_DAYS = 30  # the 五个及时 alarm: no answer after a month


def masked(count: int) -> str:
    """A count as published: "<3" for 1 and 2."""
    return f"<{MASK_BELOW}" if 0 < count < MASK_BELOW else f"{count:,}"


@dataclass(frozen=True)
class Request:
    """A checked row without its village and note. Private to loading: never on the site object."""

    received: date
    post: str
    reported: date | None
    handled: date | None
    resolved: date | None
    answered: date | None

    def days_to_answer(self) -> int | None:
        return None if self.answered is None else (self.answered - self.received).days


@dataclass(frozen=True)
class MonthFigures:
    """Requests received in one month (one post's or the county's), as of the build date."""

    received: int = 0
    resolved: int = 0
    answered: int = 0
    within_week: int = 0  # answered within ANSWER_DAYS days
    open_late: int = 0  # no answer yet, received more than OPEN_ALARM_DAYS days ago
    median_days: float | None = None  # received -> answered, over the answered ones

    @property
    def safe(self) -> bool:
        """Whether figures derived from single requests (median, share) may be published."""
        return self.received >= MASK_BELOW

    @property
    def median_text(self) -> str:
        if self.median_days is None or self.answered < MASK_BELOW:
            return "—"
        return f"{self.median_days:g} 天"

    @property
    def share_within_week(self) -> int | None:
        """Percent answered within a week, when enough requests were received."""
        if not self.safe:
            return None
        return round(100 * self.within_week / self.received)

    @property
    def share_text(self) -> str:
        share = self.share_within_week
        return "—" if share is None else f"{share}%"


@dataclass
class RequestStats(LogStats[ScopeKind, MonthFigures]):
    """Aggregated request figures: the only part of the log that is published."""

    open_late: dict[str, int] = field(default_factory=dict)  # post id -> requests over 30 days unanswered

    def empty(self) -> MonthFigures:
        return MonthFigures()


def _figures(requests: list[Request], today: date) -> MonthFigures:
    days = [d for r in requests if (d := r.days_to_answer()) is not None]
    return MonthFigures(
        received=len(requests),
        resolved=sum(1 for r in requests if r.resolved is not None),
        answered=len(days),
        within_week=sum(1 for d in days if d <= ANSWER_DAYS),
        open_late=sum(1 for r in requests if r.answered is None and (today - r.received).days > OPEN_ALARM_DAYS),
        median_days=statistics.median(days) if days else None,
    )


def aggregate(requests: Iterable[Request], today: date) -> RequestStats:
    rows = list(requests)

    def scopes(request: Request) -> list[Scope[ScopeKind]]:
        return [("county", ""), ("post", request.post)]

    monthly = tally(
        rows, lambda request: request.received, scopes, month_of, lambda group: _figures(group, today)
    )
    open_late = {
        key: total for (kind, key), months in monthly.items()
        if kind == "post" and (total := sum(f.open_late for f in months.values()))
    }
    first = min((request.received for request in rows), default=None)
    return RequestStats(monthly=monthly, open_late=open_late, first=first)


@dataclass(frozen=True)
class PeriodFigures:
    """受理、化解、反馈 within a period (a report's), each step counted on its own date."""

    received: int
    resolved: int
    answered: int


def period_figures(requests: Iterable[Request], post: str | None, start: date, end: date) -> PeriodFigures:
    mine = [r for r in requests if post is None or r.post == post]

    def within(day: date | None) -> bool:
        return day is not None and start <= day <= end

    return PeriodFigures(
        received=sum(1 for r in mine if within(r.received)),
        resolved=sum(1 for r in mine if within(r.resolved)),
        answered=sum(1 for r in mine if within(r.answered)),
    )


def alarm(stats: RequestStats, grid: Grid, problems: Problems) -> None:
    """The 五个及时 alarm: per post, how many requests have had no answer for a month (counts only)."""
    for post_id, count in sorted(stats.open_late.items()):
        post = grid.post_by_id.get(post_id)
        name = f"{post.name}（{post_id}）" if post else post_id
        problems.add(
            "data/requests", None, None,
            f"{name}有 {count} 件群众诉求受理超过 {OPEN_ALARM_DAYS} 天仍未反馈（五个及时：及时反馈），"
            "请督促办理并在台账里填上反馈日期。",
            "warning",
        )


# -- reading ---------------------------------------------------------------

# Empty cells are steps not reached yet (or no village, no note).
REQUEST_LOG = Log(
    "requests", "群众诉求台账", RequestRow, REQUEST_COLUMNS, dates=DATE_COLUMNS, blank=REQUEST_COLUMNS,
)


def read_requests(data_dir: Path, grid: Grid, today: date, problems: Problems) -> list[Request]:
    """Every checked row of data/requests/*.csv and *.xlsx (problems reported, bad rows left out)."""
    return REQUEST_LOG.read(data_dir, partial(_check_row, grid, today), problems)


def _check_row(grid: Grid, today: date, record: RequestRow, at: RowAt) -> Request | None:
    post = grid.post_ids.resolve(record.post, at.reporter("post"))
    ok = post is not None
    if record.village is not None:
        village = grid.village_ids.resolve(record.village, at.reporter("village"))
        ok = ok and village is not None
        if post is not None and village is not None and grid.post_of_village[village.id].id != post.id:
            ok = False
            at.add(
                "village",
                f"{village.name}（{village.id}）不归{post.name}（{post.id}）管，"
                f"归{grid.post_of_village[village.id].name}。请核对警务室或村（社区）编号。",
            )
    for step, name in STEPS.items():
        day: date | None = getattr(record, step)
        if day is not None and day < record.received:
            ok = False
            at.add(step, f"{name}日期 {day.isoformat()} 早于受理日期 {record.received.isoformat()}，请核对。")
    for step in ("received", *STEPS):
        at.not_after(step, getattr(record, step), today)
    if not ok or post is None:
        return None
    return Request(
        received=record.received,
        post=post.id,
        reported=record.reported,
        handled=record.handled,
        resolved=record.resolved,
        answered=record.answered,
    )
