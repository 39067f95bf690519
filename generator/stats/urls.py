"""Addresses of 数据公开 (statistics)."""

from __future__ import annotations

STATS = "stats/"
