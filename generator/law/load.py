"""Load law education: data/lectures/<slug>.md (front matter + Markdown body).

Checks places and the speaker against the grid (village aliases resolve),
times, and the files a lecture refers to, which are kept as attachments.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..core.documents import check_order, refuse_id_field, report_at
from ..core.files import SLUG, data_files, display_path, resolve_data_file
from ..core.messages import validate_document
from ..core.problems import Problems
from ..core.yamlio import Document, load_markdown_file
from ..directory.grid import Grid, resolve_places
from ..kind import Records
from .model import AUDIO_SUFFIXES, BIG_FILE, MATERIAL_SUFFIXES, Attachment, attachment_key
from .schema import Lecture


@dataclass(frozen=True)
class Law:
    lectures: tuple[Lecture, ...]  # by slug
    attachments: dict[str, Attachment]  # by data/-relative path


LAW: Records[Law] = Records("law")


def load_law(data_dir: Path, grid: Grid, problems: Problems) -> Law:
    attachments: dict[str, Attachment] = {}
    lectures = [
        lecture for lecture in (
            _load_lecture(data_dir, path, grid, attachments, problems)
            for path in data_files(data_dir / "lectures", (".md",), "讲座", problems)
        ) if lecture is not None
    ]
    return Law(tuple(sorted(lectures, key=lambda item: item.slug)), attachments)


def _load_lecture(
    data_dir: Path, path: Path, grid: Grid, attachments: dict[str, Attachment], problems: Problems
) -> Lecture | None:
    display = display_path(path)
    markdown = load_markdown_file(path, display, problems)
    if markdown is None:
        return None
    doc = markdown.meta
    data = doc.data
    if isinstance(data, dict):
        if not refuse_id_field(doc, data, problems):
            return None
        data = {"slug": path.stem, **data, "body": markdown.body}
    lecture: Lecture | None = validate_document(Lecture, doc, problems, data)
    if lecture is None:
        return None
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
        _attach(data_dir, attachments, doc, ("audio",), lecture.audio, AUDIO_SUFFIXES, problems)
    if not lecture.body.strip():
        where = "录音的文字稿（听不清的群众可以看）" if lecture.audio else "讲座内容、案例和法律分析"
        problems.add(display, markdown.body_line, None, f"正文是空的，请在 --- 下面写上{where}。", "warning")
    return lecture.model_copy(update={"posts": list(posts), "villages": list(villages)})


def _attach(
    data_dir: Path, attachments: dict[str, Attachment], doc: Document, path: tuple[str | int, ...],
    ref: str, suffixes: tuple[str, ...], problems: Problems,
) -> None:
    found = resolve_data_file(data_dir, ref, suffixes)
    if isinstance(found, str):
        report_at(problems, doc, path, found)
        return
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
