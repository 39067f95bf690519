"""The directory's own pages: /posts/ (every post by township and station),
officers' photos and the directory's files. Former village ids: aliases.py."""

from __future__ import annotations

from pathlib import Path

from ..core.pages import SiteOutput, package_asset, src_of
from ..core.render import Renderer
from . import urls
from .grid import Grid
from .photos import DEFAULT_PHOTO, photo_assets


def directory_pages(grid: Grid, data_dir: Path, renderer: Renderer) -> SiteOutput:
    out = SiteOutput()
    out.pages.append(renderer.page("directory/posts_index.html", src_of(urls.POSTS), "警务室"))
    out.assets.extend(photo_assets(grid, data_dir))
    out.assets.append(package_asset("directory", "officer.svg", DEFAULT_PHOTO))
    return out
