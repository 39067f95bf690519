"""The personal-data guard: residents' ID numbers and private mobiles never go out.

Every data file that feeds the site is scanned line by line, a Word document
(.docx) paragraph by paragraph and row by row of its tables (internal files,
such as the visit logs, are never published and are not scanned here). A
build fails, naming file and line (or paragraph, or table row), when published
text contains

* a mainland resident ID number: 18 characters with a valid ISO 7064
  MOD 11-2 check character, or the old 15-digit form with a valid birth date;
* a mobile number that is not one of the published numbers (the caller
  lists them: posts, officers, staff, feedback).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from .docx import WORD, docx_places
from .files import display_path
from .problems import Problems
from .yamlio import read_text

TEXT_SUFFIXES = (".yml", ".yaml", ".md", ".markdown", ".txt", ".csv")
SCANNED_SUFFIXES = (*TEXT_SUFFIXES, WORD)

_ID18 = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{5})((?:19|20)\d{2})(\d{2})(\d{2})(\d{3})([0-9Xx])(?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{5})(\d{2})(\d{2})(\d{2})(\d{3})(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![0-9])")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def find_id_numbers(text: str) -> list[str]:
    """Resident ID numbers in text (valid check character / valid birth date)."""
    found = []
    for m in _ID18.finditer(text):
        number = m.group(0)
        if _valid_date(int(m.group(2)), int(m.group(3)), int(m.group(4))) and (
            id_check_char(number[:17]) == number[17].upper()
        ):
            found.append(number)
    for m in _ID15.finditer(text):
        if _valid_date(1900 + int(m.group(2)), int(m.group(3)), int(m.group(4))):
            found.append(m.group(0))
    return found


def find_mobiles(text: str) -> list[str]:
    return ["".join(m.groups()) for m in _MOBILE.finditer(text)]


def mask(number: str) -> str:
    return number[:3] + "*" * (len(number) - 6) + number[-3:]


def published_files(data_dir: Path, internal: tuple[str, ...]) -> Iterator[Path]:
    """Text files under data/ except those in the internal folders (never published)."""
    for path in sorted(data_dir.rglob("*")):
        rel = path.relative_to(data_dir)
        if rel.parts and rel.parts[0] in internal:
            continue
        if path.is_file() and path.suffix.lower() in SCANNED_SUFFIXES and not path.name.startswith("~$"):
            yield path


def _lines(path: Path, display: str) -> list[tuple[str, int | None, str]]:
    """(where, line, text) of every published line of a file; unreadable files
    give none (the loaders report them)."""
    if path.suffix.lower() == WORD:
        try:
            raw = path.read_bytes()
        except OSError:
            return []
        # Deleted tracked changes and comments too: a .docx may be handed out as it is.
        return [(f"{display} {place.where}", None, place.text) for place in docx_places(raw, hidden=True) or []]
    text = read_text(path, display, Problems())  # encoding problems are reported by the loaders
    if text is None:
        return []
    return [(display, n, line) for n, line in enumerate(text.split("\n"), 1)]


def check_personal_data(
    data_dir: Path, allowed: set[str], internal: tuple[str, ...], problems: Problems
) -> None:
    """Report ID numbers and unpublished mobiles; ``allowed`` holds published numbers as digits."""
    for path in published_files(data_dir, internal):
        for display, n, line in _lines(path, display_path(path)):
            for number in find_id_numbers(line):
                problems.add(
                    display, n, None,
                    f"这一行含有居民身份证号码（{mask(number)}）。群众的身份证号不能公布，请删除。",
                )
            for mobile in find_mobiles(line):
                if mobile not in allowed:
                    problems.add(
                        display, n, None,
                        f"这一行含有手机号码（{mask(mobile)}），它不是公布的民警、辅警或警务室电话。"
                        "群众的手机号不能公布，请删除；如果是工作人员的号码，请先写进警务室文件。",
                    )
