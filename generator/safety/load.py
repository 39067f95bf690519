"""Load data/safety/<village-id>.yml: one file per village with something to show.

The file stem names the village (former ids resolve, each village has at most
one file); the 六位一体 roles and the top-level fields are checked with a
suggestion for a near miss; a patrol's first time must be a day of its repeat
rule; the trainings a mediator attended must be lectures of kind 调解员培训.
"""

from __future__ import annotations

import difflib
from functools import partial
from pathlib import Path
from typing import Any

from ..core.documents import check_repetition, report_at
from ..core.files import data_files, display_path
from ..core.ids import Ids
from ..core.messages import validate_document
from ..core.problems import Problems
from ..core.yamlio import Document, load_yaml_file
from ..directory.grid import Grid
from ..law.schema import Lecture
from .model import SafetyBook
from .schema import SIX_ROLES, Safety, Schedule
from .workbook import SafetyWorkbook, safety_workbook

TRAINING = "调解员培训"
PRIVACY = (
    "平安建设文件只写为群众服务的人和组织；帮教对象、纠纷当事人等群众的个人信息"
    "不能写进网站数据。"
)


def load_safety(data_dir: Path, grid: Grid, lectures: tuple[Lecture, ...], problems: Problems) -> SafetyBook:
    trainings = Ids("讲座", {item.slug: item for item in lectures})
    book = safety_workbook(data_dir, grid, problems)
    if book is not None and _yaml_files(data_dir):
        problems.add(
            book.display, None, None,
            f"{book.display} 里有平安建设的工作表，data/safety/ 里也有 .yml 文件，不知道用哪一份。"
            "请只留一份：用 Excel 就把 safety 文件夹里的 .yml 文件移走；用 .yml 文件就删掉工作簿里的"
            "平安建设、调解员、六位一体三个工作表。（这次先按 .yml 文件检查。）",
        )
    elif book is not None:
        return _from_workbook(book, trainings, problems)
    records: dict[str, Safety] = {}
    seen: dict[str, str] = {}
    for path in data_files(data_dir / "safety", (".yml", ".yaml"), "平安建设", problems):
        display = display_path(path)
        village = grid.village_ids.resolve(
            path.stem, partial(_file_problem, problems, display),
            "平安建设文件的文件名就是村（社区）编号，例如 changan.yml。",
        )
        if village is None:
            continue
        if village.id in seen:
            problems.add(
                display, None, None,
                f"{village.name}（{village.id}）已经有平安建设文件 {seen[village.id]}，"
                "一个村（社区）只写一个文件（旧编号的文件请合并进去）。",
            )
            continue
        seen[village.id] = display
        record = _load_file(path, display, village.id, trainings, problems)
        if record is not None:
            records[village.id] = record
    return SafetyBook(tuple(records[key] for key in sorted(records)))


def _file_problem(problems: Problems, display: str, message: str) -> None:
    problems.add(display, None, None, message)


def _load_file(
    path: Path, display: str, village_id: str, trainings: Ids[Lecture], problems: Problems
) -> Safety | None:
    doc = load_yaml_file(path, display, problems)
    if doc is None:
        return None
    return _check(doc, village_id, trainings, problems)


def _yaml_files(data_dir: Path) -> list[Path]:
    folder = data_dir / "safety"
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yml", ".yaml")) if folder.is_dir() else []


def _from_workbook(book: SafetyWorkbook, trainings: Ids[Lecture], problems: Problems) -> SafetyBook:
    """The villages of the workbook's sheets, checked as their YAML files would be."""
    records = []
    for entry in book.posts:
        scratch = Problems()
        record = _check(book.document(entry), entry.id, trainings, scratch)
        book.translate(scratch, problems)
        if record is not None:
            records.append(record)
    return SafetyBook(tuple(records))


def _check(doc: Document, village_id: str, trainings: Ids[Lecture], problems: Problems) -> Safety | None:
    """One village's data (from a YAML file or the workbook's rows) as a checked record."""
    data = doc.data
    if isinstance(data, dict):
        data = _known_fields(doc, data, problems)
        data = {**data, "village": village_id}
    record: Safety | None = validate_document(Safety, doc, problems, data)
    if record is None:
        return None
    add = partial(report_at, problems, doc)
    if record.patrol is not None and record.patrol.schedule is not None:
        _check_schedule(doc, record.patrol.schedule, problems)
    mediators = []
    for i, mediator in enumerate(record.mediators):
        kept: list[str] = []
        for j, ref in enumerate(mediator.trained):
            where = ("mediators", i, "trained", j)
            lecture = trainings.resolve(
                ref, partial(add, where), "培训的编号就是 data/lectures/ 里讲座的文件名（不含 .md）。"
            )
            if lecture is None:
                continue
            if lecture.kind != TRAINING:
                add(where, f"讲座“{ref}”（{lecture.title}）的类别是{lecture.kind}，不是{TRAINING}。"
                    f"这里只写类别为{TRAINING}的讲座。")
            elif lecture.slug not in kept:
                kept.append(lecture.slug)
        mediators.append(mediator.model_copy(update={"trained": kept}))
    return record.model_copy(update={"mediators": mediators})


def _known_fields(doc: Document, data: dict[Any, Any], problems: Problems) -> dict[Any, Any]:
    """Drop (after reporting) unknown top-level keys and unknown 六位一体 roles."""
    known = [name for name in Safety.model_fields if name != "village"]
    out = {}
    for key, value in data.items():
        if key in known:
            out[key] = value
            continue
        guess = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = f"是否想写“{guess[0]}”？" if guess else f"可用的字段有：{'、'.join(known)}。"
        report_at(problems, doc, (key,), f"未知字段“{key}”。{hint}{PRIVACY}")
    six = out.get("six")
    if isinstance(six, dict):
        roles = {}
        for role, value in six.items():
            if role in SIX_ROLES:
                roles[role] = value
                continue
            guess = difflib.get_close_matches(str(role), list(SIX_ROLES), n=1, cutoff=0.4)
            hint = f"是否想写“{guess[0]}”？" if guess else ""
            report_at(
                problems, doc, ("six", role),
                f"“{role}”不是“六位一体”的工作。{hint}只能写：{'、'.join(SIX_ROLES)}。",
            )
        out["six"] = roles
    return out


def _check_schedule(doc: Document, schedule: Schedule, problems: Problems) -> None:
    """The same rules as an event's times (core.documents.check_repetition)."""
    check_repetition(
        doc, schedule.start, schedule.end, schedule.repeat, schedule.until, "巡逻", problems,
        at=("patrol", "schedule"),
    )


