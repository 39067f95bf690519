"""A visit log kept as .xlsx (real Excel dates or text) counts the same as the CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from conftest import TODAY, check_fails, cunjing
from helpers import csv_to_workbook

LOG = "visits/2026-q4.csv"


def to_workbook(data: Path) -> Path:
    """Replace the CSV log by a workbook; odd rows hold real dates, even rows text."""

    def convert(i: int, row: list[str]) -> list[object]:
        day = date.fromisoformat(row[0])
        first: object = day if i % 2 else f"{day.year}/{day.month}/{day.day}"
        return [first, row[1], row[2], int(row[3]), int(row[4]), int(row[5]), row[6]]

    return csv_to_workbook(data / LOG, convert)


def test_visit_workbook_gives_the_same_figures(site: Path, data: Path, tmp_path: Path) -> None:
    """The log as a workbook gives the pages the sample's own log gives (``site``)."""
    to_workbook(data)
    after = cunjing("build", "--data", data, "-d", tmp_path / "b", "--today", TODAY)
    assert after.code == 0, after.text
    for page in ("officers/li-bohua/index.html", "posts/baishui-baishui/index.html", "index.html"):
        assert (site / page).read_bytes() == (tmp_path / "b" / page).read_bytes(), page


def test_a_bad_cell_names_the_workbook_and_row(data: Path) -> None:
    path = to_workbook(data)
    book = openpyxl.load_workbook(path)
    ws = book.active
    assert ws is not None
    ws.cell(3, 2).value = "nobody-here"
    book.save(path)
    check_fails(data, file="visits/2026-q4.xlsx", line=3, field="officer", words="nobody-here")
