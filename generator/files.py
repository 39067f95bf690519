"""References from data to files (photos, materials, audio) stay inside data/."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

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
