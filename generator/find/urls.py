"""Addresses of 找民警: the page, its index shards and its script."""

from __future__ import annotations

from ..core.pages import ASSET_DIR

FIND = "find/"
INDEX_DIR = "find/i/"
SCRIPT = ASSET_DIR + "find.js"
