"""Addresses of 数据公开 (statistics)."""

from __future__ import annotations

STATS = "stats/"


def township(township_slug: str) -> str:
    """A township's posts, their figures row by row (slug: Grid.township_slugs)."""
    return f"stats/townships/{township_slug}/"
