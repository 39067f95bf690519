"""Load law education: data/lectures/<slug>.md (front matter + Markdown body),
or <slug>.docx from Word (the fields table labelled with the record's titles).

Checks places and the speaker against the grid (village aliases resolve),
times, and the files a lecture refers to, which are kept as attachments
(a recording must be what its name says: MP3 or M4A).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..core.documents import check_order, placeholders, refuse_id_field, report_at
from ..core.docx import WORD, Form, document_files, read_word
from ..core.files import SLUG, display_path, resolve_data_file
from ..core.messages import validate_document
from ..core.problems import Problems
from ..core.yamlio import Document, load_markdown_file
from ..directory.grid import Grid, resolve_places
from ..kind import Records
from .model import AUDIO_SUFFIXES, BIG_FILE, MATERIAL_SUFFIXES, Attachment, attachment_key
from .schema import Lecture
from .urls import RESERVED_SLUGS

FORM = Form()


@dataclass(frozen=True)
class Law:
    lectures: tuple[Lecture, ...]  # by slug
    attachments: dict[str, Attachment]  # by data/-relative path
    media: dict[str, bytes] = field(default_factory=dict)  # pictures of Word lectures, by site path


LAW: Records[Law] = Records("law")


def load_law(data_dir: Path, grid: Grid, problems: Problems) -> Law:
    attachments: dict[str, Attachment] = {}
    media: dict[str, bytes] = {}
    lectures = [
        lecture for lecture in (
            _load_lecture(data_dir, path, grid, attachments, media, problems)
            for path in document_files(data_dir / "lectures", "讲座", problems, word=True)
        ) if lecture is not None
    ]
    return Law(tuple(sorted(lectures, key=lambda item: item.slug)), attachments, dict(sorted(media.items())))


Read = tuple[Lecture, Document, Problems, int | None, dict[str, bytes]]


def _read(path: Path, display: str, problems: Problems) -> Read | None:
    """A lecture's checked record, where its fields stand, where to report on it,
    the line its Markdown body starts on, and (from Word) its pictures."""
    if path.suffix.lower() == WORD:
        word = read_word(path, display, Lecture, FORM, problems, body_required=False)
        if word is None or word.unfilled:
            return None
        data = {"slug": path.stem, **word.meta.data, "body": ""}
        checked: Lecture | None = validate_document(Lecture, word.meta, word.problems, data)
        if checked is None or word.failed:
            return None
        # The body is already safe HTML (Markup): kept as it is, not validated again.
        return checked.model_copy(update={"body": word.body}), word.meta, word.problems, None, word.media
    markdown = load_markdown_file(path, display, problems)
    if markdown is None or placeholders(markdown, problems):
        return None
    doc = markdown.meta
    data = doc.data
    if isinstance(data, dict):
        if not refuse_id_field(doc, data, problems):
            return None
        data = {"slug": path.stem, **data, "body": markdown.body}
    lecture: Lecture | None = validate_document(Lecture, doc, problems, data)
    return None if lecture is None else (lecture, doc, problems, markdown.body_line, {})


def _load_lecture(
    data_dir: Path, path: Path, grid: Grid, attachments: dict[str, Attachment],
    media: dict[str, bytes], problems: Problems,
) -> Lecture | None:
    display = display_path(path)
    if path.stem in RESERVED_SLUGS:
        problems.add(
            display, None, None,
            f"文件名“{path.stem}”留作网站自己的页面使用（按类别、按主题看法制宣传的页面），"
            "请换一个文件名，例如加上日期。",
        )
        return None
    read = _read(path, display, problems)
    if read is None:
        return None
    lecture, doc, problems, body_line, pictures = read
    add = partial(report_at, problems, doc)
    posts, villages = resolve_places(grid, doc, lecture.posts, lecture.villages, problems)
    if lecture.speaker is not None and SLUG.fullmatch(lecture.speaker):
        # A speaker written as an id is an officer of the county; anyone else is written by name.
        grid.officer_ids.resolve(
            lecture.speaker, partial(add, ("speaker",)),
            "主讲人不是本县民警时，请直接写姓名，例如 王律师。",
        )
    if (lecture.start is None) != (lecture.end is None):
        given, missing = ("start", "end") if lecture.start else ("end", "start")
        add((given,), f"写了 {given} 就要写 {missing}：讲座有开始时间也要有结束时间；"
            "只供阅读的文章两个都不写。")
    elif lecture.start and lecture.end:
        check_order(doc, lecture.start, lecture.end, problems)
        if lecture.venue is None:
            add(("start",), "有时间的讲座要写地点 venue，例如 长安社区居委会会议室；"
                "广播讲座可写“全县村村响广播”。")
    for i, material in enumerate(lecture.materials):
        _attach(data_dir, attachments, doc, ("materials", i), material.file, MATERIAL_SUFFIXES, problems)
    if lecture.audio is not None:
        found = _attach(data_dir, attachments, doc, ("audio",), lecture.audio, AUDIO_SUFFIXES, problems)
        if found is not None:
            wrong = audio_mismatch(found, lecture.audio)
            if wrong:
                add(("audio",), wrong)
    if not lecture.body.strip():
        where = "录音的文字稿（听不清的群众可以看）" if lecture.audio else "讲座内容、案例和法律分析"
        below = "--- 下面" if body_line else "表格下面"
        problems.add(display, body_line, None, f"正文是空的，请在{below}写上{where}。", "warning")
    media.update(pictures)
    return lecture.model_copy(update={"posts": list(posts), "villages": list(villages)})


def _attach(
    data_dir: Path, attachments: dict[str, Attachment], doc: Document, path: tuple[str | int, ...],
    ref: str, suffixes: tuple[str, ...], problems: Problems,
) -> Path | None:
    found = resolve_data_file(data_dir, ref, suffixes)
    if isinstance(found, str):
        if suffixes == AUDIO_SUFFIXES and Path(ref).suffix.lower() in RECORDER_SUFFIXES:
            found = f"录音“{ref}”是录音笔、手机的原始格式，网站只能放 MP3 或 M4A。{CONVERT}"
        report_at(problems, doc, path, found)
        return None
    size = found.stat().st_size
    if size > BIG_FILE:
        report_at(
            problems, doc, path,
            f"文件“{ref}”有 {size / (1024 * 1024):.1f} MB，超过 20 MB，群众用手机流量很难打开。"
            "请压缩后再放上来（音频可用 32—64 kbps 的 MP3，PDF 可另存为较小的文件）。",
            "warning",
        )
    key = attachment_key(ref)
    attachments.setdefault(key, Attachment(ref=key, path=found, size=size))
    return found


# What recorders and phones save, and how an editor turns it into MP3.
RECORDER_SUFFIXES = (".wav", ".amr", ".wma", ".aac", ".flac", ".ogg")
CONVERT = "请按 README 里“把录音转成 MP3”的步骤转换（例如用免费的 Audacity），再把这里改成新的 .mp3 文件名。"


def _sniff(head: bytes) -> str | None:
    """What an audio file's first bytes say it is: mp3, m4a, wav …, or None."""
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    if head[4:8] == b"ftyp":
        return "m4a"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"#!AMR"):
        return "amr"
    if head.startswith(b"0&\xb2u\x8ef\xcf\x11"):
        return "wma"
    if head.startswith((b"fLaC", b"OggS")):
        return "flac/ogg"
    return None


def audio_mismatch(path: Path, ref: str) -> str | None:
    """A message when a recording's content is not what its name says (a WAV renamed .mp3)."""
    with path.open("rb") as handle:
        head = handle.read(12)
    expected = path.suffix.lower().lstrip(".")
    actual = _sniff(head)
    if actual == expected:
        return None
    what = f"其实是 {actual.upper()} 格式的录音" if actual else "不是 MP3 或 M4A 录音（也可能文件坏了）"
    return f"录音“{ref}”的扩展名是 .{expected}，但文件内容{what}，只改名字是不行的，很多手机会放不出来。{CONVERT}"
