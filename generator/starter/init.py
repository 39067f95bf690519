"""Write a new county's project folder; never overwrite an existing file."""

from __future__ import annotations

from pathlib import Path

from ..core.files import FOLDER_NOTE
from .files import ABOUT_MD, POST_ID, POST_YML, SITE_YML, folder_notes, mkdocs_yml


class InitRefused(Exception):
    """The folder already holds a project; the message is for editors (Chinese)."""


def starter_files() -> dict[str, str]:
    """Relative path -> text of every file `cunjing init` writes."""
    files = {
        "mkdocs.yml": mkdocs_yml(),
        "docs/about.md": ABOUT_MD,
        "data/site.yml": SITE_YML,
        f"data/posts/{POST_ID}.yml": POST_YML,
    }
    for folder, note in folder_notes().items():
        files[f"data/{folder}/{FOLDER_NOTE}"] = note
    return files


def create_county(target: Path) -> list[Path]:
    """Write the starter files under ``target``; refuse if any of them exists."""
    files = starter_files()
    existing = [rel for rel in files if (target / rel).exists()]
    if existing:
        raise InitRefused(
            f"{target} 里已经有 {existing[0]}，为了不覆盖已有数据，没有新建任何文件。"
            "请换一个空文件夹。"
        )
    written = []
    for rel, text in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written
