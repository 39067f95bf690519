"""平安建设 in the Excel roster (data/名册.xlsx): three more sheets beside the roster's.

* 平安建设: one row per village (its 平安 title and its patrol team);
* 调解员: one row per people's mediator;
* 六位一体: one row per job a village has given to a person or a body.

Each row names its village in the column 村（社区）编号 (former ids resolve).
The rows are assembled into the same dicts a data/safety/<village-id>.yml file
gives, so safety/load.py checks them through the same path; this module only
says where each value came from, so every problem names the workbook, the
sheet, the row and the column header. The sheets and columns reuse the
roster's machinery (directory/workbook.py, core/xlsx.py).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from ..core.problems import Problems
from ..core.xlsx import Row, Sheet, read_workbook
from ..directory.grid import Grid
from ..directory.load import roster_in_use
from ..directory.rules import did_you_mean
from ..directory.workbook import (
    Book,
    Column,
    RosterPost,
    cell_value,
    get_path,
    roster_path,
    row_record,
)
from .model import SafetyBook
from .schema import SIX_ROLES

SAFETY, MEDIATORS, SIX = "平安建设", "调解员", "六位一体"
VILLAGE_COLUMN = "村（社区）编号"
ROLE_COLUMN = "工作"

SAFETY_COLUMNS = (
    Column("平安称号", "pingan.title"), Column("年份", "pingan.year"), Column("授予单位", "pingan.by"),
    Column("巡逻队名称", "patrol.name"), Column("队长", "patrol.leader"), Column("电话", "patrol.phone"),
    Column("队员人数", "patrol.members"), Column("队员组成", "patrol.made_of", True),
    Column("巡逻地点", "patrol.areas", True), Column("第一次开始", "patrol.schedule.start"),
    Column("第一次结束", "patrol.schedule.end"), Column("重复规则", "patrol.schedule.repeat"),
    Column("重复到", "patrol.schedule.until"),
)
MEDIATOR_COLUMNS = (
    Column("姓名", "name"), Column("职务", "role"), Column("电话", "phone"),
    Column("参加的培训", "trained", True),
)
SIX_COLUMNS = (Column("负责人或组织", "who"), Column("电话", "phone"))
# Columns of numbers, dates and times: Excel's General format in the export's empty rows.
TYPED_COLUMNS = ("年份", "队员人数", "第一次开始", "第一次结束", "重复到")
PHONE_COLUMNS = ("电话",)


def _cell(value: Any) -> str:
    """A value as an editor writes it: times as YYYY-MM-DD HH:MM, lists joined with 、."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return cell_value(value)


# -- export ------------------------------------------------------------------

def safety_sheets(book: SafetyBook) -> list[Sheet]:
    """The three 平安建设 sheets, villages in id order."""
    villages, mediators, six = [], [], []
    for record in book.records:
        data = record.model_dump(mode="python")
        villages.append([record.village, *(_cell(get_path(data, c.key)) for c in SAFETY_COLUMNS)])
        for item in data["mediators"]:
            mediators.append([record.village, *(_cell(get_path(item, c.key)) for c in MEDIATOR_COLUMNS)])
        for role in SIX_ROLES:
            member = data["six"].get(role)
            if member is not None:
                six.append([record.village, role, *(_cell(get_path(member, c.key)) for c in SIX_COLUMNS)])
    return [
        Sheet(SAFETY, [VILLAGE_COLUMN, *(c.header for c in SAFETY_COLUMNS)], villages, typed=TYPED_COLUMNS),
        Sheet(MEDIATORS, [VILLAGE_COLUMN, *(c.header for c in MEDIATOR_COLUMNS)], mediators),
        Sheet(SIX, [VILLAGE_COLUMN, ROLE_COLUMN, *(c.header for c in SIX_COLUMNS)], six,
              {ROLE_COLUMN: SIX_ROLES}),
    ]


# -- reading -------------------------------------------------------------------

class SafetyWorkbook(Book):
    """The 平安建设 sheets of data/名册.xlsx as one record (``posts``) per village."""

    sheet_order = (SAFETY, MEDIATORS, SIX)

    def __init__(self, path: Path, sheets: dict[str, list[Row]], grid: Grid, problems: Problems) -> None:
        super().__init__(path, problems)
        self.grid = grid
        self.by_id: dict[str, RosterPost] = {}
        self.rows: dict[str, int] = {}  # village id -> its row in 平安建设
        missing = [s for s in self.sheet_order if s not in sheets]
        if missing:
            self.problems.add(
                self.display, None, None,
                f"名册里有平安建设的工作表，但缺少：{'、'.join(missing)}。平安建设应有三个工作表："
                "平安建设、调解员、六位一体（没有内容的工作表只留标题行；可以用 cunjing excel export "
                "导出一份作样子）。",
            )
            return
        for row in sheets[SAFETY]:
            self._village_row(row)
        for row in sheets[MEDIATORS]:
            self._mediator_row(row)
        for row in sheets[SIX]:
            self._six_row(row)
        self.posts = [self.by_id[key] for key in sorted(self.by_id)]

    def _entry(self, sheet: str, row: Row) -> RosterPost | None:
        self.refuse_numbers(sheet, row, PHONE_COLUMNS)
        text = row.cells.get(VILLAGE_COLUMN, "").strip()
        where = (sheet, row.number, VILLAGE_COLUMN)
        if not text:
            self.add(where, "缺少村（社区）编号：这一行属于哪个村（社区）？")
            return None
        ids = self.grid.village_ids
        village = ids.get(text)
        if village is None:
            if text not in ids.unchecked:
                self.add(
                    where,
                    f"找不到编号为“{text}”的村（社区）。{did_you_mean(text, ids.items)}"
                    "村（社区）编号要和“村（社区）”工作表“编号”列里写的一致，例如 changan。",
                )
            return None
        entry = self.by_id.get(village.id)
        if entry is None:
            entry = RosterPost(village.id, {}, {(): where})
            self.by_id[village.id] = entry
        return entry

    def _village_row(self, row: Row) -> None:
        entry = self._entry(SAFETY, row)
        if entry is None:
            return
        if entry.id in self.rows:
            self.add(
                (SAFETY, row.number, VILLAGE_COLUMN),
                f"村（社区）“{entry.id}”在“{SAFETY}”工作表里已经有一行（第{self.rows[entry.id]}行），"
                "每个村（社区）只写一行。",
            )
            return
        self.rows[entry.id] = row.number
        entry.data.update(row_record(row, SAFETY_COLUMNS, (), entry.where, SAFETY))

    def _mediator_row(self, row: Row) -> None:
        entry = self._entry(MEDIATORS, row)
        if entry is None:
            return
        mediators = entry.data.setdefault("mediators", [])
        mediators.append(row_record(row, MEDIATOR_COLUMNS, ("mediators", len(mediators)), entry.where, MEDIATORS))

    def _six_row(self, row: Row) -> None:
        entry = self._entry(SIX, row)
        if entry is None:
            return
        role = row.cells.get(ROLE_COLUMN, "").strip()
        where = (SIX, row.number, ROLE_COLUMN)
        six = entry.data.setdefault("six", {})
        if not role:
            self.add(where, f"缺少“{ROLE_COLUMN}”：请从下拉列表里选择 {'、'.join(SIX_ROLES)} 之一。")
            return
        if role in six:
            first = entry.where[("six", role)][1]
            self.add(where, f"村（社区）“{entry.id}”的“{role}”在第{first}行已经写过，每项工作只写一行。")
            return
        six[role] = row_record(row, SIX_COLUMNS, ("six", role), entry.where, SIX)
        entry.where[("six", role)] = where


def safety_workbook(data_dir: Path, grid: Grid, problems: Problems) -> SafetyWorkbook | None:
    """The 平安建设 sheets when the roster workbook is in use and has any of them, else None.

    An unreadable workbook is reported by the roster; it is not reported again.
    """
    path = roster_path(data_dir)
    if not roster_in_use(data_dir):
        return None
    sheets = read_workbook(path, "", Problems())
    if sheets is None or not any(s in sheets for s in SafetyWorkbook.sheet_order):
        return None
    return SafetyWorkbook(path, sheets, grid, problems)


__all__ = ["MEDIATORS", "SAFETY", "SIX", "SafetyWorkbook", "safety_sheets", "safety_workbook"]
