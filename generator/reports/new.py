"""`cunjing new report`: start a work report from a template.

The template carries today's date and the right front matter; everything the
editor still has to write is marked 【请填写…】, and `cunjing check` refuses
the file (naming each line) until every mark is replaced, so a half-written
template can never be published. An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from ..core.documents import mark, quote
from ..directory.grid import Grid
from ..documents.new import title_argument, write_document
from .schema import STAT_LABELS


def report_text(today: date, post: str | None, post_name: str | None, title: str | None) -> str:
    example = f"{post_name or '泸西县公安局'}{today.year}年{today.month}月工作报告"
    lines = [
        "---",
        "# 工作报告。把所有【请填写……】改成实际内容，然后运行 cunjing check 检查。",
        "# 文件名就是网页地址（/reports/文件名/），发布以后不要再改。",
        f"title: {quote(title) if title else mark('标题，例如：' + example)}",
        f"date: {today.isoformat()}  # 发布日期：到这一天才在网站上出现",
        f"post: {post}  # 警务室编号；全县的报告删掉这一行" if post else "# 全县的报告不写 post；警务室的报告写 post: 警务室编号",
        "period:  # 报告期",
        f"  from: {today.replace(day=1).isoformat()}",
        f"  to: {today.isoformat()}",
        "# 工作数据：只写数字，不需要的项目整行删掉，也可以加别的项目（如 帮扶困难群众: 3）。",
        "# 想从走访记录（data/visits/）自动统计走访数据，就把下面整段换成一行：stats: from_visits",
        "stats:",
    ]
    width = max(len(key) for key in STAT_LABELS)
    for key, label in STAT_LABELS.items():
        lines.append(f"  {key}: {' ' * (width - len(key))}{mark('数字')}  # {label}")
    lines += [
        "---",
        "",
        "## 工作情况",
        "",
        mark("：这段时间做了哪些工作"),
        "",
        "## 存在问题",
        "",
        mark("：还有哪些问题"),
        "",
        "## 下步打算",
        "",
        mark("：下一步怎么做"),
        "",
    ]
    return "\n".join(lines)


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

    def text(grid: Grid, today: date) -> tuple[str, str]:
        found = grid.post_by_id.get(post) if post else None
        stem = f"{today.isoformat()}-{post or 'county'}-report"
        return stem, report_text(today, post, found.name if found else None, args.title)

    return write_document(args, "reports", text)
