"""`cunjing new report`: start a work report from a template.

The template carries today's date and the right front matter; everything the
editor still has to write is marked 【请填写…】, and `cunjing check` refuses
the file (naming each line) until every mark is replaced, so a half-written
template can never be published. An existing file is never overwritten.

The file is named after the month reported on and the post
(2026-11-zhongshu-changan.md; county for a county-wide report). Run in the
first days of a month, the report is on the previous whole month; later, on
the current month from its 1st to today.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta

from ..core.documents import mark, quote
from ..core.docx import label_for
from ..directory.grid import Grid
from ..documents.new import Template, title_argument, write_document
from .load import FORM
from .schema import STAT_LABELS, Report

# Run on these first days of a month, a new report is on the previous month.
EARLY_DAYS = 10
SECTIONS = (("工作情况", "：这段时间做了哪些工作"), ("存在问题", "：还有哪些问题"), ("下步打算", "：下一步怎么做"))


def report_period(today: date) -> tuple[date, date]:
    """The previous whole month in a month's first days, else this month up to today."""
    if today.day <= EARLY_DAYS:
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    return today.replace(day=1), today


def _example(start: date, post_name: str | None) -> str:
    return f"标题，例如：{post_name or '泸西县公安局'}{start.year}年{start.month}月工作报告"


def report_text(today: date, post: str | None, post_name: str | None, title: str | None) -> str:
    start, end = report_period(today)
    lines = [
        "---",
        "# 工作报告。把所有【请填写……】改成实际内容，然后运行 cunjing check 检查。",
        "# 文件名就是网页地址（/reports/文件名/），发布以后不要再改。",
        f"title: {quote(title) if title else mark(_example(start, post_name))}",
        f"date: {today.isoformat()}  # 发布日期：到这一天才在网站上出现",
        f"post: {post}  # 警务室编号；全县的报告删掉这一行" if post else "# 全县的报告不写 post；警务室的报告写 post: 警务室编号",
        "period:  # 报告期",
        f"  from: {start.isoformat()}",
        f"  to: {end.isoformat()}",
        "# 工作数据：只写数字，不需要的项目整行删掉，也可以加别的项目（如 帮扶困难群众: 3）。",
        "# 想从走访记录（data/visits/）自动统计走访数据，就把下面整段换成一行：stats: from_visits",
        "stats:",
    ]
    width = max(len(key) for key in STAT_LABELS)
    for key, label in STAT_LABELS.items():
        lines.append(f"  {key}: {' ' * (width - len(key))}{mark('数字')}  # {label}")
    lines += ["---", ""]
    for heading, hint in SECTIONS:
        lines += [f"## {heading}", "", mark(hint), ""]
    return "\n".join(lines)


def report_fields(
    today: date, post: str | None, post_name: str | None, title: str | None,
) -> list[tuple[str, str, str | None]]:
    """The fields table of a Word report: (label, value, hint)."""
    start, end = report_period(today)

    def label(*path: str) -> str:
        return label_for(Report, FORM, path)

    rows: list[tuple[str, str, str | None]] = [
        (label("title"), title or mark(_example(start, post_name)), None),
        (label("date"), today.isoformat(), "发布日期：到这一天才在网站上出现。"),
    ]
    if post:
        rows.append((label("post"), post, "全县的报告把这一行删掉。"))
    rows += [
        (label("period", "from"), start.isoformat(), None),
        (label("period", "to"), end.isoformat(), None),
    ]
    for n, key in enumerate(STAT_LABELS):
        hint = (
            "工作数据：只写数字，不需要的项目整行删掉，也可以加别的项目（左边写名称，右边写数字）。"
            "想从走访记录自动统计，把这几行都删掉，加一行：左边写 工作数据，右边写 from_visits。"
        ) if n == 0 else None
        rows.append((label("stats", key), mark("数字"), hint))
    return rows


def new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--post", action="append", default=[], metavar="警务室编号", help="哪个警务室的报告（不写是全县的）",
    )
    title_argument(parser)


def new_report(args: argparse.Namespace) -> int:
    if len(args.post) > 1:
        print("一篇工作报告只属于一个警务室：--post 只能写一次。", file=sys.stderr)
        return 2
    post: str | None = args.post[0] if args.post else None

    def make(grid: Grid, today: date) -> Template:
        found = grid.post_by_id.get(post) if post else None
        name = found.name if found else None
        return Template(
            stem=f"{report_period(today)[0]:%Y-%m}-{post or 'county'}",
            markdown=report_text(today, post, name, args.title),
            fields=report_fields(today, post, name, args.title),
            body=[item for heading, hint in SECTIONS for item in (("h", heading), ("p", mark(hint)))],
        )

    return write_document(args, "reports", make)
