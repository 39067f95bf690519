"""References from data to files (photos, materials, audio) stay inside data/."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from .problems import Problems

IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".webp")


def resolve_data_file(data_dir: Path, ref: str, suffixes: tuple[str, ...]) -> Path | str:
    """Resolve ``ref`` (a path relative to data/) to a real file inside data/.

    Returns the resolved path, or a Chinese message saying what is wrong.
    Absolute paths, ``..``, and symlinks that lead outside data/ are refused.
    """
    text = ref.strip().replace("\\", "/")
    pure = PurePosixPath(text)
    if not text or pure.is_absolute() or (len(text) > 1 and text[1] == ":"):
        return f"“{ref}”是绝对路径。请写 data/ 下的相对路径，例如 photos/li-ming.jpg。"
    if ".." in pure.parts:
        return f"“{ref}”指向 data/ 以外（含有 ..）。文件必须放在 data/ 里面。"
    if suffixes and pure.suffix.lower() not in suffixes:
        return f"“{ref}”的文件类型不支持，只能用：{'、'.join(suffixes)}。"
    root = data_dir.resolve()
    candidate = data_dir / Path(*pure.parts)
    try:
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return f"找不到文件“{ref}”（应放在 data/{text}）。"
    if not resolved.is_relative_to(root):
        return f"“{ref}”是指向 data/ 以外的链接。文件必须放在 data/ 里面。"
    if not resolved.is_file():
        return f"“{ref}”不是文件。"
    return resolved


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the working directory if possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


SLUG = re.compile(r"[a-z0-9-]+")

# A note for editors inside a content folder (written by `cunjing init`), never read as data.
FOLDER_NOTE = "说明.txt"


def data_files(
    folder: Path, suffixes: tuple[str, ...], what: str, problems: Problems
) -> list[Path]:
    """The data files of a content folder (reports, lectures …), sorted by name.

    The file name is the record's id and part of its URL, so it must be a slug;
    hidden and Office lock files (~$…) are skipped, other stray files are
    reported as warnings, bad or duplicate names as errors.
    """
    if not folder.is_dir():
        return []
    found: list[Path] = []
    stems: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "~$")) or path.is_dir() or path.name == FOLDER_NOTE:
            continue
        display = display_path(path)
        if path.suffix.lower() not in suffixes:
            problems.add(
                display, None, None,
                f"{what}文件应以 {' 或 '.join(suffixes)} 结尾，这个文件没有读取。",
                "warning",
            )
        elif not SLUG.fullmatch(path.stem):
            problems.add(
                display, None, None,
                f"文件名“{path.name}”不合规：文件名就是网址的一部分，只能用小写英文字母、数字和"
                f"短横线（-），例如 2026-11-changan{suffixes[0]}。",
            )
        elif path.stem == "index":
            problems.add(
                display, None, None,
                f"文件名不能叫 {path.name}（index 是{what}列表页的网址），请换一个名字。",
            )
        elif path.stem in stems:
            problems.add(
                display, None, None,
                f"编号“{path.stem}”重复：{stems[path.stem]} 也用了这个文件名。",
            )
        else:
            stems[path.stem] = display
            found.append(path)
    return found
