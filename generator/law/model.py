"""Files from data/ published with a lecture: handouts, slides, posters and
recordings, keyed by their data/-relative path (published under media/)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

BIG_FILE = 20 * 1024 * 1024

FILE_TYPES = {
    ".pdf": "PDF 文档",
    ".jpg": "图片",
    ".jpeg": "图片",
    ".png": "图片",
    ".webp": "图片",
    ".ppt": "幻灯片",
    ".pptx": "幻灯片",
    ".odp": "幻灯片",
    ".doc": "Word 文档",
    ".docx": "Word 文档",
    ".mp3": "MP3 音频",
    ".m4a": "M4A 音频",
}
MATERIAL_SUFFIXES = tuple(s for s in FILE_TYPES if not s.endswith(("mp3", "m4a")))
AUDIO_SUFFIXES = (".mp3", ".m4a")
AUDIO_MIME = {".mp3": "audio/mpeg", ".m4a": "audio/mp4"}


def attachment_key(ref: str) -> str:
    """How a file reference is keyed (and published under media/): data/-relative, with /."""
    return PurePosixPath(ref.strip().replace("\\", "/")).as_posix()


@dataclass(frozen=True)
class Attachment:
    """A file from data/ published with a lecture: material or audio."""

    ref: str  # as written, relative to data/ (forward slashes)
    path: Path
    size: int

    @property
    def name(self) -> str:
        return PurePosixPath(self.ref).name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.ref).suffix.lower()

    @property
    def type_label(self) -> str:
        return FILE_TYPES.get(self.suffix, "文件")

    @property
    def mime(self) -> str:
        return AUDIO_MIME.get(self.suffix, "application/octet-stream")

    @property
    def size_label(self) -> str:
        if self.size < 1024 * 1024:
            return f"{max(1, round(self.size / 1024))} KB"
        return f"{self.size / (1024 * 1024):.1f} MB"

