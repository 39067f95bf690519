"""Published work reports (工作报告), as the pages see them.

A report is published from its date on (one dated after the build date waits).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..documents.entry import DocumentEntry, Documents
from ..kind import Records
from . import urls


@dataclass(frozen=True)
class ReportEntry(DocumentEntry):
    date: dt.date
    post: str | None  # None: a county-wide report
    scope: str  # 全县, or "township · post name"
    period_from: dt.date
    period_to: dt.date
    stats: tuple[tuple[str, int | str], ...]  # (Chinese label, figure; "<3" when masked), in display order
    from_visits: bool  # figures taken from the visit log
    from_requests: bool = False  # figures taken from the request log

    @property
    def url(self) -> str:
        return urls.report(self.slug)

    @property
    def print_url(self) -> str:
        return urls.report_printable(self.slug)

    @property
    def day(self) -> dt.date:
        return self.date


REPORTS: Records[Documents[ReportEntry]] = Records("reports")
