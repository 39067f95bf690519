"""The lookup index: who can be found by which key, and how results rank.

A *term* is a name a resident may type: a village or community, one of its
村民小组/小区, its township, its post or one of its officers. Each term points
to the villages it finds. Each key (see keys.py) points to terms.

Ranking (``search``; find.js does exactly the same on a shard): a village's
best match wins -- exact before prefix before contains, then the kind of
name (village before group before officer before post before township),
then the village's place in pinyin order.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from ..core.phones import tel_href
from ..core.pinyin import sort_key
from ..directory.grid import Grid
from ..directory.schema import Officer
from .keys import FULL, INNER, term_keys

# Results shown for one query; also the most terms one key and the most
# villages one term keep, so no key or term can outgrow a shard.
LIMIT = 40

# Kinds of term, in ranking order. Labels are what find.js shows.
KINDS = ("v", "g", "q", "o", "p", "t")  # village, 村民小组, 小区, officer, post, township
# Posts and townships are found by their whole name (or its start) only:
# "contains" on them would repeat the village names or match every 镇.
WHOLE_ONLY = ("p", "t")
KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}
EXACT, PREFIX, CONTAINS = 0, 1, 2


@dataclass(frozen=True)
class VillageRecord:
    order: int  # place in pinyin order: the last tie-breaker
    id: str
    name: str
    township: str
    post: str
    officers: tuple[str, ...]  # keys of Index.officers
    county: str = ""  # a province's index: the county's id ("" in a county's own)


@dataclass(frozen=True)
class OfficerRecord:
    id: str
    name: str
    phone: str
    tel: str
    photo: str  # site-relative URL; "" for the default picture
    county: str = ""


@dataclass(frozen=True)
class Entry:
    """A village as the index takes it: from a county's grid, or from a
    county's export when a province indexes all its counties."""

    id: str
    name: str
    community: bool
    groups: tuple[str, ...]
    township: str
    post: str
    officers: tuple[str, ...]  # keys of the officers given with the entries
    county: str = ""


@dataclass(frozen=True)
class Term:
    kind: str
    text: str
    villages: tuple[int, ...]  # village orders, best first, at most LIMIT


@dataclass
class Index:
    villages: list[VillageRecord]
    officers: dict[str, OfficerRecord]
    terms: list[Term]
    # key -> [(term number, FULL/INNER)], best first, at most LIMIT
    postings: dict[str, list[tuple[int, int]]]
    counties: dict[str, str] = field(default_factory=dict)  # a province's: id -> name
    keys: list[str] = field(init=False)  # sorted, for prefix ranges
    officer_order: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.keys = sorted(self.postings)
        self.officer_order = {o: i for i, o in enumerate(self.officers)}

    def keys_from(self, prefix: str) -> list[str]:
        """Keys starting with ``prefix`` (all keys for the empty prefix)."""
        start = bisect.bisect_left(self.keys, prefix)
        end = start
        while end < len(self.keys) and self.keys[end].startswith(prefix):
            end += 1
        return self.keys[start:end]


def entries_of(grid: Grid) -> list[Entry]:
    return [
        Entry(
            id=v.id, name=v.name, community=v.kind == "社区", groups=tuple(v.groups), township=p.township,
            post=p.name, officers=tuple(v.officers),
        )
        for p, v in grid.iter_villages()
    ]


def officers_of(grid: Grid, photo_of: Callable[[Officer], str | None]) -> dict[str, OfficerRecord]:
    return {
        o.id: OfficerRecord(id=o.id, name=o.name, phone=o.phone, tel=tel_href(o.phone), photo=photo_of(o) or "")
        for o in grid.officers
    }


def build_index(
    grid: Grid, photo_of: Callable[[Officer], str | None],
    keys_of: Callable[[str], dict[str, int]] = term_keys,
) -> Index:
    """The lookup index of a grid. ``photo_of`` gives an officer's photo URL or None."""
    return index_of(entries_of(grid), officers_of(grid, photo_of), keys_of=keys_of)


def index_of(
    entries: list[Entry], officers: dict[str, OfficerRecord], counties: dict[str, str] | None = None,
    keys_of: Callable[[str], dict[str, int]] = term_keys,
) -> Index:
    """The lookup index of villages (a county's, or every county's of a province);
    ``keys_of``: term_keys, or one that remembers them (see find.pages)."""
    ordered = sorted(entries, key=lambda e: (sort_key(e.name), sort_key(e.township), e.county, e.id))
    villages = [
        VillageRecord(
            order=i, id=e.id, name=e.name, township=e.township, post=e.post, officers=e.officers, county=e.county,
        )
        for i, e in enumerate(ordered)
    ]
    of_post: dict[tuple[str, str], list[int]] = {}
    for i, e in enumerate(ordered):
        of_post.setdefault((e.county, e.post), []).append(i)

    found: dict[tuple[str, str], set[int]] = {}

    def add(kind: str, text: str, orders: list[int]) -> None:
        found.setdefault((kind, text), set()).update(orders)

    for i, e in enumerate(ordered):
        add("v", e.name, [i])
        for group in e.groups:
            add("q" if e.community else "g", group, [i])
        add("p", e.post, of_post[(e.county, e.post)])
        add("t", e.township, [i])
        for officer in e.officers:
            add("o", officers[officer].name, [i])

    terms = [
        Term(kind, text, tuple(sorted(ids)[:LIMIT]))
        for (kind, text), ids in sorted(found.items(), key=lambda kv: (KINDS.index(kv[0][0]), min(kv[1]), kv[0][1]))
    ]
    postings: dict[str, dict[int, int]] = {}
    for number, term in enumerate(terms):
        for key, kind in keys_of(term.text).items():
            if kind == INNER and term.kind in WHOLE_ONLY:
                continue
            slot = postings.setdefault(key, {})
            slot[number] = min(kind, slot.get(number, kind))
    capped = {key: _cap(terms, slot) for key, slot in postings.items()}
    return Index(villages=villages, officers=officers, terms=terms, postings=capped, counties=counties or {})


def _cap(terms: list[Term], slot: dict[int, int]) -> list[tuple[int, int]]:
    """A key's terms, best first, until they name LIMIT villages between them."""
    kept: list[tuple[int, int]] = []
    named: set[int] = set()
    for item in sorted(slot.items(), key=lambda item: _posting_rank(terms, item)):
        if len(named) >= LIMIT:
            break
        kept.append(item)
        named.update(terms[item[0]].villages)
    return kept


def _posting_rank(terms: list[Term], item: tuple[int, int]) -> tuple[int, int, int, int]:
    number, kind = item
    term = terms[number]
    return (kind, KIND_ORDER[term.kind], term.villages[0] if term.villages else 0, number)


def match_rank(key: str, kind: int, query: str) -> int | None:
    """How a key matches a (normalised) query: EXACT, PREFIX, CONTAINS or None."""
    if not key.startswith(query):
        return None
    if kind == FULL:
        return EXACT if key == query else PREFIX
    return CONTAINS


@dataclass(frozen=True)
class Hit:
    rank: int  # EXACT, PREFIX or CONTAINS
    kind: int  # index into KINDS
    village: int  # village order
    key: str  # the key that matched
    term: int  # the term it spells

    def sort_key(self) -> tuple[int, int, int]:
        return (self.rank, self.kind, self.village)


def search(index: Index, query: str) -> list[Hit]:
    """Every village matching a normalised query, best first (one hit each).

    Keys are visited in order, each key's terms in order, each term's
    villages in order; on a tie the first match found stays.
    """
    if not query:
        return []
    best: dict[int, tuple[int, int, str, int]] = {}
    for key in index.keys_from(query):
        for number, kind in index.postings[key]:
            rank = match_rank(key, kind, query)
            if rank is None:
                continue
            term = index.terms[number]
            term_kind = KIND_ORDER[term.kind]
            for village in term.villages:
                found = best.get(village)
                if found is None or (rank, term_kind) < found[:2]:
                    best[village] = (rank, term_kind, key, number)
    hits = [Hit(r, k, village, key, n) for village, (r, k, key, n) in best.items()]
    return sorted(hits, key=Hit.sort_key)
