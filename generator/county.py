"""The county model: validated records joined into one navigable object.

Pages are made from this object only; it knows nothing about files, YAML or
MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .agenda import Attachment, Entry
from .bulletin import NoticeEntry, ReportEntry
from .pinyin import sort_key
from .problems import Problem
from .schema import Officer, Post, SiteConfig, Staff, Village
from .schema.event import Event
from .schema.lecture import Lecture
from .visits import VisitStats


@dataclass
class County:
    site: SiteConfig
    posts: list[Post]
    data_dir: Path
    today: date
    # Ids written in post files that failed to load: their problems are
    # already reported, so other sections do not report them again.
    unchecked_ids: set[str] = field(default_factory=set)
    post_by_id: dict[str, Post] = field(init=False)
    village_by_id: dict[str, Village] = field(init=False)
    officer_by_id: dict[str, Officer] = field(init=False)
    post_of_village: dict[str, Post] = field(init=False)
    post_of_officer: dict[str, Post] = field(init=False)
    alias_of: dict[str, Village] = field(init=False)
    warnings: list[Problem] = field(default_factory=list)

    # -- content sections add their records below, each in its own block --

    # reports, notices and visit statistics (issue 4)
    reports: list[ReportEntry] = field(default_factory=list)  # newest first
    notices: list[NoticeEntry] = field(default_factory=list)  # newest first
    visit_stats: VisitStats = field(default_factory=VisitStats)  # aggregates only, never rows

    # lectures and events (issue 5)
    lectures: list[Lecture] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attachments: dict[str, Attachment] = field(default_factory=dict)  # by data/ path
    agenda: list[Entry] = field(default_factory=list)  # events, timed lectures, reception

    def __post_init__(self) -> None:
        self.posts = sorted(
            self.posts, key=lambda p: (sort_key(p.township), sort_key(p.station), sort_key(p.name))
        )
        self.post_by_id = {p.id: p for p in self.posts}
        self.village_by_id = {}
        self.officer_by_id = {}
        self.post_of_village = {}
        self.post_of_officer = {}
        self.alias_of = {}
        for post in self.posts:
            for village in post.villages:
                self.village_by_id[village.id] = village
                self.post_of_village[village.id] = post
                for alias in village.aliases:
                    self.alias_of[alias] = village
            for officer in post.officers:
                self.officer_by_id[officer.id] = officer
                self.post_of_officer[officer.id] = post

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
        return sorted({p.township for p in self.posts}, key=sort_key)

    def stations(self, township: str) -> list[str]:
        return sorted({p.station for p in self.posts if p.township == township}, key=sort_key)

    def posts_in(self, township: str, station: str | None = None) -> list[Post]:
        return [
            p for p in self.posts
            if p.township == township and (station is None or p.station == station)
        ]

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

    def iter_villages(self) -> Iterator[tuple[Post, Village]]:
        for post in self.posts:
            for village in post.villages:
                yield post, village
