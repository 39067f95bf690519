"""三访三评 results as the pages see them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from ..core.dates import period
from ..kind import Records


@dataclass(frozen=True)
class PostScore:
    post: str  # canonical post id
    responses: int
    satisfied: int

    @property
    def percent(self) -> float:
        return round(100 * self.satisfied / self.responses, 1)


@dataclass(frozen=True)
class EvaluationRound:
    slug: str
    start: dt.date
    end: dt.date
    by: str
    scores: tuple[PostScore, ...]  # in the grid's post order

    @property
    def label(self) -> str:
        return period(self.start, self.end)

    @property
    def short(self) -> str:
        """The period in a column header or legend: 2026年1月—6月."""
        if self.start.year == self.end.year:
            return f"{self.start.year}年{self.start.month}月—{self.end.month}月"
        return f"{self.start.year}年{self.start.month}月—{self.end.year}年{self.end.month}月"

    def of(self, post: str) -> PostScore | None:
        return self._by_post.get(post)

    @cached_property
    def _by_post(self) -> dict[str, PostScore]:
        """Each post's score (a post scored twice in a round: its first)."""
        found: dict[str, PostScore] = {}
        for score in self.scores:
            found.setdefault(score.post, score)
        return found

    @property
    def responses(self) -> int:
        return sum(s.responses for s in self.scores)

    @property
    def satisfied(self) -> int:
        return sum(s.satisfied for s in self.scores)

    @property
    def percent(self) -> float:
        return round(100 * self.satisfied / self.responses, 1) if self.responses else 0.0


EVALUATIONS: Records[tuple[EvaluationRound, ...]] = Records("evaluations")
