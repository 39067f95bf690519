"""Officers' photos from data/ (or the default picture), published under media/."""

from __future__ import annotations

from pathlib import Path

from ..core.files import IMAGE_TYPES, resolve_data_file
from ..core.pages import ASSET_DIR, Asset, media_url
from .grid import Grid
from .schema import Officer

DEFAULT_PHOTO = ASSET_DIR + "officer.svg"


def photo_url(officer: Officer) -> str:
    return media_url(officer.photo) if officer.photo else DEFAULT_PHOTO


def photo_assets(grid: Grid, data_dir: Path) -> list[Asset]:
    out: dict[str, Asset] = {}
    for officer in grid.officers:
        if officer.photo:
            found = resolve_data_file(data_dir, officer.photo, IMAGE_TYPES)
            if not isinstance(found, str):
                url = media_url(officer.photo)
                out[url] = Asset(dest=url, source=found)
    return [out[k] for k in sorted(out)]
