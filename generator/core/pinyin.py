"""Pinyin helpers (pypinyin), computed at build time, never typed by editors."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=4096)
def sort_key(text: str) -> tuple[str, str]:
    """Order Chinese names the way a dictionary does: by pinyin, then by text."""
    return (" ".join(lazy_pinyin(text, style=Style.TONE3, errors="default")), text)
