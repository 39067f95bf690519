"""Files from data/ (photos …) and the package's own assets, published as they are."""

from __future__ import annotations

from importlib.resources import files
from pathlib import PurePosixPath

from ..county import County
from ..files import IMAGE_TYPES, resolve_data_file
from ..schema import Officer
from .base import Asset

ASSET_DIR = "assets/cunjing/"
DEFAULT_PHOTO = ASSET_DIR + "officer.svg"
STYLESHEET = ASSET_DIR + "cunjing.css"


def media_url(ref: str) -> str:
    """Site-relative URL of a file referenced from data (photos/x.png -> media/photos/x.png)."""
    return "media/" + PurePosixPath(ref.strip().replace("\\", "/")).as_posix()


def photo_url(officer: Officer) -> str:
    return media_url(officer.photo) if officer.photo else DEFAULT_PHOTO


def data_assets(county: County) -> list[Asset]:
    out: dict[str, Asset] = {}
    for officer in county.officers:
        if officer.photo:
            found = resolve_data_file(county.data_dir, officer.photo, IMAGE_TYPES)
            if not isinstance(found, str):
                url = media_url(officer.photo)
                out[url] = Asset(dest=url, source=found)
    return [out[k] for k in sorted(out)]


def package_assets() -> list[Asset]:
    """The package's own files, plus one stylesheet joined from assets/css/*.css.

    Each content section keeps its styles in its own assets/css/NN-name.css;
    residents download a single small stylesheet.
    """
    root = files("generator") / "assets"
    out = [
        Asset(dest=ASSET_DIR + item.name, content=item.read_bytes())
        for item in sorted(root.iterdir(), key=lambda i: i.name)
        if item.is_file()
    ]
    parts = sorted((i for i in (root / "css").iterdir() if i.name.endswith(".css")), key=lambda i: i.name)
    css = "\n".join(part.read_text(encoding="utf-8") for part in parts)
    out.append(Asset(dest=STYLESHEET, content=css.encode("utf-8")))
    return out
