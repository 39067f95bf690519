"""Addresses of 立项整改 (actions)."""

from __future__ import annotations

ACTIONS = "actions/"


def action(slug: str) -> str:
    return f"actions/{slug}/"
