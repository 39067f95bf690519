"""Internal logs kept as tables (the visit log, the request log): a folder of
.csv or .xlsx files with a fixed English header, read row by row.

The reader checks the file and its header, repairs dates Excel rewrote as
2026/10/1, reports the other Excel date forms once per file, and hands every
other row to the kind's own checker (which reports that row's problems and
returns its record, or None). Rows never leave the kind that reads them.

``Log`` describes one log (folder, Chinese name, row model, columns) and reads
it: each row is checked for its width and against the row model before the
kind's checker sees the validated row, with a ``RowAt`` to report problems on
that row's line. ``tally`` groups records by scope and period (month, ISO week)
and ``LogStats`` holds the figures per scope and month that pages may show.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .dates import Month, last_months
from .files import FOLDER_NOTE, display_path
from .messages import validate_document
from .problems import Problems, Severity
from .xlsx import table_rows
from .yamlio import Document, read_text

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)  # a log's row model
K = TypeVar("K", bound=str)  # a log's scope kinds, e.g. Literal["county", "post"]
F = TypeVar("F")  # figures over one period
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


def after_build_date(day: date, today: date, what: str = "日期") -> str:
    """The start of a message about a date after the build date (no closing punctuation)."""
    return f"{what} {day.isoformat()} 在生成日期 {today.isoformat()} 之后"


@dataclass(frozen=True)
class RowAt:
    """One row of a log as messages place it: its file, its line, the log's column names."""

    display: str
    line: int
    log: Log[Any]
    problems: Problems

    def add(self, name: str, message: str, severity: Severity = "error") -> None:
        """Report a problem in column ``name`` of this row."""
        self.problems.add(self.display, self.line, self.log.field(name), message, severity)

    def reporter(self, name: str) -> Callable[[str], None]:
        """A callback reporting errors in column ``name`` of this row (for id resolvers)."""
        return lambda message: self.add(name, message)

    def not_after(self, name: str, day: date | None, today: date) -> None:
        """Warn when the date in column ``name`` is after the build date."""
        if day is not None and day > today:
            self.add(name, f"{after_build_date(day, today)}，请核对。", "warning")


@dataclass(frozen=True)
class Log(Generic[M]):
    """One internal log: data/<folder>/, named ``what`` in messages, one ``model`` a row.

    ``columns`` is the header in order, ``dates`` its date columns; a blank cell
    in one of the ``blank`` columns is no value (left out before validation),
    in any other column it is validated as written.
    """

    folder: str
    what: str
    model: type[M]
    columns: tuple[str, ...]
    dates: tuple[str, ...] = ()
    blank: Collection[str] = ()

    def field(self, name: str) -> str:
        """A column as messages name it: the English header with the field's Chinese title."""
        return f"{name}（{self.model.model_fields[name].title}）"

    def read(
        self, data_dir: Path, check: Callable[[M, RowAt], T | None], problems: Problems
    ) -> list[T]:
        """Every checked row of the log's files (problems reported, bad rows left out).

        ``check`` gets each row that has the right width and validates against
        the model, and returns the kind's record or None after reporting.
        """

        def check_cells(cells: list[str], line: int, display: str) -> T | None:
            if wrong_width(cells, line, display, self.columns, problems):
                return None
            row = {
                key: cell for key, cell in zip(self.columns, cells, strict=True)
                if cell.strip() or key not in self.blank
            }
            doc = Document(display, row, {(): line})  # every message of the row names its line
            record: M | None = validate_document(self.model, doc, problems)
            if record is None:
                return None
            return check(record, RowAt(display, line, self, problems))

        return read_log(
            data_dir / self.folder, self.columns, self.what, check_cells, problems,
            dates=self.dates, field=self.field,
        )


Scope = tuple[K, str]  # (kind, key) a figure is counted for; the county's key is ""
Period = tuple[int, int]  # a month or an ISO week: (year, number)


def tally(
    records: Iterable[T],
    day: Callable[[T], date],
    scopes: Callable[[T], Iterable[Scope[K]]],
    period: Callable[[date], Period],
    figures: Callable[[list[T]], F],
) -> dict[Scope[K], dict[Period, F]]:
    """Records grouped by each of their scopes and the period of their day, each group made figures.

    Scopes and periods come out sorted; a scope has only the periods it has records in.
    """
    groups: dict[Scope[K], dict[Period, list[T]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        when = period(day(record))
        for scope in scopes(record):
            groups[scope][when].append(record)
    return {
        scope: {when: figures(rows) for when, rows in sorted(periods.items())}
        for scope, periods in sorted(groups.items())
    }


@dataclass
class LogStats(Generic[K, F]):
    """A log's figures per scope and month, and the day its first record counts from.

    Subclasses name the figures of a period without records (``empty``).
    """

    monthly: dict[Scope[K], dict[Month, F]] = field(default_factory=dict)
    first: date | None = None

    def empty(self) -> F:
        """The figures of a period without records."""
        raise NotImplementedError

    def has(self, kind: K, key: str) -> bool:
        return (kind, key) in self.monthly

    def month(self, kind: K, key: str, month: Month) -> F:
        return self.figures(self.monthly, kind, key, month)

    def months(self, today: date, count: int) -> list[Month]:
        """The last ``count`` months up to today's, newest first, none before the log starts."""
        return last_months(today, count, self.first)

    def figures(self, table: dict[Scope[K], dict[Period, F]], kind: K, key: str, period: Period) -> F:
        """One scope's figures for one period of ``table`` (``empty()`` when it has none)."""
        return table.get((kind, key), {}).get(period, self.empty())
