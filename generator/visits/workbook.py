"""A visit log kept as an Excel workbook (data/visits/*.xlsx): its first sheet,
the same columns as the CSV. Dates may be real Excel dates or text."""

from __future__ import annotations

from pathlib import Path

from ..core.problems import Problems
from ..core.xlsx import read_workbook
from .schema import VISIT_COLUMNS


def visit_rows(path: Path, display: str, problems: Problems) -> list[tuple[int, list[str]]]:
    """(row number, cells in VISIT_COLUMNS order) of the first sheet; [] after reporting a problem."""
    sheets = read_workbook(path, display, problems)
    if not sheets:
        return []
    rows = next(iter(sheets.values()))
    if not rows:
        return []
    headers = list(rows[0].cells)
    if headers[: len(VISIT_COLUMNS)] != list(VISIT_COLUMNS):
        problems.add(
            display, 1, None,
            f"第一个工作表的表头不对：第一行应为 {'、'.join(VISIT_COLUMNS)}（英文、顺序一致），"
            f"现在是 {'、'.join(headers)}。这个文件没有读取。",
        )
        return []
    return [(row.number, [row.cells.get(h, "") for h in VISIT_COLUMNS]) for row in rows]
