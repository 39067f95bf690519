"""The grid (一村一警): posts, the villages each serves, their officers and
staff, joined into one read-only object with the lookups every page needs.

Built once from the checked post files and never changed afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..core.documents import report_at
from ..core.ids import Ids
from ..core.pinyin import slugs, sort_key
from ..core.problems import Problems
from ..core.yamlio import Document
from .schema import Officer, Post, Staff, Village


@dataclass(frozen=True, eq=False)
class Grid:
    posts: tuple[Post, ...]  # ordered by township, station and name (pinyin)
    # Ids written in post files that failed to load: their problems are
    # already reported, so other kinds do not report them again.
    unchecked: frozenset[str] = frozenset()
    # Phone numbers (digits) written in post files that failed to load: the
    # editor meant to publish them, so the personal-data guard accepts them.
    unchecked_phones: frozenset[str] = frozenset()
    # The roster is data/名册.xlsx (else the post files): messages name it so.
    workbook: bool = False
    post_by_id: dict[str, Post] = field(init=False)
    village_by_id: dict[str, Village] = field(init=False)
    officer_by_id: dict[str, Officer] = field(init=False)
    post_of_village: dict[str, Post] = field(init=False)
    post_of_officer: dict[str, Post] = field(init=False)
    alias_of: dict[str, Village] = field(init=False)
    by_township: dict[str, tuple[Post, ...]] = field(init=False)  # in grid order
    # A URL slug for each township, from its pinyin (中枢镇 -> zhongshuzhen); a
    # second township with the same pinyin gets -2, and so on (pinyin order).
    township_slugs: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        posts = tuple(sorted(
            self.posts, key=lambda p: (sort_key(p.township), sort_key(p.station), sort_key(p.name))
        ))
        village_by_id: dict[str, Village] = {}
        officer_by_id: dict[str, Officer] = {}
        post_of_village: dict[str, Post] = {}
        post_of_officer: dict[str, Post] = {}
        alias_of: dict[str, Village] = {}
        for post in posts:
            for village in post.villages:
                village_by_id[village.id] = village
                post_of_village[village.id] = post
                for alias in village.aliases:
                    alias_of[alias] = village
            for officer in post.officers:
                officer_by_id[officer.id] = officer
                post_of_officer[officer.id] = post
        set_ = object.__setattr__
        set_(self, "posts", posts)
        set_(self, "post_by_id", {p.id: p for p in posts})
        set_(self, "village_by_id", village_by_id)
        set_(self, "officer_by_id", officer_by_id)
        set_(self, "post_of_village", post_of_village)
        set_(self, "post_of_officer", post_of_officer)
        set_(self, "alias_of", alias_of)
        by_township: dict[str, list[Post]] = {}
        for post in posts:
            by_township.setdefault(post.township, []).append(post)
        set_(self, "by_township", {t: tuple(ps) for t, ps in by_township.items()})
        set_(self, "township_slugs", slugs(by_township))

    # -- the one way other kinds resolve the ids editors write --------------
    def _defined_in(self, sheet: str) -> str:
        return f"名册.xlsx“{sheet}”工作表“编号”列里" if self.workbook else "posts 文件夹里"

    @property
    def post_ids(self) -> Ids[Post]:
        return Ids("警务室", self.post_by_id, unchecked=self.unchecked, defined_in=self._defined_in("警务室"))

    @property
    def village_ids(self) -> Ids[Village]:
        return Ids(
            "村（社区）", self.village_by_id, self.alias_of, unchecked=self.unchecked,
            defined_in=self._defined_in("村（社区）"),
        )

    @property
    def officer_ids(self) -> Ids[Officer]:
        return Ids("民警", self.officer_by_id, unchecked=self.unchecked, defined_in=self._defined_in("民警"))

    # -- walking the grid ------------------------------------------------
    @property
    def villages(self) -> list[Village]:
        return [v for p in self.posts for v in p.villages]

    @property
    def officers(self) -> list[Officer]:
        return [o for p in self.posts for o in p.officers]

    @property
    def staff(self) -> list[Staff]:
        return [s for p in self.posts for s in p.staff]

    @property
    def population(self) -> int:
        return sum(v.population for v in self.villages)

    def townships(self) -> list[str]:
        return list(self.by_township)  # posts are ordered by township (pinyin)

    def stations(self, township: str) -> list[str]:
        return sorted({p.station for p in self.posts_in(township)}, key=sort_key)

    def posts_in(self, township: str, station: str | None = None) -> list[Post]:
        return [p for p in self.by_township.get(township, ()) if station is None or p.station == station]

    def villages_in(self, township: str) -> list[Village]:
        """A township's villages, ordered by pinyin (as residents look them up)."""
        found = [v for p in self.posts_in(township) for v in p.villages]
        return sorted(found, key=lambda v: sort_key(v.name))

    def officers_of(self, village: Village) -> list[Officer]:
        return [self.officer_by_id[i] for i in village.officers]

    def villages_of(self, officer: Officer) -> list[Village]:
        post = self.post_of_officer[officer.id]
        return [v for v in post.villages if officer.id in v.officers]

    def staff_of(self, village: Village) -> list[Staff]:
        """Staff working in a village: those naming it, or serving the whole post."""
        post = self.post_of_village[village.id]
        return [s for s in post.staff if not s.villages or village.id in s.villages]

    def contacts_for(
        self, post_ids: Iterable[str], village_ids: Iterable[str], limit: int = 4,
    ) -> list[tuple[Officer, Post]]:
        """The officers to call about something naming these villages and posts: each
        named village's officers, and every officer of a named post; none when they
        are more than ``limit`` (then the page offers the resident's own officer)."""
        found: dict[str, tuple[Officer, Post]] = {}
        for village_id in village_ids:
            post = self.post_of_village[village_id]
            for officer in self.officers_of(self.village_by_id[village_id]):
                found.setdefault(officer.id, (officer, post))
        for post_id in post_ids:
            post = self.post_by_id[post_id]
            for officer in post.officers:
                found.setdefault(officer.id, (officer, post))
        return list(found.values()) if len(found) <= limit else []

    def iter_villages(self) -> Iterator[tuple[Post, Village]]:
        for post in self.posts:
            for village in post.villages:
                yield post, village

    def published_numbers(self) -> set[str]:
        """Every phone number the grid publishes (posts, officers, staff)."""
        numbers = {p.phone for p in self.posts}
        numbers |= {o.phone for o in self.officers}
        numbers |= {s.phone for s in self.staff}
        return numbers | self.unchecked_phones



def resolve_places(
    grid: Grid, doc: Document, posts: list[str], villages: list[str], problems: Problems
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Post and village ids, checked; former village ids (aliases) resolve to current ones."""
    return (
        grid.post_ids.resolve_all(
            posts, lambda i, message: report_at(problems, doc, ("posts", i), message), key=lambda p: p.id
        ),
        grid.village_ids.resolve_all(
            villages, lambda i, message: report_at(problems, doc, ("villages", i), message), key=lambda v: v.id
        ),
    )


def post_scope(post_id: str) -> str:
    """The scope key of the pages and files that show one post's data (core.reuse)."""
    return f"directory:post:{post_id}"


def _shape(grid: Grid) -> object:
    """What pages of one post may read of the others: which posts there are, where
    each is and what it serves (ids), the townships' addresses."""
    return (
        sorted((p.id, p.township, p.station, [v.id for v in p.villages], [o.id for o in p.officers])
               for p in grid.posts),
        grid.township_slugs, {alias: v.id for alias, v in grid.alias_of.items()}, grid.unchecked, grid.unchecked_phones, grid.workbook,
    )


def post_changes(before: Grid, now: Grid) -> frozenset[str] | None:
    """The scope keys of the posts whose data differs (None: the grid's shape changed)."""
    if _shape(before) != _shape(now):
        return None
    return frozenset(post_scope(p.id) for p in now.posts if p != before.post_by_id[p.id])
