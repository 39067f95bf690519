"""Excel workbooks (.xlsx) for editors who keep their lists in Excel.

Kind-agnostic: a sheet is a title, Chinese column headers and rows of text.
openpyxl (a maintained reader/writer of the Office Open XML format) does the
file format; this module adds what editors need and what builds need:

* writing: every cell stored as text (so 警号 ``059215`` keeps its zero),
  and the text columns formatted as text down to row ``ROWS`` (so a badge
  typed in a new row keeps its zero too; numbers and dates columns keep
  Excel's General format there, so what is typed becomes a real number or date),
  drop-down lists for columns with fixed values, a frozen header row,
  column widths that fit Chinese text, and byte-identical output for the same
  content and date (document properties and zip entry times fixed);
* reading: every cell back as text (real Excel dates as YYYY-MM-DD, times as
  HH:MM, whole numbers without ``.0``), with the row number of each row and
  the headers of the cells that held a number, so problems can name the
  workbook, the sheet, the row and the column header, and a badge that Excel
  turned into a number can be refused instead of published changed.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from .problems import Problems

# openpyxl is imported where a workbook is read or written: most builds have
# none, and importing it took ~35 MB and a second of every build.

TEXT_FORMAT = "@"
# The rows an exported sheet prepares for new entries: text formats and drop-down lists.
ROWS = 1000


@dataclass(frozen=True)
class Sheet:
    """One sheet to write: its title, headers, rows, and fixed choices per header."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    choices: dict[str, Sequence[str]] = field(default_factory=dict)
    # Columns of numbers, dates or times: their empty rows keep Excel's General format.
    typed: Sequence[str] = ()


@dataclass(frozen=True)
class Row:
    """One row read back: its number in the sheet and its cells by header."""

    number: int
    cells: dict[str, str]
    # Headers whose cell held a number (not text) in the file.
    numbers: frozenset[str] = frozenset()


def _width(texts: Sequence[str]) -> float:
    """A column width that fits the text: CJK characters count twice."""
    widest = max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in t) for t in texts), default=4)
    return float(min(max(widest + 2, 6), 60))


def write_workbook(sheets: Sequence[Sheet], when: datetime) -> bytes:
    """The workbook as bytes; the same sheets and ``when`` give the same bytes."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    for spec in sheets:
        ws = book.create_sheet(spec.title)
        ws.append(list(spec.headers))
        for row in spec.rows:
            ws.append(list(row))
        for row_cells in ws.iter_rows(min_row=1, max_row=ws.max_row):
            for cell in row_cells:
                cell.number_format = TEXT_FORMAT
        for i, header in enumerate(spec.headers, 1):
            letter = get_column_letter(i)
            if header not in spec.typed:
                ws.column_dimensions[letter].number_format = TEXT_FORMAT
                for number in range(len(spec.rows) + 2, ROWS + 1):
                    ws.cell(number, i).number_format = TEXT_FORMAT
            ws.column_dimensions[letter].width = _width([header, *(r[i - 1] for r in spec.rows)])
            options = spec.choices.get(header)
            if options:
                rule = DataValidation(
                    type="list", formula1='"' + ",".join(options) + '"', allow_blank=True,
                    showErrorMessage=True, errorTitle="只能从下拉列表里选",
                    error="请从下拉列表里选择：" + "、".join(options),
                )
                rule.add(f"{letter}2:{letter}{ROWS}")
                ws.add_data_validation(rule)
        ws.freeze_panes = "A2"
    stamp = when.replace(tzinfo=None, microsecond=0)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "cunjing"
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_zip(raw.getvalue(), stamp)


def _fixed_zip(data: bytes, stamp: datetime) -> bytes:
    """The same zip with every entry's time set to ``stamp`` (zip stores local times),
    and the document's "modified" time, which openpyxl sets to now when saving."""
    modified = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = modified.sub(rb"\g<1>" + when + rb"\g<2>", content)
            dst.writestr(fixed, content)
    return out.getvalue()


def cell_text(value: object) -> str:
    """A cell's value as the text an editor sees."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_workbook(path: Path, display: str, problems: Problems) -> dict[str, list[Row]] | None:
    """Every sheet's non-empty rows by header (first row), or None when unreadable."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        problems.add(
            display, None, None,
            f"无法打开这个 Excel 文件（{type(exc).__name__}）。请用 Excel 或 WPS 打开后"
            "“另存为”“Excel 工作簿（*.xlsx）”。",
        )
        return None
    sheets: dict[str, list[Row]] = {}
    try:
        for ws in book.worksheets:
            rows = ws.iter_rows(values_only=True)
            header_row = next(rows, None)
            headers = [cell_text(v) for v in header_row or ()]
            found: list[Row] = []
            for number, values in enumerate(rows, 2):
                pairs = [(h, v) for h, v in zip(headers, values, strict=False) if h]
                cells = {h: cell_text(v) for h, v in pairs}
                if any(cells.values()):
                    numbers = frozenset(
                        h for h, v in pairs if isinstance(v, int | float) and not isinstance(v, bool)
                    )
                    found.append(Row(number, cells, numbers))
            sheets[ws.title] = found
    finally:
        book.close()
    return sheets


def table_rows(
    path: Path, display: str, problems: Problems, columns: Sequence[str]
) -> list[tuple[int, list[str]]]:
    """A log kept as a workbook (visits, requests): its first sheet, whose header row is
    ``columns``. (row number, cells in that order); [] after reporting a problem.
    Dates may be real Excel dates or text."""
    sheets = read_workbook(path, display, problems)
    if not sheets:
        return []
    rows = next(iter(sheets.values()))
    if not rows:
        return []
    headers = list(rows[0].cells)
    if headers[: len(columns)] != list(columns):
        problems.add(
            display, 1, None,
            f"第一个工作表的表头不对：第一行应为 {'、'.join(columns)}（英文、顺序一致），"
            f"现在是 {'、'.join(headers)}。这个文件没有读取。",
        )
        return []
    return [(row.number, [row.cells.get(h, "") for h in columns]) for row in rows]
