"""The roster as an Excel workbook (data/名册.xlsx), the way county staff keep it.

Four sheets — 警务室, 村（社区）, 民警, 辅警协管员 — with Chinese headers. A
workbook read back gives the same Post records as data/posts/*.yml (the 编号
column of 警务室 is what the file name is for YAML). Every problem names the
workbook, the sheet, the row and the column header:

    data/名册.xlsx 民警 第12行【电话】: 错误：…
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..core import phones
from ..core.files import display_path
from ..core.guard import find_id_numbers, find_mobiles, mask
from ..core.messages import describe, salvage
from ..core.problems import Problems, parse_field_path
from ..core.xlsx import Row, Sheet, read_workbook, write_workbook
from ..core.yamlio import Document
from .rules import did_you_mean
from .schema import DUTIES, Post, StaffRole, VillageKind

WORKBOOK = "名册.xlsx"
POSTS, VILLAGES, OFFICERS, STAFF = "警务室", "村（社区）", "民警", "辅警协管员"
POST_COLUMN = "警务室编号"
LIST_SEPARATORS = re.compile(r"[、,，;；\n]")
DUTY_COLUMNS = tuple(f"五员职责{i}" for i in range(1, len(DUTIES) + 1))


@dataclass(frozen=True)
class Column:
    header: str
    key: str  # dotted path inside the record: "location.lat"
    is_list: bool = False


POST_COLUMNS = (
    Column("编号", "id"), Column("名称", "name"), Column("乡镇", "township"),
    Column("派出所", "station"), Column("地址", "address"), Column("电话", "phone"),
    Column("办公时间", "hours"), Column("纬度", "location.lat"), Column("经度", "location.lon"),
    Column("接待重复规则", "reception.repeat"), Column("接待开始时间", "reception.start"),
    Column("接待结束时间", "reception.end"), Column("接待从哪天起", "reception.since"),
    # 我要反映: the post's own channels; empty cells keep the site's (data/site.yml).
    Column("反映电话", "feedback.phone"), Column("短信号码", "feedback.sms"),
    Column("反映邮箱", "feedback.email"), Column("微信二维码图片", "feedback.wechat_qr"),
    Column("问卷网址", "feedback.survey_url"), Column("意见箱", "feedback.mailbox"),
)
VILLAGE_COLUMNS = (
    Column("编号", "id"), Column("名称", "name"), Column("类型", "kind"),
    Column("人口", "population"), Column("村民小组/小区", "groups", True),
    Column("责任民警", "officers", True), Column("曾用编号", "aliases", True),
)
OFFICER_COLUMNS = (
    Column("编号", "id"), Column("姓名", "name"), Column("警衔/职务", "rank"),
    Column("警号", "badge"), Column("电话", "phone"), Column("照片", "photo"),
    Column("两委职务", "village_role"), Column("简介", "bio"),
)
STAFF_COLUMNS = (
    Column("姓名", "name"), Column("岗位", "role"), Column("电话", "phone"),
    Column("负责村（社区）", "villages", True),
)
# Columns whose numbers are published on the site (the guard allows them).
PUBLISHED_PHONE_COLUMNS = ("电话", "反映电话", "短信号码")
# Columns of numbers, dates and times: Excel's General format in the export's empty rows.
TYPED_COLUMNS = ("人口", "纬度", "经度", "接待开始时间", "接待结束时间", "接待从哪天起")
# Columns where a number Excel made of what was typed loses its leading zeros.
DIGITS_COLUMNS = ("警号", *PUBLISHED_PHONE_COLUMNS)
# The sheets of the post's lists: (sheet, the Post field, its columns).
GROUPS = ((VILLAGES, "villages", VILLAGE_COLUMNS), (OFFICERS, "officers", OFFICER_COLUMNS),
          (STAFF, "staff", STAFF_COLUMNS))


def _choices(literal: Any) -> tuple[str, ...]:
    return tuple(str(a) for a in literal.__args__)


def cell_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(cell_value(v) for v in value)
    if hasattr(value, "strftime") and hasattr(value, "hour") and not hasattr(value, "year"):
        return str(value.strftime("%H:%M"))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def get_path(data: dict[str, Any], key: str) -> Any:
    for part in key.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)  # type: ignore[assignment]
    return data


# -- export ------------------------------------------------------------------

def roster_sheets(posts: Sequence[Post]) -> list[Sheet]:
    """The four sheets of the roster, in the posts' order."""
    post_rows = []
    lists: dict[str, list[list[str]]] = {name: [] for name, _, _ in GROUPS}
    for post in posts:
        data = post.model_dump(mode="python")
        post_rows.append([cell_value(get_path(data, c.key)) for c in POST_COLUMNS])
        for sheet, group, columns in GROUPS:
            for item in data[group]:
                row = [post.id, *(cell_value(get_path(item, c.key)) for c in columns)]
                if sheet == OFFICERS:
                    duties = list(item["duties"])
                    row += [duties[i] if i < len(duties) else "" for i in range(len(DUTY_COLUMNS))]
                lists[sheet].append(row)
    return [
        Sheet(POSTS, [c.header for c in POST_COLUMNS], post_rows, typed=TYPED_COLUMNS),
        Sheet(VILLAGES, [POST_COLUMN, *(c.header for c in VILLAGE_COLUMNS)], lists[VILLAGES],
              {"类型": _choices(VillageKind)}, TYPED_COLUMNS),
        Sheet(OFFICERS, [POST_COLUMN, *(c.header for c in OFFICER_COLUMNS), *DUTY_COLUMNS],
              lists[OFFICERS], dict.fromkeys(DUTY_COLUMNS, DUTIES)),
        Sheet(STAFF, [POST_COLUMN, *(c.header for c in STAFF_COLUMNS)], lists[STAFF],
              {"岗位": _choices(StaffRole)}),
    ]


def export_roster(posts: Sequence[Post], when: datetime) -> bytes:
    return write_workbook(roster_sheets(posts), when)


# -- reading -------------------------------------------------------------------

Where = tuple[str, int, str | None]  # sheet, row, column header
Path_ = tuple[str | int, ...]


@dataclass
class RosterPost:
    """One post assembled from the workbook's rows, with where each value came from."""

    id: str
    data: dict[str, Any]
    where: dict[Path_, Where]

    def at(self, path: Path_) -> Where:
        path = tuple(path)
        while path not in self.where and path:
            path = path[:-1]
        return self.where[path]


def _set(target: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


def row_record(row: Row, columns: Sequence[Column], base: Path_, where: dict[Path_, Where], sheet: str
            ) -> dict[str, Any]:
    """The row's record; every column, even an empty one, names its header in problems."""
    record: dict[str, Any] = {}
    where[base] = (sheet, row.number, None)
    for column in columns:
        parts = column.key.split(".")
        for i in range(1, len(parts)):  # the sections (location, patrol …) are named by the row
            where.setdefault((*base, *parts[:i]), (sheet, row.number, None))
        where[(*base, *parts)] = (sheet, row.number, column.header)
        text = row.cells.get(column.header, "").strip()
        if not text:
            continue
        value: Any = [p.strip() for p in LIST_SEPARATORS.split(text) if p.strip()] if column.is_list else text
        _set(record, column.key, value)
        path = (*base, *column.key.split("."))
        where[path] = (sheet, row.number, column.header)
        if column.is_list:
            for i in range(len(value)):
                where[(*path, i)] = (sheet, row.number, column.header)
    return record


class Book:
    """A workbook's records (one per post, village …) and their problems at sheet/row/column.

    Kinds whose data may live in data/名册.xlsx subclass it: they assemble
    ``posts`` (any records with an id) from the rows, then check them through
    ``document()`` like YAML files and move the problems back with ``translate()``.
    """

    sheet_order: tuple[str, ...] = ()

    def __init__(self, path: Path, problems: Problems) -> None:
        self.display = display_path(path)
        self.problems = problems
        self.posts: list[RosterPost] = []
        # Cells already refused (a badge Excel made a number): their other problems are not added.
        self.refused: set[Where] = set()

    def refuse_numbers(self, sheet: str, row: Row, headers: Sequence[str]) -> None:
        """A badge or phone that Excel turned into a number has lost its leading zeros:
        refused, with the fix, instead of published changed."""
        for header in headers:
            if header in row.numbers:
                where = (sheet, row.number, header)
                self.add(
                    where,
                    f"“{row.cells[header]}”被 Excel 当成了数字（开头的 0 会丢掉，长数字会变样）。"
                    f"请选中“{header}”这一列，右键“设置单元格格式”选“文本”，再把这一格重新输入一遍。",
                )
                self.refused.add(where)

    def place(self, sheet: str, row: int | None = None, header: str | None = None) -> str:
        where = f"{self.display} {sheet}"
        if row is not None:
            where += f" 第{row}行"
        if header:
            where += f"【{header}】"
        return where

    def add(self, where: Where, message: str, severity: Any = "error", into: Problems | None = None) -> None:
        if where not in self.refused:
            (into or self.problems).add(self.place(*where), None, None, message, severity)

    def validate(self, model: type[BaseModel], post: RosterPost) -> Any:
        """The record, or None after reporting each error at its sheet, row and column."""
        try:
            return model.model_validate(post.data)
        except ValidationError as exc:
            for error in exc.errors():
                loc, message = describe(model, error)
                where = post.at(loc)
                if error["type"] == "missing" and where[2]:
                    message = "这一格必须填写，不能空着。"
                self.add(where, message)
            return None

    def document(self, post: RosterPost) -> Document:
        """A Document for the cross-file rules; its problems are translated by ``translate``.

        Its "lines" encode sheet and row (sheet number * ROW_BASE + row), so a
        message that quotes another place ("… 第 N 行已经用过") can be translated too.
        """
        lines = {path: _encode(self.sheet_order, where) for path, where in post.where.items()}
        return Document(f"{self.display}#{post.id}", post.data, lines)

    def translate(self, problems: Problems, into: Problems) -> None:
        """Move problems reported against ``document()``s to sheet/row/column places."""
        by_id = {p.id: p for p in self.posts}
        quoted = re.compile(re.escape(self.display) + r"#[a-z0-9-]+ 第 (\d+) 行")

        def unquote(m: re.Match[str]) -> str:
            sheet, row = _decode(self.sheet_order, int(m.group(1)))
            return f"“{sheet}”工作表第{row}行"

        for problem in problems:
            post = by_id.get(problem.file.removeprefix(f"{self.display}#"))
            if post is None or not problem.file.startswith(f"{self.display}#"):
                into.extend([problem])
                continue
            path = parse_field_path(problem.field or "")
            message = quoted.sub(unquote, problem.message)
            self.add(post.at(path), message, problem.severity, into)


class Roster(Book):
    """data/名册.xlsx read into per-post data, and problems translated to sheet/row/column."""

    sheet_order = (POSTS, VILLAGES, OFFICERS, STAFF)

    def __init__(self, path: Path, problems: Problems) -> None:
        super().__init__(path, problems)
        self.orphans: set[str] = set()  # ids in rows whose post is not found
        sheets = read_workbook(path, self.display, problems)
        if sheets is not None:
            self._assemble(sheets)
            self._guard(sheets)

    def _guard(self, sheets: dict[str, list[Row]]) -> None:
        """The personal-data guard for the workbook's cells (the text-file guard cannot read .xlsx)."""
        published = {
            phones.digits(phones.halfwidth(row.cells.get(header, "")))
            for rows in sheets.values() for row in rows for header in PUBLISHED_PHONE_COLUMNS
        }
        for sheet, rows in sheets.items():
            for row in rows:
                for header, text in row.cells.items():
                    for number in find_id_numbers(text):
                        self.add(
                            (sheet, row.number, header),
                            f"含有居民身份证号码（{mask(number)}）。群众的身份证号不能公布，请删除。",
                        )
                    for mobile in find_mobiles(text):
                        if mobile not in published:
                            self.add(
                                (sheet, row.number, header),
                                f"含有手机号码（{mask(mobile)}），它不是名册里公布的电话。"
                                "群众的手机号不能公布，请删除；如果是工作人员的号码，请写进“电话”列。",
                            )

    def _assemble(self, sheets: dict[str, list[Row]]) -> None:
        missing = [s for s in (POSTS, VILLAGES, OFFICERS, STAFF) if s not in sheets]
        if missing:
            self.problems.add(
                self.display, None, None,
                f"名册里缺少工作表：{'、'.join(missing)}。应有四个工作表：警务室、村（社区）、民警、"
                "辅警协管员（可以用 cunjing excel export 导出一份作样子）。",
            )
            return
        by_id: dict[str, RosterPost] = {}
        for row in sheets[POSTS]:
            self.refuse_numbers(POSTS, row, DIGITS_COLUMNS)
            where: dict[Path_, Where] = {}
            data = row_record(row, POST_COLUMNS, (), where, POSTS)
            post_id = str(data.get("id", ""))
            if not post_id:
                self.add((POSTS, row.number, "编号"), "缺少警务室编号（只用小写英文字母、数字和短横线）。")
                continue
            if post_id in by_id:
                first = by_id[post_id].where[()][1]
                self.add((POSTS, row.number, "编号"), f"警务室编号“{post_id}”重复：第{first}行已经用过。")
                continue
            data.update({"villages": [], "officers": [], "staff": []})
            by_id[post_id] = RosterPost(post_id, data, where)
        for sheet, group, columns in GROUPS:
            for row in sheets[sheet]:
                self.refuse_numbers(sheet, row, DIGITS_COLUMNS)
                post_id = row.cells.get(POST_COLUMN, "").strip()
                post = by_id.get(post_id)
                if post is None:
                    self.add(
                        (sheet, row.number, POST_COLUMN),
                        f"找不到编号为“{post_id}”的警务室。{did_you_mean(post_id, by_id)}"
                        f"这一列要写“{POSTS}”工作表“编号”列里的警务室编号。"
                        if post_id else "缺少警务室编号：这一行属于哪个警务室？",
                    )
                    # The ids this row defines are not reported again as unknown.
                    self.orphans.update(
                        p.strip() for h in ("编号", "曾用编号")
                        for p in LIST_SEPARATORS.split(row.cells.get(h, "")) if p.strip()
                    )
                    continue
                index = len(post.data[group])
                item = row_record(row, columns, (group, index), post.where, sheet)
                if sheet == OFFICERS:
                    duties = [row.cells.get(h, "").strip() for h in DUTY_COLUMNS]
                    item["duties"] = [d for d in duties if d]
                    for i, header in enumerate(h for h, d in zip(DUTY_COLUMNS, duties, strict=True) if d):
                        post.where[(group, index, "duties", i)] = (sheet, row.number, header)
                post.data[group].append(item)
        self.posts = list(by_id.values())


ROW_BASE = 1_000_000


def _encode(order: tuple[str, ...], where: Where) -> int:
    return order.index(where[0]) * ROW_BASE + where[1]


def _decode(order: tuple[str, ...], line: int) -> tuple[str, int]:
    return order[line // ROW_BASE], line % ROW_BASE


def roster_path(data_dir: Path) -> Path:
    return data_dir / WORKBOOK


def load_roster(
    data_dir: Path, problems: Problems, unchecked: set[str],
    check: Callable[[list[tuple[Post, Document]], set[str], Problems], None],
) -> tuple[list[tuple[Post, Document]], set[str]]:
    """Posts from data/名册.xlsx, and the phone numbers written for posts that fail.

    Ids of posts that fail go to ``unchecked``: their problems are already reported.
    The rules across posts see the failed posts too (what validated in them),
    so a slip in one cell hides no other problem.
    """
    roster = Roster(roster_path(data_dir), problems)
    unchecked.update(roster.orphans)
    posts: list[tuple[Post, Document]] = []
    checked: list[tuple[Post, Document]] = []
    numbers: set[str] = set()
    for entry in roster.posts:
        post = roster.validate(Post, entry)
        if post is None:
            partial = salvage(Post, entry.data)
            if partial is not None:
                checked.append((partial, roster.document(entry)))
            unchecked.add(entry.id)
            numbers.update(_as_list(entry.data.get("phone")))
            for group in ("officers", "staff"):
                numbers.update(p for item in entry.data[group] for p in _as_list(item.get("phone")))
            for group in ("villages", "officers"):
                for item in entry.data[group]:
                    unchecked.update(v for k in ("id", "aliases") for v in _as_list(item.get(k)))
            continue
        posts.append((post, roster.document(entry)))
        checked.append(posts[-1])
    scratch = Problems()
    check(checked, unchecked, scratch)
    roster.translate(scratch, problems)
    return posts, numbers


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if value else []


__all__ = [
    "WORKBOOK", "Book", "Column", "cell_value", "export_roster", "get_path", "load_roster", "roster_path",
    "roster_sheets", "row_record",
]
