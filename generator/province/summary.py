"""county.json: what a county of a province tells the province's own pages
(its name, address, townships and counts). Written into the county's folder
by the county's build, read back by ``cunjing build --province-pages``, so
the root pages need no county's data and no other county's build.

Only what the county's pages already publish.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.pages import Asset
from ..directory.urls import township
from ..kind import Site

SUMMARY = "county.json"


def county_summary(site: Site) -> Asset:
    grid, settings = site.grid, site.settings
    data: dict[str, Any] = {
        "county": settings.county,
        "title": settings.title,
        "townships": [[name, township(slug)] for name, slug in grid.township_slugs.items()],
        "posts": len(grid.posts),
        "villages": sum(len(p.villages) for p in grid.posts),
        "officers": len(grid.officers),
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Asset(dest=SUMMARY, content=text.encode("utf-8"))


@dataclass(frozen=True)
class CountySummary:
    id: str
    county: str
    title: str
    townships: tuple[tuple[str, str], ...]  # name, site-relative URL within the county
    posts: int
    villages: int
    officers: int


def read_summary(county_id: str, folder: Path) -> CountySummary | None:
    """A built county's county.json; None when the county is not built there."""
    path = folder / SUMMARY
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return CountySummary(
        id=county_id, county=data["county"], title=data["title"],
        townships=tuple((name, url) for name, url in data["townships"]),
        posts=data["posts"], villages=data["villages"], officers=data["officers"],
    )
