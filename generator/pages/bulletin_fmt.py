"""Shared helpers for report, notice and visit pages: Chinese dates and scopes.

Templates get them as ``cj`` (e.g. ``{{ cj.date(r.date) }}``) so they work in
panels rendered before this section's own pages.
"""

from __future__ import annotations

import datetime as dt
from datetime import timedelta
from typing import Any

from ..bulletin import NoticeEntry, ReportEntry
from ..county import County
from ..visits import Month, Week, week_start

# ~ characters of body text an A4 printable holds at the normal type size,
# then at the compact one; beyond that the dense type is used.
PRINT_NORMAL_CHARS = 450
PRINT_COMPACT_CHARS = 900


class Fmt:
    """Formatting for templates; bound to the county for names of posts and villages."""

    def __init__(self, county: County) -> None:
        self.county = county

    @staticmethod
    def date(day: dt.date) -> str:
        return f"{day.year}年{day.month}月{day.day}日"

    @staticmethod
    def period(start: dt.date, end: dt.date) -> str:
        if start.year == end.year:
            return f"{start.year}年{start.month}月{start.day}日至{end.month}月{end.day}日"
        return f"{Fmt.date(start)}至{Fmt.date(end)}"

    @staticmethod
    def month(month: Month) -> str:
        return f"{month[0]}年{month[1]}月"

    @staticmethod
    def week(week: Week) -> str:
        start = week_start(week)
        end = start + timedelta(days=6)
        if start.month == end.month:
            return f"{start.month}月{start.day}日—{end.day}日"
        return f"{start.month}月{start.day}日—{end.month}月{end.day}日"

    def report_scope(self, report: ReportEntry) -> str:
        if report.post is None:
            return "全县"
        post = self.county.post_by_id[report.post]
        return f"{post.township} · {post.name}"

    def notice_scope(self, notice: NoticeEntry) -> str:
        if notice.county_wide:
            return "全县"
        names = [self.county.post_by_id[p].name for p in notice.posts]
        names += [self.county.village_by_id[v].name for v in notice.villages]
        return "、".join(names)

    def notice_places(self, notice: NoticeEntry) -> list[tuple[str, str]]:
        """(name, site URL) of every post and village a notice names."""
        out = [(self.county.post_by_id[p].name, f"posts/{p}/") for p in notice.posts]
        out += [(self.county.village_by_id[v].name, f"v/{v}/") for v in notice.villages]
        return out

    def notice_validity(self, notice: NoticeEntry) -> str:
        """How long a notice is valid, whatever the build date (for feeds)."""
        return f"有效期至{self.date(notice.expires)}" if notice.expires else "长期有效"

    def notice_status(self, notice: NoticeEntry) -> str:
        """How long a notice is valid, as of the build date (for its page and the archive)."""
        if notice.expired(self.county.today) and notice.expires:
            return f"已过期（有效期至{self.date(notice.expires)}）"
        return self.notice_validity(notice)


def print_density(body: str, extra_lines: int = 0) -> str:
    """Type size class of a printable, so a longer text still fits one A4 page."""
    size = len("".join(body.split())) + 30 * extra_lines
    if size <= PRINT_NORMAL_CHARS:
        return "normal"
    if size <= PRINT_COMPACT_CHARS:
        return "compact"
    return "dense"


def context(county: County, **extra: Any) -> dict[str, Any]:
    return {"cj": Fmt(county), **extra}
