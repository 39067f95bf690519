"""`cunjing new <kind>`: what every document kind's template command shares:
the ids the editor named checked against the roster, the file written under
a name that is still free, and the same next steps printed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..core.dates import build_date
from ..core.documents import write_new
from ..core.problems import Problems
from ..directory.grid import Grid
from ..directory.load import load_grid


def title_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", default=None, help="标题（也可以以后在文件里写）")


def write_document(
    args: argparse.Namespace, folder: str, text: Callable[[Grid, date], tuple[str, str]],
) -> int:
    """Check args.post and args.village against the roster, then write
    data/<folder>/<stem>.md from ``text`` (grid, build date) -> (stem, text).

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
    stem, content = text(grid, build_date(args.today))
    path = write_new(data / folder, stem, content)
    print(
        f"已新建 {path}。\n请用记事本或 WPS 打开它，把所有【请填写……】改成实际内容、保存（UTF-8），"
        "然后运行 cunjing check 检查；没填完的文件不会发布。"
    )
    return 0
