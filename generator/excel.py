"""`cunjing excel export` and `cunjing excel use`: the roster and the other
kinds' sheets (Kind.sheets) as one workbook, data/名册.xlsx, and the switch
from .yml files to that workbook.

The switch never deletes: the .yml files the workbook replaces are moved into
a dated backup folder beside data/, and the data is checked right after.
"""

from __future__ import annotations

import filecmp
import shutil
from datetime import UTC, date, datetime, time
from pathlib import Path

from .core.problems import Problems, format_report
from .core.xlsx import write_workbook
from .kind import Kind, Load
from .kinds import BY_NAME, KINDS, load_order
from .site import load_kinds

WORKBOOK = "名册.xlsx"
BACKUPS = "名册备份"


class Refused(Exception):
    """The command cannot go on; the message is for editors (Chinese)."""


def _needed(names: set[str]) -> set[str]:
    """The kinds named and every kind they need, transitively."""
    out: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in out:
            out.add(name)
            todo.extend(BY_NAME[name].needs)
    return out


def export(data_dir: Path, today: date, output: Path) -> str:
    """Write the workbook to ``output``; what it holds, in words. Refused on bad data."""
    ctx = Load(data_dir, today, None, Problems())
    order = load_order()
    # The roster first: the other sheets are checked against it.
    load_kinds(ctx, order[:1])
    if ctx.problems.errors:
        raise Refused(format_report(ctx.problems) + "\n名册有错误，没有导出。请先改正上面的错误。")
    wanted = _needed({kind.name for kind in KINDS if kind.sheets is not None})
    rest = [kind for kind in order[1:] if kind.name in wanted]
    load_kinds(ctx, rest)
    if ctx.problems.errors:
        titles = "、".join(kind.title for kind in rest)
        raise Refused(format_report(ctx.problems) + f"\n{titles}数据有错误，没有导出。请先改正上面的错误。")
    sheets, held = [], []
    for kind in KINDS:
        if kind.sheets is not None:
            found, words = kind.sheets(ctx)
            sheets += found
            held.append(words)
    content = write_workbook(sheets, datetime.combine(today, time(0, 0), tzinfo=UTC))
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_bytes(content)
    tmp.replace(output)
    return "，".join(held)


def _sheet_names(path: Path) -> set[str]:
    from openpyxl import load_workbook  # only when a workbook is used

    try:
        book = load_workbook(path, read_only=True)
    except Exception as exc:  # not a workbook openpyxl can read
        raise Refused(f"{path} 打不开（{type(exc).__name__}），请用 Excel 或 WPS 打开后“另存为”“Excel 工作簿（*.xlsx）”。") from None
    try:
        return set(book.sheetnames)
    finally:
        book.close()


def _free_folder(base: Path) -> Path:
    n, folder = 1, base
    while folder.exists():
        n += 1
        folder = base.with_name(f"{base.name}-{n}")
    return folder


def use(data_dir: Path, source: Path, today: date) -> tuple[Path, list[tuple[Path, Path]]]:
    """Put ``source`` at data/名册.xlsx and move the .yml files it replaces (the
    folders of the kinds whose sheets it holds) into 名册备份/<date>/ beside data/.

    Returns the workbook's place and every (from, to) moved."""
    if not source.is_file():
        raise Refused(f"找不到 {source}。请先运行 cunjing excel export 导出名册，改好后再运行 cunjing excel use 文件名。")
    target = data_dir / WORKBOOK
    sheets = _sheet_names(source)
    replaced: list[Kind] = [kind for kind in KINDS if kind.sheet_names and set(kind.sheet_names) <= sheets]
    if not any(kind.name == "directory" for kind in replaced):
        missing = "、".join(BY_NAME["directory"].sheet_names)
        raise Refused(f"{source} 里没有名册的工作表（{missing}），不能代替 posts 文件夹。请用 cunjing excel export 导出的工作簿。")
    backup = _free_folder(data_dir.parent / BACKUPS / today.isoformat())
    moves: list[tuple[Path, Path]] = []
    if target.exists() and source.resolve() != target.resolve() and not filecmp.cmp(source, target, shallow=False):
        moves.append((target, backup / WORKBOOK))
    for kind in replaced:
        folder = data_dir / str(kind.folder)
        if folder.is_dir():
            for path in sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]):
                moves.append((path, backup / str(kind.folder) / path.name))
    for old, new in moves:
        new.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(old, new)
    if source.resolve() != target.resolve():
        shutil.copy2(source, target)
    return target, moves
