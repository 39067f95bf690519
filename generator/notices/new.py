"""`cunjing new notice`: start a safety notice from a template (see reports/new.py)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date, timedelta

from ..core.documents import mark, quote
from ..core.docx import label_for
from ..directory.grid import Grid
from ..documents.new import Template, title_argument, write_document
from .load import FORM
from .schema import Notice

NOTICE_DAYS = 30
TITLE_HINT = "标题，例如：警惕冒充客服诈骗"
BODY_HINT = "提示内容：发生了什么、请群众注意什么、遇到情况打什么电话"


def notice_text(
    today: date, level: str, posts: Sequence[str], villages: Sequence[str], title: str | None
) -> str:
    lines = [
        "---",
        "# 安全提示。把所有【请填写……】改成实际内容，然后运行 cunjing check 检查。",
        "# 文件名就是网页地址（/notices/文件名/），发布以后不要再改。",
        f"title: {quote(title) if title else mark(TITLE_HINT)}",
        f"date: {today.isoformat()}  # 发布日期：到这一天才在网站上出现",
        f"level: {level}  # 提示、预警 或 通报",
        f"posts: [{', '.join(posts)}]  # 警务室编号" if posts else "# posts: [警务室编号]",
        f"villages: [{', '.join(villages)}]  # 村（社区）编号" if villages else "# villages: [村（社区）编号]",
        "# posts 和 villages 都不写，就是全县的提示（首页和每个村的页面都会显示）。",
        f"expires: {(today + timedelta(days=NOTICE_DAYS)).isoformat()}"
        "  # 有效期至：过了这一天移到“已过期”；一直有效就删掉这一行",
        "---",
        "",
        mark(BODY_HINT),
        "",
    ]
    return "\n".join(lines)


def notice_fields(
    today: date, level: str, posts: Sequence[str], villages: Sequence[str], title: str | None
) -> list[tuple[str, str, str | None]]:
    """The fields table of a Word notice: (label, value, hint)."""

    def label(name: str) -> str:
        return label_for(Notice, FORM, (name,))

    rows: list[tuple[str, str, str | None]] = [
        (label("title"), title or mark(TITLE_HINT), None),
        (label("date"), today.isoformat(), "发布日期：到这一天才在网站上出现。"),
        (label("level"), level, "提示、预警 或 通报。"),
    ]
    places = "警务室和村（社区）都不写，就是全县的提示（首页和每个村的页面都会显示）。"
    rows.append((label("posts"), "、".join(posts), "警务室编号，几个之间用顿号（、）隔开。" + places))
    rows.append((label("villages"), "、".join(villages), "村（社区）编号，几个之间用顿号（、）隔开。"))
    rows.append((
        label("expires"), (today + timedelta(days=NOTICE_DAYS)).isoformat(),
        "过了这一天移到“已过期”；一直有效就把右边的日期删掉。",
    ))
    return rows


def new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--post", action="append", default=[], metavar="警务室编号", help="涉及哪个警务室（可写多次）",
    )
    parser.add_argument("--village", action="append", default=[], metavar="村编号", help="涉及的村（社区），可写多次")
    parser.add_argument("--level", choices=["提示", "预警", "通报"], default="提示", help="提示的级别（默认 提示）")
    title_argument(parser)


def new_notice(args: argparse.Namespace) -> int:
    def make(grid: Grid, today: date) -> Template:
        one = len(args.post) == 1
        return Template(
            stem=f"{today.isoformat()}-{args.post[0]}-notice" if one else f"{today.isoformat()}-notice",
            markdown=notice_text(today, args.level, args.post, args.village, args.title),
            fields=notice_fields(today, args.level, args.post, args.village, args.title),
            body=[("p", mark(BODY_HINT))],
        )

    return write_document(args, "notices", make)
