"""Published safety notices (安全提示), as the pages see them, and what is current.

A notice is published from its date on (one dated after the build date
waits). It is current while published and not past ``expires``; after that
it stays on the site, in the archive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.dates import date_text
from ..documents.entry import DocumentEntry, Documents
from ..kind import Records
from . import urls


@dataclass(frozen=True)
class NoticeEntry(DocumentEntry):
    date: dt.date
    level: str
    expires: dt.date | None

    @property
    def url(self) -> str:
        return urls.notice(self.slug)

    @property
    def print_url(self) -> str:
        return urls.notice_printable(self.slug)

    @property
    def day(self) -> dt.date:
        return self.date

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

    def current(self, today: dt.date) -> bool:
        return self.published_on <= today and not self.expired(today)

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today


NOTICES: Records[Documents[NoticeEntry]] = Records("notices")
