"""What a county of a province tells the province's pages of its directory:
its name, townships (with their pages) and counts."""

from __future__ import annotations

from typing import Any

from ..kind import Build
from .urls import township


def directory_export(build: Build) -> dict[str, Any]:
    grid, settings = build.site.grid, build.site.settings
    return {
        "county": settings.county,
        "title": settings.title,
        "townships": [[name, township(slug)] for name, slug in grid.township_slugs.items()],
        "posts": len(grid.posts),
        "villages": len(grid.villages),
        "officers": len(grid.officers),
    }
