"""The directory's own pages: /posts/ (every post by township and station),
redirects from former village ids, officers' photos and the directory's files."""

from __future__ import annotations

from pathlib import Path

from ..core.pages import Asset, SiteOutput, package_asset, relurl, src_of
from ..core.render import Renderer
from . import urls
from .grid import Grid
from .photos import DEFAULT_PHOTO, photo_assets


def directory_pages(grid: Grid, data_dir: Path, renderer: Renderer) -> SiteOutput:
    out = SiteOutput()
    out.pages.append(renderer.page("directory/posts_index.html", src_of(urls.POSTS), "警务室"))
    out.assets.extend(alias_redirects(grid, renderer))
    out.assets.extend(photo_assets(grid, data_dir))
    out.assets.append(package_asset("directory", "officer.svg", DEFAULT_PHOTO))
    return out


def alias_redirects(grid: Grid, renderer: Renderer) -> list[Asset]:
    """Old village ids keep working: /v/<alias>/ redirects to /v/<id>/ (no JS needed)."""
    out = []
    for alias, village in sorted(grid.alias_of.items()):
        here = urls.village(alias)
        out.append(
            renderer.standalone(
                "directory/redirect.html", here, village.name,
                target=relurl(here, urls.village(village.id)), village=village,
            )
        )
    return out
