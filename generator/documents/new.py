"""`cunjing new <kind>`: what every document kind's template command shares:
the ids the editor named checked against the roster, the file written (Markdown,
or with --docx a Word document) under a name that is still free, and the same
next steps printed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..core.dates import build_date
from ..core.documents import write_new
from ..core.docx import word_template
from ..core.problems import Problems
from ..directory.grid import Grid
from ..directory.load import load_grid


@dataclass(frozen=True)
class Template:
    """A new document in both forms: the Markdown text, and for Word the fields
    table (label, value, hint shown as a Word comment) and the body (("h", heading)
    or ("p", paragraph)). Everything still to write is marked 【请填写…】."""

    stem: str
    markdown: str
    fields: list[tuple[str, str, str | None]]
    body: list[tuple[str, str]]


def title_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", default=None, help="标题（也可以以后在文件里写）")
    parser.add_argument(
        "--docx", action="store_true", help="新建 Word 文档（.docx，用 Word 或 WPS 填写），不写就是 .md 文件",
    )


def write_document(args: argparse.Namespace, folder: str, make: Callable[[Grid, date], Template]) -> int:
    """Check args.post and args.village against the roster, then write
    data/<folder>/<stem>.md (or .docx with --docx) from ``make`` (grid, build date).

    Only the roster is read: other unfinished files do not stop a new one."""
    data: Path = args.data
    if not data.is_dir():
        print(f"找不到数据文件夹 {data}，请在项目文件夹里运行，或用 --data 指定。", file=sys.stderr)
        return 1
    grid = load_grid(data, Problems())
    problems: list[str] = []
    for post in getattr(args, "post", []):
        grid.post_ids.resolve(post, problems.append)
    for village in getattr(args, "village", []):
        grid.village_ids.resolve(village, problems.append)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    template = make(grid, build_date(args.today))
    if getattr(args, "docx", False):
        path = write_new(data / folder, template.stem, word_template(template.fields, template.body), ".docx")
        print(
            f"已新建 {path}。\n请用 Word 或 WPS 打开它，把表格和正文里所有【请填写……】改成实际内容"
            "（批注里有填写说明，不会发布），保存（仍存为 .docx），然后运行 cunjing check 检查；"
            "没填完的文件不会发布。"
        )
        return 0
    path = write_new(data / folder, template.stem, template.markdown)
    print(
        f"已新建 {path}。\n请用记事本或 WPS 打开它，把所有【请填写……】改成实际内容、保存（UTF-8），"
        "然后运行 cunjing check 检查；没填完的文件不会发布。"
    )
    return 0
