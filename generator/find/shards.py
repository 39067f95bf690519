"""Split the lookup index so a resident downloads only what a query needs.

Keys are laid out in a trie of *tokens*. A key starting with a letter or
digit is spelled one character per token ("zhang" -> z h a n g); a key in
characters starts with a bucket token "#NN" (its first character's code
point modulo BUCKETS) and then one token per character ("长安" -> #NN 长 安),
so no list of first characters is needed.

A node whose shard fits the budget is a *leaf*: its shard holds every key
below it and answers any query that reaches it. A larger node is *split*
by the next token; a query that ends exactly at a split node (typing "z" in
a big county) gets the node's *top* shard: just the best LIMIT villages for
that query, precomputed here with the ranking find.js uses.

The manifest (embedded in the /find/ page) lists only the split nodes:
{"b": BUCKETS, "s": [path, ...]}. File names follow from node paths
(``file_name``), so find.js needs nothing else; a leaf file that does not
exist means no key starts that way.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from typing import Any

from .index import LIMIT, Index, search
from .keys import is_ascii_key

BUCKETS = 256
# Largest shard (gzip) a node may have before it is split. With the manifest
# a first result then needs well under 30 KB at 14,000 villages (bench/).
BUDGET = 20_000


def tokens_of(key: str) -> list[str]:
    """A key's path in the trie (see module docstring)."""
    if not key:
        return []
    if is_ascii_key(key):
        return list(key)
    return [f"#{ord(key[0]) % BUCKETS:02x}", *key]


def file_name(path: list[str], top: bool = False) -> str:
    """The shard file of a node: l<path>.json (leaf) or t<path>.json (top).

    Letters and digits stay as they are, a bucket is _NN (hex), any other
    character -XXXXXX (its code point, six hex digits).
    """
    parts = []
    for token in path:
        if token.startswith("#"):
            parts.append("_" + token[1:])
        elif is_ascii_key(token):
            parts.append(token)
        else:
            parts.append(f"-{ord(token):06x}")
    return ("t" if top else "l") + "".join(parts) + ".json"


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def shard_json(index: Index, postings: dict[str, list[tuple[int, int]]], more: bool = False) -> bytes:
    """A self-contained shard: keys, the terms they name, the villages and officers."""
    term_ids = sorted({n for items in postings.values() for n, _ in items})
    term_local = {n: i for i, n in enumerate(term_ids)}
    village_ids = sorted({v for n in term_ids for v in index.terms[n].villages})
    village_local = {v: i for i, v in enumerate(village_ids)}
    officer_ids = sorted(
        {o for v in village_ids for o in index.villages[v].officers}, key=index.officer_order.__getitem__
    )
    officer_local = {o: i for i, o in enumerate(officer_ids)}
    posts = sorted({index.villages[v].post for v in village_ids})
    post_local = {p: i for i, p in enumerate(posts)}
    townships = sorted({index.villages[v].township for v in village_ids})
    township_local = {t: i for i, t in enumerate(townships)}
    counties = sorted({index.villages[v].county for v in village_ids} - {""})
    county_local = {c: i for i, c in enumerate(counties)}

    def county(county_id: str) -> list[int]:
        return [county_local[county_id]] if county_id else []

    shard: dict[str, Any] = {
        # [key, [[term, FULL/INNER], ...]] in key order
        "k": [[key, [[term_local[n], kind] for n, kind in postings[key]]] for key in sorted(postings)],
        # [kind, text, [village, ...]]
        "t": [
            [index.terms[n].kind, index.terms[n].text, [village_local[v] for v in index.terms[n].villages]]
            for n in term_ids
        ],
        # [order, id, name, township, post, [officer, ...]] (+ county in a province's)
        "v": [
            [
                rec.order, rec.id, rec.name, township_local[rec.township], post_local[rec.post],
                [officer_local[o] for o in rec.officers], *county(rec.county),
            ]
            for rec in (index.villages[v] for v in village_ids)
        ],
        # [id, name, phone, tel: href, photo URL or ""] (+ county in a province's)
        "o": [
            [rec.id, rec.name, rec.phone, rec.tel, rec.photo, *county(rec.county)]
            for rec in (index.officers[o] for o in officer_ids)
        ],
        "p": posts,
        "w": townships,
    }
    if counties:  # [id, name]
        shard["c"] = [[c, index.counties[c]] for c in counties]
    if more:
        shard["more"] = 1
    return encode(shard)


# gzip shrinks a shard's JSON about 4:1. A node whose estimated JSON is more
# than this many times the budget is split without encoding it (splitting
# a node that would have fitted only makes smaller shards).
MAX_RATIO = 5


def _estimate_over(index: Index, keys: list[str], limit: int) -> bool:
    """Whether a shard of these keys would be more than ``limit`` bytes of JSON, by
    a cheap estimate (keys, postings, terms, villages) that stops once it is over."""
    size = 0
    terms: set[int] = set()
    for key in keys:
        postings = index.postings[key]
        size += len(key) * 2 + 6 * len(postings) + 6
        if size > limit:
            return True
        terms.update(n for n, _ in postings)
    villages: set[int] = set()
    for number in terms:
        term = index.terms[number]
        size += len(term.text) * 3 + 3 * len(term.villages) + 10
        if size > limit:
            return True
        villages.update(term.villages)
    return size + 40 * len(villages) > limit


def _fits(content: bytes, budget: int) -> bool:
    # Gzip only when the raw size cannot decide.
    if len(content) <= budget:
        return True
    return len(content) <= MAX_RATIO * budget and gzip_size(content) <= budget


@dataclass
class Shards:
    manifest: dict[str, Any]
    files: dict[str, bytes]  # file name -> JSON

    def manifest_json(self) -> str:
        return encode(self.manifest).decode("utf-8")


def split_index(index: Index, budget: int = BUDGET) -> Shards:
    split: list[str] = []
    files: dict[str, bytes] = {}
    paths = {key: tokens_of(key) for key in index.keys}

    # Depth first, with a list for a stack: a recursive closure would be a
    # reference cycle holding the whole index and every shard's bytes until
    # the garbage collector's next full pass, long after the files are written.
    stack: list[tuple[list[str], list[str]]] = [([], list(index.keys))]
    while stack:
        path, keys = stack.pop()
        below = [k for k in keys if len(paths[k]) > len(path)]
        if not below or not _estimate_over(index, keys, MAX_RATIO * budget):
            content = shard_json(index, {k: index.postings[k] for k in keys})
            if not below or _fits(content, budget):
                files[file_name(path)] = content
                continue
        split.append("".join(path))
        if path and not (len(path) == 1 and path[0].startswith("#")):
            # A query can end here: precompute its best LIMIT villages.
            hits = search(index, "".join(t for t in path if not t.startswith("#")))
            best = {(h.key, h.term) for h in hits[:LIMIT]}
            postings = {
                key: [p for p in index.postings[key] if (key, p[0]) in best]
                for key in sorted({key for key, _ in best})
            }
            files[file_name(path, top=True)] = shard_json(index, postings, more=len(hits) > LIMIT)
        children: dict[str, list[str]] = {}
        for key in below:
            children.setdefault(paths[key][len(path)], []).append(key)
        stack.extend(([*path, token], children[token]) for token in sorted(children, reverse=True))

    return Shards(manifest={"b": BUCKETS, "s": sorted(split)}, files=files)


def shard_for(shards: Shards, query: str) -> bytes | None:
    """The shard find.js loads for a normalised query (None: nothing matches).

    The same walk as find.js, for tests and the benchmark.
    """
    split = set(shards.manifest["s"])
    path = tokens_of(query)
    node: list[str] = []
    while "".join(node) in split:
        if len(node) == len(path):
            if not node or (len(node) == 1 and node[0].startswith("#")):
                return None
            return shards.files.get(file_name(node, top=True))
        node = [*node, path[len(node)]]
    return shards.files.get(file_name(node))
