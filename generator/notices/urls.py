"""Addresses of safety notices (安全提示)."""

from __future__ import annotations

NOTICES = "notices/"


def notice(slug: str) -> str:
    return f"notices/{slug}/"


def notice_printable(slug: str) -> str:
    return f"print/notices/{slug}/"
