"""Published safety notices (安全提示), as the pages see them, and what is current.

A notice is published from its date on (one dated after the build date
waits). It is current while published and not past ``expires``; after that
it stays on the site, in the archive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.dates import date_text
from ..directory.schema import Post, Village
from . import urls


@dataclass(frozen=True)
class NoticeEntry:
    slug: str
    title: str
    date: dt.date
    level: str
    posts: tuple[str, ...]
    villages: tuple[str, ...]  # canonical ids (aliases resolved)
    places: tuple[tuple[str, str], ...]  # (name, site URL) of every post and village named
    expires: dt.date | None
    body: str  # Markdown

    @property
    def url(self) -> str:
        return urls.notice(self.slug)

    @property
    def print_url(self) -> str:
        return urls.notice_printable(self.slug)

    @property
    def county_wide(self) -> bool:
        return not self.posts and not self.villages

    @property
    def scope(self) -> str:
        return "、".join(name for name, _ in self.places) if self.places else "全县"

    @property
    def validity(self) -> str:
        """How long a notice is valid, whatever the build date (for feeds)."""
        return f"有效期至{date_text(self.expires)}" if self.expires else "长期有效"

    def status(self, today: dt.date) -> str:
        """How long a notice is valid, as of the build date (for its page and the archive)."""
        if self.expired(today) and self.expires:
            return f"已过期（有效期至{date_text(self.expires)}）"
        return self.validity

    def published(self, today: dt.date) -> bool:
        return self.date <= today

    def current(self, today: dt.date) -> bool:
        return self.published(today) and (self.expires is None or self.expires >= today)

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def concerns_post(self, post: Post) -> bool:
        """For the whole county, for the post, or for one of its villages."""
        return (
            self.county_wide
            or post.id in self.posts
            or any(v.id in self.villages for v in post.villages)
        )

    def concerns_village(self, village: Village, post: Post) -> bool:
        """For the whole county, for the village, or for the village's post (``post``)."""
        return self.county_wide or village.id in self.villages or post.id in self.posts


def published_notices(notices: tuple[NoticeEntry, ...], today: dt.date) -> list[NoticeEntry]:
    return [n for n in notices if n.published(today)]


def current_notices(notices: tuple[NoticeEntry, ...], today: dt.date) -> list[NoticeEntry]:
    return [n for n in notices if n.current(today)]


def expired_notices(notices: tuple[NoticeEntry, ...], today: dt.date) -> list[NoticeEntry]:
    return [n for n in published_notices(notices, today) if not n.current(today)]
