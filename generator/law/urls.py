"""Addresses of law education (法制宣传): the index, lectures and their calendar files."""

from __future__ import annotations

LAW = "law/"


def lecture(slug: str) -> str:
    return f"law/{slug}/"


def lecture_ics(slug: str) -> str:
    return f"calendar/law/{slug}.ics"
