"""`cunjing new lecture`: start a lecture, broadcast, case study or training from
a template (see reports/new.py), as Markdown or (--docx) a Word document."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

from ..core.documents import mark, quote
from ..core.docx import label_for
from ..directory.grid import Grid
from ..documents.new import Template, title_argument, write_document
from .load import FORM
from .schema import LECTURE_KINDS, Lecture

TITLE_HINT = "标题，例如：防范电信网络诈骗讲座"
START_HINT = "开始时间，例如 2026-12-05 09:30"
END_HINT = "结束时间，例如 2026-12-05 11:00"
VENUE_HINT = "地点，例如 长安社区居委会会议室"
SPEAKER_HINT = "主讲人：本县民警写民警编号，其他人直接写姓名"
TOPIC_HINT = "主题（例如 反电诈）"
BODY_HINT = "讲座内容、案例和法律分析；有录音的写录音的文字稿"


def lecture_text(
    kind: str, posts: Sequence[str], villages: Sequence[str], title: str | None,
) -> str:
    lines = [
        "---",
        "# 法制宣传。把所有【请填写……】改成实际内容，然后运行 cunjing check 检查。",
        "# 文件名就是网页地址（/law/文件名/），发布以后不要再改。",
        f"title: {quote(title) if title else mark(TITLE_HINT)}",
        f"kind: {kind}  # {'、'.join(LECTURE_KINDS)}",
        "# 只供阅读的文章（没有时间、地点）把 start、end、venue 三行删掉。",
        f"start: {mark(START_HINT)}",
        f"end: {mark(END_HINT)}",
        f"venue: {mark(VENUE_HINT)}",
        f"speaker: {mark(SPEAKER_HINT)}",
        f"posts: [{', '.join(posts)}]  # 警务室编号" if posts else "# posts: [警务室编号]",
        f"villages: [{', '.join(villages)}]  # 村（社区）编号" if villages else "# villages: [村（社区）编号]",
        "# posts 和 villages 都不写，就是面向全县。",
        f"topics: [{mark(TOPIC_HINT)}]",
        "# audio: audio/文件名.mp3         # 录音（mp3 或 m4a），放在 data/audio/",
        "# materials: [materials/文件名.pdf]  # 资料（PDF、图片、幻灯片、Word），放在 data/materials/",
        "---",
        "",
        mark(BODY_HINT),
        "",
    ]
    return "\n".join(lines)


def lecture_fields(
    kind: str, posts: Sequence[str], villages: Sequence[str], title: str | None,
) -> list[tuple[str, str, str | None]]:
    """The fields table of a Word lecture: (label, value, hint)."""

    def label(name: str) -> str:
        return label_for(Lecture, FORM, (name,))

    article = "只供阅读的文章（没有时间、地点）把开始时间、结束时间、地点三行删掉。"
    return [
        (label("title"), title or mark(TITLE_HINT), None),
        (label("kind"), kind, "、".join(LECTURE_KINDS)),
        (label("start"), mark(START_HINT), article),
        (label("end"), mark(END_HINT), None),
        (label("venue"), mark(VENUE_HINT), None),
        (label("speaker"), mark(SPEAKER_HINT), None),
        (label("posts"), "、".join(posts), "警务室编号，几个之间用顿号（、）隔开；警务室和村都不写就是面向全县。"),
        (label("villages"), "、".join(villages), "村（社区）编号，几个之间用顿号（、）隔开。"),
        (label("topics"), mark(TOPIC_HINT), "几个主题之间用顿号（、）隔开。"),
        (label("audio"), "", "录音（mp3 或 m4a）放在 data/audio/，这里写 audio/文件名.mp3；没有就空着。"),
        (label("materials"), "", "资料放在 data/materials/，这里写 materials/文件名.pdf；没有就空着。"),
    ]


def new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind", choices=list(LECTURE_KINDS), default=LECTURE_KINDS[0], help="类别（默认 法制讲座）",
    )
    parser.add_argument(
        "--post", action="append", default=[], metavar="警务室编号", help="面向哪个警务室（可写多次）",
    )
    parser.add_argument("--village", action="append", default=[], metavar="村编号", help="面向的村（社区），可写多次")
    title_argument(parser)


def new_lecture(args: argparse.Namespace) -> int:
    def make(grid: Grid, today: date) -> Template:
        return Template(
            stem=f"{today.isoformat()}-lecture",
            markdown=lecture_text(args.kind, args.post, args.village, args.title),
            fields=lecture_fields(args.kind, args.post, args.village, args.title),
            body=[("p", mark(BODY_HINT))],
        )

    return write_document(args, "lectures", make)
