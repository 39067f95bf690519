"""Load data/posts/<id>.yml (the file stem is the post id) into the grid.

Every post file's problems are collected; the ids a broken file writes are
remembered, so other kinds do not report them again as unknown.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..core import phones
from ..core.files import display_path
from ..core.messages import salvage, validate_document
from ..core.problems import Problems
from ..core.yamlio import Document, load_yaml_file, read_text
from .grid import Grid
from .rules import check_posts
from .schema import Post
from .workbook import WORKBOOK, load_roster, roster_path


def load_grid(data_dir: Path, problems: Problems) -> Grid:
    """The grid of every post file that loads; the rules across files are checked."""
    unchecked: set[str] = set()
    if roster_path(data_dir).is_file() and _post_files(data_dir):
        problems.add(
            display_path(roster_path(data_dir)), None, None,
            f"data/{WORKBOOK} 和 data/posts/ 里的 .yml 文件都有，不知道用哪一份名册。"
            f"请只留一份：用 Excel 名册就把 posts 文件夹里的 .yml 文件移走；"
            f"用 .yml 文件就把 {WORKBOOK} 移出 data 文件夹。（这次先按 .yml 文件检查。）",
        )
    if roster_path(data_dir).is_file() and not _post_files(data_dir):
        posts, written = load_roster(
            data_dir, problems, unchecked, lambda found, ids, scratch: check_posts(found, data_dir, scratch, ids)
        )
        return Grid(
            posts=tuple(p for p, _ in posts), unchecked=frozenset(unchecked),
            unchecked_phones=frozenset(phones.digits(phones.halfwidth(n)) for n in written), workbook=True,
        )
    posts, checked = _load_posts(data_dir, problems, unchecked)
    check_posts(checked, data_dir, problems, unchecked)
    failed = {p.stem for p in _post_files(data_dir)} & unchecked
    numbers = {n for stem in sorted(failed) for n in phones_written(_raw(data_dir, stem))}
    return Grid(
        posts=tuple(p for p, _ in posts), unchecked=frozenset(unchecked),
        unchecked_phones=frozenset(numbers),
    )


def roster_in_use(data_dir: Path) -> bool:
    """True when the roster is read from data/名册.xlsx (there are no post files)."""
    return roster_path(data_dir).is_file() and not _post_files(data_dir)


def _post_files(data_dir: Path) -> list[Path]:
    folder = data_dir / "posts"
    return sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _raw(data_dir: Path, stem: str) -> str:
    for path in _post_files(data_dir):
        if path.stem == stem:
            return read_text(path, display_path(path), Problems()) or ""
    return ""


# Lenient scans of a post file's raw text, for files that do not even parse:
# "id: x", "- id: x", "aliases: [a, b]", "phone: ..." with either colon.
_ID_LINE = re.compile(r"^[\s-]*id\s*[:：]\s*[\"']?([A-Za-z0-9-]+)", re.MULTILINE)
_ALIASES_LINE = re.compile(r"^[\s-]*aliases\s*[:：]\s*\[([^\]\n]*)", re.MULTILINE)
_PHONE_LINE = re.compile(r"^[\s-]*phone\s*[:：]\s*[\"']?([^\"'#\n]*)", re.MULTILINE)


def ids_in_text(stem: str, text: str) -> set[str]:
    """Every id a post file's raw text seems to define (villages, former ids, officers)."""
    found = {stem, *_ID_LINE.findall(text)}
    for group in _ALIASES_LINE.findall(text):
        found.update(a.strip(" \"'") for a in re.split(r"[,，]", group) if a.strip(" \"'"))
    return found


def phones_written(text: str) -> set[str]:
    """The phone numbers (digits) a post file's raw text writes in its phone fields."""
    return {
        phones.digits(phones.halfwidth(value)) for value in _PHONE_LINE.findall(text) if value.strip()
    }


def ids_written(stem: str, data: Any) -> set[str]:
    """Every post, village (also former) and officer id written in a post file's data."""
    found = {stem}
    if not isinstance(data, dict):
        return found
    for group, keys in (("villages", ("id", "aliases")), ("officers", ("id",))):
        items = data.get(group)
        for item in items if isinstance(items, list) else []:
            for key in keys if isinstance(item, dict) else ():
                value = item.get(key)
                found.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    return found


def _misnamed_rosters(data_dir: Path) -> list[Path]:
    """Workbooks in data/ that look meant as the roster (名册2026.xlsx, 名册.xls …)."""
    if not data_dir.is_dir():
        return []
    return sorted(
        p for p in data_dir.iterdir()
        if p.is_file() and p.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".et") and not p.name.startswith("~$")
    )


def _no_roster(data_dir: Path, problems: Problems) -> None:
    """No post files and no data/名册.xlsx: say what to do, naming a misnamed workbook."""
    for path in _misnamed_rosters(data_dir):
        how = (
            f"这是旧的 Excel 格式，请用 Excel 或 WPS 打开，“另存为”“Excel 工作簿（*.xlsx）”，文件名写 {WORKBOOK}。"
            if path.suffix.lower() != ".xlsx" else
            f"请把它改名为 {WORKBOOK}（右键“重命名”；文件名不能多字、少字，也不能有空格）。"
        )
        problems.add(
            display_path(path), None, None,
            f"Excel 名册的文件名必须是“{WORKBOOK}”，这个文件叫“{path.name}”，所以没有读取。{how}",
        )
    if not _misnamed_rosters(data_dir):
        problems.add(
            display_path(data_dir / "posts"), None, None,
            f"没有警务室数据：请把 Excel 名册存为 data/{WORKBOOK}，"
            "或者在 posts 文件夹里为每个警务室写一个 .yml 文件。",
        )


def _load_posts(
    data_dir: Path, problems: Problems, unchecked: set[str]
) -> tuple[list[tuple[Post, Document]], list[tuple[Post, Document]]]:
    """Every post file that loads, and the same with what validated in the files that
    failed (for the rules across posts); ids written in files that fail go to ``unchecked``."""
    files = _post_files(data_dir)
    if not files:
        _no_roster(data_dir, problems)
        return [], []
    posts = []
    checked = []
    stems: dict[str, str] = {}
    for path in files:
        display = display_path(path)
        if path.stem in stems:
            problems.add(
                display, None, None,
                f"警务室编号“{path.stem}”重复：{stems[path.stem]} 也用了这个文件名。",
            )
            continue
        stems[path.stem] = display
        doc = load_yaml_file(path, display, problems)
        if doc is None:
            # Not even YAML: recover the ids it would define from the raw text.
            unchecked.update(ids_in_text(path.stem, read_text(path, display, Problems()) or ""))
            continue
        data = doc.data
        if isinstance(data, dict):
            if "id" in data:
                problems.add(
                    display, doc.line_of(("id",)), "id",
                    "警务室编号就是文件名，不要另写 id 字段（要改编号请改文件名）。",
                )
                unchecked.update(ids_written(path.stem, data))
                data = {k: v for k, v in data.items() if k != "id"}
                partial = salvage(Post, {"id": path.stem, **data})
                if partial is not None:
                    checked.append((partial, doc))
                continue
            data = {"id": path.stem, **data}
        post = validate_document(Post, doc, problems, data)
        if post is not None:
            posts.append((post, doc))
            checked.append((post, doc))
            continue
        unchecked.update(ids_written(path.stem, data))
        partial = salvage(Post, data)
        if partial is not None:
            checked.append((partial, doc))
    return posts, checked
