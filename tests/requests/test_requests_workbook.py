"""A request log kept as .xlsx (real Excel dates or text) counts the same as the CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from conftest import TODAY, check_fails, cunjing
from helpers import csv_to_workbook

LOG = "requests/2026.csv"


def to_workbook(data: Path) -> Path:
    """Replace the CSV log by a workbook: dates as real Excel dates in odd rows, text in even rows."""
    steps = {0, 4, 5, 6, 7}  # received, reported, handled, resolved, answered

    def convert(i: int, row: list[str]) -> list[object]:
        return [
            date.fromisoformat(cell) if j in steps and cell and i % 2 else (cell or None)
            for j, cell in enumerate(row)
        ]

    return csv_to_workbook(data / LOG, convert)


def test_request_workbook_gives_the_same_figures(site: Path, data: Path, tmp_path: Path) -> None:
    """The log as a workbook gives the pages the sample's own log gives (``site``)."""
    to_workbook(data)
    after = cunjing("build", "--data", data, "-d", tmp_path / "b", "--today", TODAY)
    assert after.code == 0, after.text
    assert "五个及时" in after.err  # the 30-day alarm still counts the same requests
    for page in ("stats/index.html", "posts/zhongshu-changan/index.html"):
        assert (site / page).read_bytes() == (tmp_path / "b" / page).read_bytes(), page


def test_a_bad_cell_names_the_workbook_and_row(data: Path) -> None:
    path = to_workbook(data)
    book = openpyxl.load_workbook(path)
    ws = book.active
    assert ws is not None
    ws.cell(3, 2).value = "nobody-here"
    book.save(path)
    check_fails(data, file="requests/2026.xlsx", line=3, field="post", words="nobody-here")
