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
    officers: tuple[str, ...]


@dataclass(frozen=True)
class OfficerRecord:
    id: str
    name: str
    phone: str
    tel: str
    photo: str  # site-relative URL; "" for the default picture


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


def build_index(grid: Grid, photo_of: Callable[[Officer], str | None]) -> Index:
    """The lookup index of a grid. ``photo_of`` gives an officer's photo URL or None."""
    ordered = sorted(
        grid.iter_villages(), key=lambda pv: (sort_key(pv[1].name), sort_key(pv[0].township), pv[1].id)
    )
    order = {village.id: i for i, (_, village) in enumerate(ordered)}
    villages = [
        VillageRecord(
            order=i, id=v.id, name=v.name, township=p.township, post=p.name,
            officers=tuple(v.officers),
        )
        for i, (p, v) in enumerate(ordered)
    ]
    officers = {
        o.id: OfficerRecord(
            id=o.id, name=o.name, phone=o.phone, tel=tel_href(o.phone), photo=photo_of(o) or ""
        )
        for o in grid.officers
    }

    found: dict[tuple[str, str], set[int]] = {}

    def add(kind: str, text: str, village_ids: list[str]) -> None:
        found.setdefault((kind, text), set()).update(order[i] for i in village_ids)

    for post, village in ordered:
        add("v", village.name, [village.id])
        for group in village.groups:
            add("q" if village.kind == "社区" else "g", group, [village.id])
        add("p", post.name, [v.id for v in post.villages])
        add("t", post.township, [village.id])
        for officer_id in village.officers:
            add("o", grid.officer_by_id[officer_id].name, [village.id])

    terms = [
        Term(kind, text, tuple(sorted(ids)[:LIMIT]))
        for (kind, text), ids in sorted(found.items(), key=lambda kv: (KINDS.index(kv[0][0]), min(kv[1]), kv[0][1]))
    ]
    postings: dict[str, dict[int, int]] = {}
    for number, term in enumerate(terms):
        for key, kind in term_keys(term.text).items():
            if kind == INNER and term.kind in WHOLE_ONLY:
                continue
            slot = postings.setdefault(key, {})
            slot[number] = min(kind, slot.get(number, kind))
    capped = {key: _cap(terms, slot) for key, slot in postings.items()}
    return Index(villages=villages, officers=officers, terms=terms, postings=capped)


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
