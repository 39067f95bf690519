"""Published 立项整改 items, as the pages see them.

An item is published from the day it was raised (one raised after the build
date waits); its date in lists and feeds is the day it was done, else raised.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..directory.schema import Post, Village
from . import urls
from .schema import STATUS_ORDER


@dataclass(frozen=True)
class ActionEntry:
    slug: str
    title: str
    raised: dt.date
    source: str
    status: str
    done: dt.date | None
    posts: tuple[str, ...]  # canonical ids, including the posts of the villages named
    villages: tuple[str, ...]
    townships: tuple[str, ...]
    places: tuple[tuple[str, str], ...]  # (name, site URL) of every post and village named
    body: str  # Markdown

    @property
    def url(self) -> str:
        return urls.action(self.slug)

    @property
    def day(self) -> dt.date:
        """The latest news of the item: done, else raised."""
        return self.done or self.raised

    @property
    def scope(self) -> str:
        return "、".join(name for name, _ in self.places)

    def concerns_post(self, post: Post) -> bool:
        return post.id in self.posts

    def concerns_village(self, village: Village, post: Post) -> bool:
        """Named for the village, or for its post as a whole."""
        return village.id in self.villages or (post.id in self.posts and not self.villages)


def published_actions(actions: tuple[ActionEntry, ...], today: dt.date) -> list[ActionEntry]:
    """Raised up to the build date, latest news first."""
    return [a for a in actions if a.raised <= today]


def by_status(actions: list[ActionEntry]) -> list[tuple[str, list[ActionEntry]]]:
    return [(s, [a for a in actions if a.status == s]) for s in STATUS_ORDER]
