"""Pinyin helpers (pypinyin), computed at build time, never typed by editors.

pypinyin reads a run of characters as words (长安 cháng'ān, not zhǎng'ān) by
matching it against its phrase dictionary, which takes about 45 MB and half a
second to load into every process. Here pypinyin is imported with its
documented switch PYPINYIN_NO_PHRASES, and the same dictionary is read from an
SQLite copy on disk, made once per pypinyin version in the user's cache folder
(in a child process, so no build holds the dictionary): a ``Pinyin`` subclass segments a
run with pypinyin's own algorithm (forward maximum matching on phrases,
pypinyin.seg.mmseg) over the copy, and gives a word the copy's readings through
pypinyin's ``post_pinyin`` hook. The readings are pypinyin's with its whole
dictionary (tests/core/test_pinyin.py compares them).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .cache import cache_dir

_SWITCH = "PYPINYIN_NO_PHRASES"
_saved = os.environ.get(_SWITCH)
os.environ[_SWITCH] = "1"
try:
    from pypinyin import Style
    from pypinyin.constants import RE_HANS
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin
    from pypinyin.seg.simpleseg import simple_seg
finally:
    if _saved is None:
        os.environ.pop(_SWITCH, None)
    else:
        os.environ[_SWITCH] = _saved

__all__ = ["Style", "lazy_pinyin", "pinyin", "slugs", "sort_key"]

# Writes pypinyin's phrase dictionary into a new SQLite file (argv[1]).
_WRITE_STORE = """
import json, sqlite3, sys
from pypinyin.phrases_dict import phrases_dict
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE phrase (word TEXT PRIMARY KEY, readings TEXT NOT NULL) WITHOUT ROWID")
db.executemany(
    "INSERT INTO phrase VALUES (?, ?)",
    ((word, json.dumps(readings, ensure_ascii=False)) for word, readings in phrases_dict.items()),
)
db.commit()
db.close()
"""


def _make_store(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.unlink(tmp)
    try:
        env = {k: v for k, v in os.environ.items() if k != _SWITCH}
        subprocess.run([sys.executable, "-c", _WRITE_STORE, tmp], check=True, env=env, capture_output=True)
        os.replace(tmp, path)  # another process making the same file at once is harmless
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class PhraseStore:
    """pypinyin's phrases on disk: is a text a phrase, or the start of one, and its readings."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        # A connection never crosses a fork (province workers): a child opens its own.
        os.register_at_fork(after_in_child=self._forget)

    def _forget(self) -> None:
        self._db = None

    def _path(self) -> Path:
        name = f"pinyin-phrases-{version('pypinyin')}.sqlite3"
        path = cache_dir() / name
        try:
            if not path.exists():
                _make_store(path)
        except OSError:  # no writable cache folder: the temporary folder's, made once per user
            user = getattr(os, "getuid", lambda: "user")()
            path = Path(tempfile.gettempdir()) / f"cunjing-{user}-{name}"
            if not path.exists():
                _make_store(path)
        return path

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(f"file:{self._path()}?mode=ro", uri=True, check_same_thread=False)
        return self._db

    @lru_cache(maxsize=65536)  # noqa: B019 (one store per process, never freed)
    def look_up(self, text: str) -> tuple[bool, str | None]:
        """Whether some phrase starts with ``text`` (the first word from it in
        order does), and its readings (JSON) when it is one."""
        with self._lock:
            row = self._connection().execute(
                "SELECT word, readings FROM phrase WHERE word >= ? ORDER BY word LIMIT 1", (text,)
            ).fetchone()
        if row is None or not row[0].startswith(text):
            return False, None
        return True, (row[1] if row[0] == text else None)

    def starts(self, text: str) -> bool:
        """Whether some phrase starts with ``text``."""
        return self.look_up(text)[0]

    def readings(self, text: str) -> list[list[str]] | None:
        """The phrase's readings, character by character (tone marks), or None;
        a new list each time (pypinyin changes what it is given)."""
        found = self.look_up(text)[1]
        return None if found is None else list(json.loads(found))


STORE = PhraseStore()


def _cut(text: str) -> Iterator[str]:
    """pypinyin.seg.mmseg.Seg.cut with no_non_phrases=True (pypinyin's own
    segmenter), over the store: the longest phrase at each point, else one character."""
    remain = text
    while remain:
        last = 0
        for index in range(len(remain)):
            starts, readings = STORE.look_up(remain[: index + 1])
            if starts:
                if readings is not None:
                    last = index + 1
            else:
                if last:
                    yield remain[:last]
                    remain = remain[last:]
                else:
                    yield remain[0]
                    remain = remain[1:]
                break
        else:
            if last:
                yield remain[:last]
                remain = remain[last:]
            else:
                yield from remain
                remain = ""


def _seg(hans: str) -> list[str]:
    """pypinyin.seg.simpleseg.seg: runs of characters with pinyin, each cut into words."""
    out: list[str] = []
    for part in simple_seg(hans):
        if RE_HANS.match(part):
            out.extend(_cut(part))
        else:
            out.append(part)
    return out


class _Converter(UltimateConverter):
    """pypinyin.lazy_pinyin's and pinyin's converter, with a word's readings from the store."""

    def post_pinyin(self, han: str, heteronym: bool, pinyin: list[list[str]], **kwargs: Any) -> Any:
        found = STORE.readings(han)
        return super().post_pinyin(han, heteronym, pinyin if found is None else found, **kwargs)


class _Pinyin(Pinyin):
    def get_seg(self, **kwargs: Any) -> Any:
        return _seg


_PINYIN = _Pinyin(_Converter())


def lazy_pinyin(hans: str, style: Style = Style.NORMAL, errors: str = "default") -> list[str]:
    """pypinyin.lazy_pinyin: one reading per character, words read as words."""
    found: list[str] = _PINYIN.lazy_pinyin(hans, style=style, errors=errors)
    return found


def pinyin(hans: str, style: Style = Style.TONE, heteronym: bool = False, errors: str = "default") -> list[list[str]]:
    """pypinyin.pinyin: the readings of each character (every one with ``heteronym``)."""
    found: list[list[str]] = _PINYIN.pinyin(hans, style=style, heteronym=heteronym, errors=errors)
    return found


@lru_cache(maxsize=4096)
def sort_key(text: str) -> tuple[str, str]:
    """Order Chinese names the way a dictionary does: by pinyin, then by text."""
    return (" ".join(lazy_pinyin(text, style=Style.TONE3, errors="default")), text)


def slugs(names: Iterable[str]) -> dict[str, str]:
    """Address names from pinyin (中枢镇 -> zhongshuzhen, 反电诈 -> fandianzha); a repeat
    gets -2, -3 in the order given, so each name has its own."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        base = re.sub(r"[^a-z0-9]+", "-", "".join(lazy_pinyin(name)).lower()).strip("-") or "t"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        out[name] = slug
        taken.add(slug)
    return out
