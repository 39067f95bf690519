"""法制宣传: law-education lectures and articles, with their materials and audio."""

from __future__ import annotations

from ..kind import Command, Kind, Schema
from . import urls
from .load import LAW, load_law
from .new import new_arguments, new_lecture
from .pages import law_pages
from .schema import Lecture

KIND = Kind(
    name="law",
    title="法制宣传",
    summary="/law/ 和每次讲座、每篇文章的网页，资料和录音；定了时间的讲座也进活动日历",
    folder="lectures",
    folder_note="这里放法制宣传讲座（.md 或 Word .docx 文件），照片、资料放在 data/materials/。"
    "新建一篇：cunjing new lecture（用 Word 写加 --docx）\n",
    needs=("directory",),
    uses=("safety",),
    load=lambda ctx: load_law(ctx.data_dir, ctx.grid, ctx.problems),
    schemas=(Schema("lecture.schema.json", Lecture, "data/lectures/*.md 开头的信息：法制宣传", ("slug",)),),
    count=lambda site: f"{len(LAW.of(site).lectures)} 个法制宣传讲座和文章",
    pages=law_pages,
    new=Command("lecture", "新建一篇法制宣传讲座或文章（用模板，不会覆盖已有文件）", new_arguments, new_lecture),
    templates=True,
    stylesheet="law.css",
    nav=(5, "法制宣传", urls.LAW),
    links={
        "law": urls.LAW, "lecture": urls.lecture, "lecture_ics": urls.lecture_ics,
        "law_kind": urls.law_kind, "law_topic": urls.law_topic,
    },
)
