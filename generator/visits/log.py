"""The officers' visit log (data/visits/*.csv): read, check, aggregate.

INTERNAL DATA. A row names a household visit (who, where, when, a note);
none of that may ever be published. Rows are read and checked here, turned
into aggregated figures (per post, village and officer; per ISO week and per
month) and then dropped: the site object and the pages only ever see VisitStats.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from ..core.dates import Month, Week, month_of, week_of
from ..core.files import FOLDER_NOTE, display_path
from ..core.messages import validate_document
from ..core.problems import Problems
from ..core.xlsx import table_rows
from ..core.yamlio import Document, read_text
from ..directory.grid import Grid
from .schema import VISIT_COLUMNS, VisitRow

ScopeKind = Literal["county", "post", "village", "officer"]


@dataclass(frozen=True)
class Figures:
    """Totals over some visits: how many visits, households and issues."""

    visits: int = 0
    households: int = 0
    issues_found: int = 0
    issues_resolved: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.visits + other.visits,
            self.households + other.households,
            self.issues_found + other.issues_found,
            self.issues_resolved + other.issues_resolved,
        )


@dataclass(frozen=True)
class Visit:
    """A checked row without its note. Private to loading: never on the site object."""

    day: date
    post: str
    village: str
    officer: str
    households: int
    issues_found: int
    issues_resolved: int

    @property
    def figures(self) -> Figures:
        return Figures(1, self.households, self.issues_found, self.issues_resolved)


@dataclass
class VisitStats:
    """Aggregated visit figures: the only part of the log that is published."""

    monthly: dict[tuple[ScopeKind, str], dict[Month, Figures]] = field(default_factory=dict)
    weekly: dict[tuple[ScopeKind, str], dict[Week, Figures]] = field(default_factory=dict)
    first: date | None = None

    def has(self, kind: ScopeKind, key: str) -> bool:
        return (kind, key) in self.monthly

    def month(self, kind: ScopeKind, key: str, month: Month) -> Figures:
        return self.monthly.get((kind, key), {}).get(month, Figures())

    def week(self, kind: ScopeKind, key: str, week: Week) -> Figures:
        return self.weekly.get((kind, key), {}).get(week, Figures())

    def months(self, today: date, count: int) -> list[Month]:
        """The last ``count`` months up to today's, newest first, none before the log starts."""
        out: list[Month] = []
        year, month = today.year, today.month
        start = month_of(self.first) if self.first else month_of(today)
        while len(out) < count and (year, month) >= start:
            out.append((year, month))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return out

    def weeks(self, today: date, count: int) -> list[Week]:
        """The last ``count`` ISO weeks up to today's, newest first, none before the log starts."""
        out: list[Week] = []
        day = today
        start = week_of(self.first) if self.first else week_of(today)
        while len(out) < count and week_of(day) >= start:
            out.append(week_of(day))
            day -= timedelta(days=7)
        return out


def aggregate(visits: Iterable[Visit]) -> VisitStats:
    monthly: dict[tuple[ScopeKind, str], dict[Month, Figures]] = defaultdict(dict)
    weekly: dict[tuple[ScopeKind, str], dict[Week, Figures]] = defaultdict(dict)
    first: date | None = None
    for visit in visits:
        first = visit.day if first is None else min(first, visit.day)
        scopes: list[tuple[ScopeKind, str]] = [
            ("county", ""), ("post", visit.post), ("village", visit.village), ("officer", visit.officer),
        ]
        for scope in scopes:
            m, w = month_of(visit.day), week_of(visit.day)
            monthly[scope][m] = monthly[scope].get(m, Figures()) + visit.figures
            weekly[scope][w] = weekly[scope].get(w, Figures()) + visit.figures
    return VisitStats(monthly=dict(monthly), weekly=dict(weekly), first=first)


def period_figures(visits: Iterable[Visit], post: str | None, start: date, end: date) -> Figures:
    """Totals of one post's visits (or the county's, post=None) from start to end inclusive."""
    total = Figures()
    for visit in visits:
        if start <= visit.day <= end and (post is None or visit.post == post):
            total = total + visit.figures
    return total


# -- reading ---------------------------------------------------------------

_HEADER = ",".join(VISIT_COLUMNS)

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


def read_visits(data_dir: Path, grid: Grid, today: date, problems: Problems) -> list[Visit]:
    """Every checked row of data/visits/*.csv (problems reported, bad rows left out)."""
    folder = data_dir / "visits"
    if not folder.is_dir():
        return []
    out: list[Visit] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "~$")) or path.is_dir() or path.name == FOLDER_NOTE:
            continue
        display = display_path(path)
        if path.suffix.lower() == ".xlsx":
            for line, cells in table_rows(path, display, problems, VISIT_COLUMNS):
                visit = _check_row(cells, line, display, grid, today, problems)
                if visit is not None:
                    out.append(visit)
            continue
        if path.suffix.lower() != ".csv":
            problems.add(
                display, None, None,
                "走访记录文件夹里只读 .csv 和 .xlsx 文件，这个文件没有读取。Excel 表格请“另存为”"
                "“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）”。",
                "warning",
            )
            continue
        out.extend(_read_file(path, display, grid, today, problems))
    return out


def _field(name: str) -> str:
    return f"{name}（{VisitRow.model_fields[name].title}）"


def _read_file(path: Path, display: str, grid: Grid, today: date, problems: Problems) -> list[Visit]:
    text = read_text(path, display, problems)
    if text is None:
        return []
    reader = csv.reader(io.StringIO(text))
    out: list[Visit] = []
    changed: list[tuple[int, str]] = []  # rows whose dates Excel rewrote beyond repair
    try:
        header = next(reader, None)
        if header is None:
            problems.add(display, None, None, f"文件是空的。第一行应为表头：{_HEADER}", "warning")
            return []
        names = [h.strip() for h in header]
        if names != list(VISIT_COLUMNS):
            problems.add(
                display, 1, None,
                f"表头不对：应为“{_HEADER}”（英文、用逗号分隔、顺序一致），"
                f"现在是“{','.join(names)}”。这个文件没有读取。",
            )
            return []
        previous = reader.line_num
        for cells in reader:
            line, previous = previous + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if cells and _EXCEL_OTHER.match(cells[0].strip()):
                changed.append((line, cells[0].strip()))
                continue
            visit = _check_row(cells, line, display, grid, today, problems)
            if visit is not None:
                out.append(visit)
    except csv.Error as exc:
        problems.add(
            display, reader.line_num, None,
            f"CSV 格式错误（{exc}），常见原因是引号不成对。这一行以后没有读取。",
        )
    if changed:
        first, shown = changed[0]
        problems.add(
            display, first, _field("date"),
            f"有 {len(changed)} 行的日期写成了“{shown}”这样的格式（应为 YYYY-MM-DD，例如 2026-10-01），"
            f"这些行没有读取。{EXCEL_DATE_HELP}",
        )
    return out


def _check_row(
    cells: list[str], line: int, display: str, grid: Grid, today: date, problems: Problems
) -> Visit | None:
    if len(cells) != len(VISIT_COLUMNS):
        problems.add(
            display, line, None,
            f"这一行有 {len(cells)} 列，应为 {len(VISIT_COLUMNS)} 列（{_HEADER}）。"
            "备注里有英文逗号时，请把整段备注用英文双引号括起来。",
        )
        return None
    row: dict[str, str] = dict(zip(VISIT_COLUMNS, cells, strict=True))
    row["date"] = excel_date(row["date"])
    if not row["note"].strip():
        del row["note"]
    doc = Document(display, row, {(): line, **{(key,): line for key in row}})
    record: VisitRow | None = validate_document(VisitRow, doc, problems)
    if record is None:
        return None

    ok = True
    village = grid.village_ids.resolve(
        record.village, lambda message: problems.add(display, line, _field("village"), message)
    )
    officer = grid.officer_ids.resolve(
        record.officer, lambda message: problems.add(display, line, _field("officer"), message)
    )
    if village is not None and officer is not None and officer.id not in village.officers:
        ok = False
        # The grid itself may have errors: name only the officers that exist.
        serving = "、".join(
            f"{o.name}（{o.id}）" for i in village.officers if (o := grid.officer_by_id.get(i))
        ) or "（没有）"
        problems.add(
            display, line, _field("officer"),
            f"民警{officer.name}（{officer.id}）不负责{village.name}（{village.id}）。"
            f"这个村（社区）的责任民警是：{serving}。",
        )
    if record.issues_resolved > record.issues_found:
        problems.add(
            display, line, _field("issues_resolved"),
            f"解决问题数（{record.issues_resolved}）比发现问题数（{record.issues_found}）还多，请核对。",
            "warning",
        )
    if record.date > today:
        problems.add(
            display, line, _field("date"),
            f"日期 {record.date.isoformat()} 在生成日期 {today.isoformat()} 之后，请核对。",
            "warning",
        )
    if not ok or village is None or officer is None:
        return None
    return Visit(
        day=record.date,
        post=grid.post_of_village[village.id].id,
        village=village.id,
        officer=officer.id,
        households=record.households,
        issues_found=record.issues_found,
        issues_resolved=record.issues_resolved,
    )
