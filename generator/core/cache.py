"""The folder where cunjing keeps what it makes once per machine: pypinyin's phrase
store and compiled templates. What is there can always be made again."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/cunjing (~/.cache/cunjing)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cunjing"
