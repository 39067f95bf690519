"""Internal logs kept as tables (the visit log, the request log): a folder of
.csv or .xlsx files with a fixed English header, read row by row.

The reader checks the file and its header, repairs dates Excel rewrote as
2026/10/1, reports the other Excel date forms once per file, and hands every
other row to the kind's own checker (which reports that row's problems and
returns its record, or None). Rows never leave the kind that reads them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from .files import FOLDER_NOTE, display_path
from .problems import Problems
from .xlsx import table_rows
from .yamlio import read_text

T = TypeVar("T")
# (cells in header order, line, file as shown) -> the row's record, or None after reporting.
RowChecker = Callable[[list[str], int, str], T | None]

# Excel re-saves 2026-10-01 as 2026/10/1 (Chinese Windows) or 10/1/2026 (other locales),
# sometimes with a time of day.
_EXCEL_YMD = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_EXCEL_OTHER = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
EXCEL_DATE_HELP = (
    "这通常是用 Excel 打开后再保存，Excel 自动改了日期格式。请在 Excel 里选中日期这一列，"
    "“设置单元格格式”→“自定义”，类型填 yyyy-mm-dd，再“另存为”“CSV UTF-8（逗号分隔）”。"
)


def excel_date(cell: str) -> str:
    """A date cell as YYYY-MM-DD when Excel wrote it as 2026/10/1; other text unchanged."""
    m = _EXCEL_YMD.match(cell.strip())
    if m is None:
        return cell
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def read_log(
    folder: Path,
    columns: Sequence[str],
    what: str,
    check_row: RowChecker[T],
    problems: Problems,
    *,
    dates: Sequence[str] = (),
    field: Callable[[str], str] = str,
) -> list[T]:
    """Every checked row of folder/*.csv and *.xlsx (problems reported, bad rows left out).

    ``what`` names the log in messages (走访记录, 群众诉求台账); ``dates`` are its
    date columns; ``field`` gives a column's name as messages show it.
    """
    if not folder.is_dir():
        return []
    out: list[T] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "~$")) or path.is_dir() or path.name == FOLDER_NOTE:
            continue
        display = display_path(path)
        suffix = path.suffix.lower()
        if suffix == ".xlsx":
            rows = table_rows(path, display, problems, columns)
        elif suffix == ".csv":
            rows = _csv_rows(path, display, columns, problems)
        else:
            problems.add(
                display, None, None,
                f"{what}文件夹里只读 .csv 和 .xlsx 文件，这个文件没有读取。Excel 表格请“另存为”"
                "“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）”。",
                "warning",
            )
            continue
        date_columns = [columns.index(name) for name in dates]
        changed: list[tuple[int, str, str]] = []  # rows whose dates Excel rewrote beyond repair
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            odd = [(cells[i].strip(), columns[i]) for i in date_columns
                   if i < len(cells) and _EXCEL_OTHER.match(cells[i].strip())]
            if odd:
                changed.append((line, *odd[0]))
                continue
            cells = [excel_date(c) if i in date_columns else c for i, c in enumerate(cells)]
            record = check_row(cells, line, display)
            if record is not None:
                out.append(record)
        if changed:
            first, shown, name = changed[0]
            problems.add(
                display, first, field(name),
                f"有 {len(changed)} 行的日期写成了“{shown}”这样的格式（应为 YYYY-MM-DD，例如 2026-10-01），"
                f"这些行没有读取。{EXCEL_DATE_HELP}",
            )
    return out


def _csv_rows(path: Path, display: str, columns: Sequence[str], problems: Problems) -> list[tuple[int, list[str]]]:
    header_text = ",".join(columns)
    text = read_text(path, display, problems)
    if text is None:
        return []
    reader = csv.reader(io.StringIO(text))
    out: list[tuple[int, list[str]]] = []
    try:
        header = next(reader, None)
        if header is None:
            problems.add(display, None, None, f"文件是空的。第一行应为表头：{header_text}", "warning")
            return []
        names = [h.strip() for h in header]
        if names != list(columns):
            problems.add(
                display, 1, None,
                f"表头不对：应为“{header_text}”（英文、用逗号分隔、顺序一致），"
                f"现在是“{','.join(names)}”。这个文件没有读取。",
            )
            return []
        previous = reader.line_num
        for cells in reader:
            line, previous = previous + 1, reader.line_num
            out.append((line, cells))
    except csv.Error as exc:
        problems.add(
            display, reader.line_num, None,
            f"CSV 格式错误（{exc}），常见原因是引号不成对。这一行以后没有读取。",
        )
    return out


def wrong_width(cells: list[str], line: int, display: str, columns: Sequence[str], problems: Problems) -> bool:
    """Report a row with the wrong number of cells (True if so)."""
    if len(cells) == len(columns):
        return False
    problems.add(
        display, line, None,
        f"这一行有 {len(cells)} 列，应为 {len(columns)} 列（{','.join(columns)}）。"
        "备注里有英文逗号时，请把整段备注用英文双引号括起来。",
    )
    return True
