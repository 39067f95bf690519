"""Townships as the site addresses them: one URL slug each, from pinyin."""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

from .grid import Grid


@lru_cache(maxsize=1)  # one grid a build; five kinds ask (the grid compares by identity)
def township_slugs(grid: Grid) -> dict[str, str]:
    """A URL slug for each township, from its pinyin (中枢镇 -> zhongshuzhen);
    a second township with the same pinyin gets -2, and so on (pinyin order).
    Shared between callers: do not change the dict."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for township in grid.townships():
        base = re.sub(r"[^a-z0-9]+", "-", "".join(lazy_pinyin(township)).lower()).strip("-") or "t"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        out[township] = slug
        taken.add(slug)
    return out
