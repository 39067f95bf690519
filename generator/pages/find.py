"""/find/ (找民警): the search page, its static list and the sharded index."""

from __future__ import annotations

from ..county import County
from ..lookup.index import LIMIT, build_index
from ..lookup.shards import split_index
from ..schema import Officer
from .base import Asset, SiteOutput
from .media import DEFAULT_PHOTO, photo_url
from .render import Renderer

INDEX_DIR = "find/i/"


def _photo(officer: Officer) -> str | None:
    return photo_url(officer) if officer.photo else None


def find_pages(county: County, renderer: Renderer) -> SiteOutput:
    shards = split_index(build_index(county, _photo))
    out = SiteOutput()
    out.pages.append(
        renderer.page(
            "find.html", "find/index.md", "找民警",
            manifest=shards.manifest_json(), default_photo=DEFAULT_PHOTO, limit=LIMIT,
        )
    )
    for name in sorted(shards.files):
        out.assets.append(Asset(dest=INDEX_DIR + name, content=shards.files[name]))
    return out
