"""A request log kept as .xlsx (real Excel dates or text) counts the same as the CSV."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl

from conftest import TODAY, check_fails, cunjing

LOG = "requests/2026.csv"


def to_workbook(data: Path) -> Path:
    """Replace the CSV log by a workbook: dates as real Excel dates in odd rows, text in even rows."""
    source = data / LOG
    rows = list(csv.reader(source.read_text(encoding="utf-8-sig").splitlines()))
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(rows[0])
    steps = {0, 4, 5, 6, 7}  # received, reported, handled, resolved, answered
    for i, row in enumerate(rows[1:]):
        cells: list[object] = []
        for j, cell in enumerate(row):
            if j in steps and cell and i % 2:
                cells.append(date.fromisoformat(cell))
            else:
                cells.append(cell or None)
        ws.append(cells)
    target = source.with_suffix(".xlsx")
    book.save(target)
    source.unlink()
    return target


def test_request_workbook_gives_the_same_figures(data: Path, tmp_path: Path) -> None:
    before = cunjing("build", "--data", data, "-d", tmp_path / "a", "--today", TODAY)
    to_workbook(data)
    after = cunjing("build", "--data", data, "-d", tmp_path / "b", "--today", TODAY)
    assert before.code == after.code == 0, after.text
    assert "五个及时" in after.err  # the 30-day alarm still counts the same requests
    for page in ("stats/index.html", "posts/zhongshu-changan/index.html"):
        assert (tmp_path / "a" / page).read_bytes() == (tmp_path / "b" / page).read_bytes(), page


def test_a_bad_cell_names_the_workbook_and_row(data: Path) -> None:
    path = to_workbook(data)
    book = openpyxl.load_workbook(path)
    ws = book.active
    assert ws is not None
    ws.cell(3, 2).value = "nobody-here"
    book.save(path)
    check_fails(data, file="requests/2026.xlsx", line=3, field="post", words="nobody-here")
