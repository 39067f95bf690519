"""The entry every dated document shares, the one place rule, and the
published documents with their indexes by post and village.

The place rule: a document that names no place is county-wide and concerns
every post and village. Otherwise it concerns a post when it names the post
or one of its villages, and a village when it names the village, or names
the village's post without naming any village of that post.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from markupsafe import Markup

from ..core.markup import render_body
from ..directory.grid import Grid, post_scope
from ..directory.schema import Post, Village


@dataclass(frozen=True)
class DocumentEntry:
    slug: str  # the file name, part of the page's address
    title: str
    posts: tuple[str, ...]  # posts named (canonical ids)
    villages: tuple[str, ...]  # villages named (canonical ids, former ids resolved)
    places: tuple[tuple[str, str], ...]  # (name, site URL) of every post and village named
    body: str  # Markdown; from a Word document, sanitised HTML (Markup, see core.markup.render_body)

    @cached_property
    def html(self) -> Markup:
        """The body as its page and its feed entry show it, rendered once."""
        return render_body(self.body, self.url)

    @property
    def url(self) -> str:
        raise NotImplementedError

    @property
    def day(self) -> dt.date:
        """The date it is listed and fed under (newest first)."""
        raise NotImplementedError

    @property
    def published_on(self) -> dt.date:
        """The first build date on which it is published."""
        return self.day

    @property
    def county_wide(self) -> bool:
        return not self.posts and not self.villages

    def concerns_village(self, village: Village, post: Post) -> bool:
        """``post`` is the village's post."""
        if self.county_wide or village.id in self.villages:
            return True
        return post.id in self.posts and not any(v.id in self.villages for v in post.villages)


E = TypeVar("E", bound=DocumentEntry)


def newest_first(entries: Iterable[E]) -> tuple[E, ...]:
    """By date, newest first; the same day by file name, so the order never
    depends on the file system."""
    return tuple(sorted(entries, key=lambda e: (-e.day.toordinal(), e.slug)))


class Documents(Generic[E]):
    """A kind's documents: all of them, those published by the build date
    (newest first), and the published ones by post and village, indexed once."""

    def __init__(
        self, entries: Sequence[E], grid: Grid, today: dt.date,
        media: Mapping[str, Mapping[str, bytes]] | None = None,
    ) -> None:
        self.all = newest_first(entries)
        self.published = tuple(e for e in self.all if e.published_on <= today)
        # The pictures of Word documents by slug: site path -> bytes.
        self.media = dict(media or {})
        self._county: list[tuple[int, E]] = []
        self._post: dict[str, list[tuple[int, E]]] = {}
        self._village: dict[str, list[tuple[int, E]]] = {}
        for n, entry in enumerate(self.published):
            if entry.county_wide:
                self._county.append((n, entry))
                continue
            # The posts it concerns: those it names and those of the villages it names.
            posts = {p: grid.post_by_id[p] for p in entry.posts}
            posts |= {grid.post_of_village[v].id: grid.post_of_village[v] for v in entry.villages}
            for post in posts.values():
                self._post.setdefault(post.id, []).append((n, entry))
                for village in post.villages:
                    if entry.concerns_village(village, post):
                        self._village.setdefault(village.id, []).append((n, entry))

    def _value(self) -> tuple[object, ...]:
        return (self.all, self.published, self.media, self._county, self._post, self._village)

    def __eq__(self, other: object) -> bool:
        # Two loads of the same documents over grids of the same shape are equal
        # (core.reuse): the indexes hold post and village ids, not the grid.
        return isinstance(other, Documents) and self._value() == other._value()

    __hash__ = None  # type: ignore[assignment]

    def shown_at(self, post: Post) -> object:
        """What the post's and its villages' pages may show of these documents,
        county-wide ones apart (see changes)."""
        return (
            [e for _, e in self._post.get(post.id, [])],
            [[e for _, e in self._village.get(v.id, [])] for v in post.villages],
        )

    def changes(self, before: Documents[E], grid: Grid) -> frozenset[str] | None:
        """The posts whose pages show documents that differ from ``before``'s (a
        rebuild, see core.reuse); None when a county-wide one or a picture did."""
        if self.media != before.media or [e for _, e in self._county] != [e for _, e in before._county]:
            return None
        return frozenset(post_scope(p.id) for p in grid.posts if self.shown_at(p) != before.shown_at(p))

    def published_media(self) -> dict[str, bytes]:
        """The pictures of the published documents (not yet published: not yet out), by site path."""
        found = {name: data for e in self.published for name, data in self.media.get(e.slug, {}).items()}
        return dict(sorted(found.items()))

    def __iter__(self) -> Iterator[E]:
        return iter(self.published)

    def __len__(self) -> int:
        return len(self.published)

    @staticmethod
    def _merged(*lists: list[tuple[int, E]]) -> list[E]:
        return [entry for _, entry in heapq.merge(*lists, key=lambda item: item[0])]

    def of_post(self, post: Post, county_wide: bool = True) -> list[E]:
        """Published documents that concern the post (newest first); with
        ``county_wide=False``, only those naming the post or its villages."""
        own = self._post.get(post.id, [])
        return self._merged(self._county, own) if county_wide else self._merged(own)

    def of_village(self, village: Village, county_wide: bool = True) -> list[E]:
        own = self._village.get(village.id, [])
        return self._merged(self._county, own) if county_wide else self._merged(own)
