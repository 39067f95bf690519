"""Published 立项整改 items, as the pages see them.

An item is published from the day it was raised (one raised after the build
date waits); its date in lists and feeds is the day it was done, else raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..documents.entry import DocumentEntry, Documents
from ..kind import Records
from . import urls
from .schema import STATUS_ORDER


@dataclass(frozen=True)
class ActionEntry(DocumentEntry):
    raised: dt.date
    source: str
    status: str
    done: dt.date | None
    townships: tuple[str, ...]  # of the posts named and of the villages named

    @property
    def url(self) -> str:
        return urls.action(self.slug)

    @property
    def day(self) -> dt.date:
        """The latest news of the item: done, else raised."""
        return self.done or self.raised

    @property
    def published_on(self) -> dt.date:
        return self.raised

    @property
    def scope(self) -> str:
        return "、".join(name for name, _ in self.places)


ACTIONS: Records[Documents[ActionEntry]] = Records("actions")


def by_status(actions: Sequence[ActionEntry]) -> list[tuple[str, list[ActionEntry]]]:
    return [(s, [a for a in actions if a.status == s]) for s in STATUS_ORDER]
