"""Atomic site output: build into a temporary folder, then swap it in.

A failed build leaves the previous site untouched; a successful one replaces
it in one rename (an atomic exchange where the kernel offers it); an
interrupted build leaves only a hidden temporary folder, cleaned next time.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories (Linux renameat2); False if unsupported."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE
    )
    return bool(result == 0)


def _stale(site_dir: Path) -> list[Path]:
    parent = site_dir.parent
    prefix = f".{site_dir.name}."
    if not parent.is_dir():
        return []
    return [p for p in parent.iterdir() if p.name.startswith(prefix) and p.is_dir()]


@contextlib.contextmanager
def atomic_site(site_dir: Path) -> Iterator[Path]:
    """Yield a fresh folder to build into; on success it becomes ``site_dir``."""
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    for old in _stale(site_dir):  # left behind by an interrupted build
        shutil.rmtree(old, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    tmp.chmod(0o755)
    if site_dir.is_dir() and not site_dir.is_symlink():
        if _exchange(tmp, site_dir):
            shutil.rmtree(tmp, ignore_errors=True)  # now holds the previous site
            return
        old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        site_dir.rename(old)
        tmp.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        if site_dir.exists() or site_dir.is_symlink():
            site_dir.unlink()
        tmp.rename(site_dir)
