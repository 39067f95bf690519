"""Pinyin helpers (pypinyin), computed at build time, never typed by editors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=4096)
def sort_key(text: str) -> tuple[str, str]:
    """Order Chinese names the way a dictionary does: by pinyin, then by text."""
    return (" ".join(lazy_pinyin(text, style=Style.TONE3, errors="default")), text)


def slugs(names: Iterable[str]) -> dict[str, str]:
    """Address names from pinyin (中枢镇 -> zhongshuzhen, 反电诈 -> fandianzha); a repeat
    gets -2, -3 in the order given, so each name has its own."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        base = re.sub(r"[^a-z0-9]+", "-", "".join(lazy_pinyin(name)).lower()).strip("-") or "t"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        out[name] = slug
        taken.add(slug)
    return out
