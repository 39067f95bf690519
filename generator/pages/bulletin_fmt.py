"""Shared helpers for report, notice and visit pages: Chinese dates and scopes.

Templates get them as ``cj`` (e.g. ``{{ cj.date(r.date) }}``) so they work in
panels rendered before this section's own pages.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from ..bulletin import NoticeEntry, ReportEntry
from ..county import County
from ..visits import Month, Week, week_start


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

    def month_short(self, month: Month) -> str:
        """A month in a column header: without the year when it is this year."""
        return f"{month[1]}月" if month[0] == self.county.today.year else self.month(month)

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


@dataclass(frozen=True)
class TypeSize:
    """One step of the printables' type scale (matches assets/print-bulletin.css)."""

    name: str
    body_pt: float
    line: float  # line-height
    title_pt: float


# Largest first; the first whose estimated height fits the page is used.
TYPE_SIZES = (
    TypeSize("normal", 14, 1.55, 26),
    TypeSize("compact", 12, 1.5, 22),
    TypeSize("dense", 10, 1.42, 18),
    TypeSize("tight", 9, 1.35, 16),
)
_MM_PER_PT = 25.4 / 72
_PAGE_WIDTH_MM = 186  # A4 less 12 mm margins
_PAGE_HEIGHT_MM = 273
_SAFETY = 0.92  # estimates are rough: keep some room


def _width(text: str) -> float:
    """Width of a line of text in em: CJK characters are 1 em, Latin about half."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    plain = re.sub(r"[*_`>#]", "", plain).strip()
    return sum(1.0 if ord(c) > 0x2E7F else 0.55 for c in plain)


def _lines(text: str, size_pt: float, indent_em: float = 0) -> int:
    per_line = _PAGE_WIDTH_MM / (size_pt * _MM_PER_PT) - indent_em
    return max(1, math.ceil(_width(text) / per_line))


def _height_mm(
    size: TypeSize, title: str, body: str, stats: int, contact_lines: int, extra_mm: float
) -> float:
    em = size.body_pt * _MM_PER_PT
    line = em * size.line
    height = 8 + 2 * 11 * _MM_PER_PT * 1.55 + 4 + extra_mm  # sample label, from/meta lines, rule
    height += _lines(title, size.title_pt) * size.title_pt * _MM_PER_PT * 1.25 + size.title_pt * _MM_PER_PT * 0.35
    if stats:
        height += math.ceil(stats / 4) * (em * 3.2 + 4) + line  # boxes and the note under them
    for block in re.split(r"\n\s*\n", body.strip()):
        rows = [r for r in block.split("\n") if r.strip()]
        if not rows:
            continue
        if rows[0].lstrip().startswith("#"):
            height += em * 1.2 * 1.25 + em * 0.8
        elif re.match(r"\s*([-*+]|\d+\.)\s", rows[0]):
            height += sum(_lines(r, size.body_pt, 2) for r in rows) * line + em * 0.6
        else:
            height += _lines("".join(rows), size.body_pt) * line + em * 0.6
    foot_lines = 3 + contact_lines  # scan hint, address, emergency, contacts
    height += max(36.0, foot_lines * line) + 8
    return height


def print_density(
    title: str, body: str, stats: int = 0, contact_lines: int = 0, extra_mm: float = 0
) -> str:
    """The largest type size at which a printable should still fit one A4 page.

    ``stats``: number of figure boxes; ``contact_lines``: lines in the foot
    besides the QR hint; ``extra_mm``: anything else (a notice's level label).
    """
    for size in TYPE_SIZES:
        estimate = _height_mm(size, title, body, stats, contact_lines, extra_mm)
        if estimate <= _PAGE_HEIGHT_MM * _SAFETY:
            return size.name
    return TYPE_SIZES[-1].name


def context(county: County, **extra: Any) -> dict[str, Any]:
    return {"cj": Fmt(county), **extra}
