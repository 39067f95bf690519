"""/find/ (找民警): the search page, its no-JavaScript list, the sharded index and find.js."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.pages import Asset, SiteOutput, package_asset, src_of
from ..directory.photos import DEFAULT_PHOTO, photo_url
from ..directory.schema import Officer
from ..directory.urls import township
from ..kind import Build
from .index import LIMIT, build_index
from .keys import term_keys
from .shards import Shards, split_index
from .urls import FIND, INDEX_DIR, SCRIPT


def photo_or_none(officer: Officer) -> str | None:
    return photo_url(officer) if officer.photo else None


def remembered_keys(session: dict[str, Any] | None) -> Callable[[str], dict[str, int]]:
    """term_keys; in a serve session, remembered from the build before for the
    names it had (most of them, after one file changed)."""
    if session is None:
        return term_keys
    before: dict[str, dict[str, int]] = session.get("find.keys", {})
    now: dict[str, dict[str, int]] = {}
    session["find.keys"] = now

    def keys_of(text: str) -> dict[str, int]:
        found = now.get(text) or before.get(text)
        if found is None:
            found = term_keys(text)
        now[text] = found
        return found

    return keys_of


def find_shards(build: Build) -> Shards:
    """The county's find index, split into shards."""
    return split_index(build_index(build.site.grid, photo_or_none, remembered_keys(build.session)))


def find_pages(build: Build) -> SiteOutput:
    grid, renderer = build.site.grid, build.renderer
    shards: Shards = build.computed("find")
    out = SiteOutput()
    out.pages.append(
        renderer.page(
            "find/find.html", src_of(FIND), "找民警",
            manifest=shards.manifest_json(), default_photo=DEFAULT_PHOTO, limit=LIMIT,
            towns=[(t, township(slug)) for t, slug in grid.township_slugs.items()],
        )
    )
    for name in sorted(shards.files):
        out.assets.append(Asset(dest=INDEX_DIR + name, content=shards.files[name]))
    out.assets.append(package_asset("find", "find.js", SCRIPT))
    return out
