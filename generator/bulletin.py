"""Published reports and notices, as the pages see them, and what is current.

A report or notice is published from its date on (one dated after the build
date waits). A notice is current while published and not past ``expires``;
after that it stays on the site, in the archive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .county import County
    from .schema import Post, Village


@dataclass(frozen=True)
class ReportEntry:
    slug: str
    title: str
    date: dt.date
    post: str | None  # None: a county-wide report
    period_from: dt.date
    period_to: dt.date
    stats: tuple[tuple[str, int], ...]  # (Chinese label, figure), in display order
    from_visits: bool  # figures taken from the visit log
    body: str  # Markdown

    @property
    def url(self) -> str:
        return f"reports/{self.slug}/"

    @property
    def print_url(self) -> str:
        return f"print/reports/{self.slug}/"


@dataclass(frozen=True)
class NoticeEntry:
    slug: str
    title: str
    date: dt.date
    level: str
    posts: tuple[str, ...]
    villages: tuple[str, ...]  # canonical ids (aliases resolved)
    expires: dt.date | None
    body: str  # Markdown

    @property
    def url(self) -> str:
        return f"notices/{self.slug}/"

    @property
    def print_url(self) -> str:
        return f"print/notices/{self.slug}/"

    @property
    def county_wide(self) -> bool:
        return not self.posts and not self.villages

    def published(self, today: dt.date) -> bool:
        return self.date <= today

    def current(self, today: dt.date) -> bool:
        return self.published(today) and (self.expires is None or self.expires >= today)

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today


def published_reports(county: County, post: str | None = None) -> list[ReportEntry]:
    """Reports dated up to the build date, newest first (optionally one post's)."""
    return [
        r for r in county.reports
        if r.date <= county.today and (post is None or r.post == post)
    ]


def published_notices(county: County) -> list[NoticeEntry]:
    return [n for n in county.notices if n.published(county.today)]


def current_notices(county: County) -> list[NoticeEntry]:
    return [n for n in county.notices if n.current(county.today)]


def expired_notices(county: County) -> list[NoticeEntry]:
    return [n for n in published_notices(county) if not n.current(county.today)]


def concerns_post(notice: NoticeEntry, county: County, post: Post) -> bool:
    """A notice for the whole county, for the post, or for one of its villages."""
    return (
        notice.county_wide
        or post.id in notice.posts
        or any(v.id in notice.villages for v in post.villages)
    )


def concerns_village(notice: NoticeEntry, county: County, village: Village) -> bool:
    """A notice for the whole county, for the village, or for the village's post."""
    return (
        notice.county_wide
        or village.id in notice.villages
        or county.post_of_village[village.id].id in notice.posts
    )
