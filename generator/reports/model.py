"""Published work reports (工作报告), as the pages see them.

A report is published from its date on (one dated after the build date waits).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import urls


@dataclass(frozen=True)
class ReportEntry:
    slug: str
    title: str
    date: dt.date
    post: str | None  # None: a county-wide report
    scope: str  # 全县, or "township · post name"
    period_from: dt.date
    period_to: dt.date
    stats: tuple[tuple[str, int | str], ...]  # (Chinese label, figure; "<3" when masked), in display order
    from_visits: bool  # figures taken from the visit log
    body: str  # Markdown
    from_requests: bool = False  # figures taken from the request log

    @property
    def url(self) -> str:
        return urls.report(self.slug)

    @property
    def print_url(self) -> str:
        return urls.report_printable(self.slug)


def published_reports(
    reports: tuple[ReportEntry, ...], today: dt.date, post: str | None = None
) -> list[ReportEntry]:
    """Reports dated up to the build date, newest first (optionally one post's)."""
    return [r for r in reports if r.date <= today and (post is None or r.post == post)]
