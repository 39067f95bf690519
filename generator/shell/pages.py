"""The shell's files: its theme folder (put before Material's templates by the
plugin, copied into ``--emit-docs`` trees), its script and the service worker.

The service worker's cache is named from a hash of everything the build wrote
(pages, assets and the shell itself), so the same data and ``--today`` give the
same bytes, and any change gives a new cache that retires the old one.
"""

from __future__ import annotations

import hashlib
import json
from importlib.resources import as_file, files
from pathlib import Path

from ..core.pages import ASSET_DIR, STYLESHEET, Asset, SiteOutput, package_text

SCRIPT = ASSET_DIR + "shell.js"
WORKER = "sw.js"  # at the site root: its scope is the whole site
STRICT = '"use strict";\n'  # the worker's settings go right after this line


def theme_dir() -> Path:
    """The folder of template overrides (main.html and its inline CSS)."""
    with as_file(files("generator.shell") / "theme") as path:
        return Path(path)


def _theme_bytes() -> bytes:
    return b"".join(
        path.name.encode("utf-8") + path.read_bytes() for path in sorted(theme_dir().iterdir()) if path.is_file()
    )


def build_hash(out: SiteOutput) -> str:
    """A digest of the whole build's content (never of the time)."""
    digest = hashlib.sha256()
    for page in sorted(out.pages, key=lambda p: p.src):
        digest.update(page.src.encode("utf-8") + b"\0" + page.markdown().encode("utf-8") + b"\0")
    for asset in sorted(out.assets, key=lambda a: a.dest):
        digest.update(asset.dest.encode("utf-8") + b"\0" + asset.digest())
    digest.update(_theme_bytes())
    digest.update(package_text("shell", "shell.js").encode("utf-8"))
    digest.update(package_text("shell", "sw.js").encode("utf-8"))
    return digest.hexdigest()[:16]


def shell_assets(out: SiteOutput, find_page: str, index_dir: str) -> list[Asset]:
    """shell.js and /sw.js; call last, after every other page and asset.

    find_page, index_dir: 找民警's addresses (find/urls.py). Opening find_page caches
    the index; find.js is cached as the page loads it, like any other file."""
    index = sorted(a.dest for a in out.assets if a.dest.startswith(index_dir) and a.dest.endswith(".json"))
    shell = [STYLESHEET, SCRIPT]
    head = (
        f"var CACHE = {json.dumps('cunjing-' + build_hash(out))};\n"
        f"var SHELL = {json.dumps(shell)};\n"
        f"var FIND = {json.dumps(find_page)};\n"
        f"var INDEX = {json.dumps(index, separators=(',', ':'))};\n"
    )
    worker = package_text("shell", "sw.js")
    return [
        Asset(dest=SCRIPT, content=package_text("shell", "shell.js").encode("utf-8")),
        Asset(dest=WORKER, content=worker.replace(STRICT, STRICT + head, 1).encode("utf-8")),
    ]
