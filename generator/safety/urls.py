"""Addresses of 平安建设: the county page (each village's block is on its village page)."""

from __future__ import annotations

SAFETY = "safety/"
