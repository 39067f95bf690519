"""Markdown documents with front matter (reports, notices …): read one, check
its front matter against a record, refuse unfilled template text and empty
bodies, and report problems naming each field with its Chinese title."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from .dates import weekday
from .messages import validate_document
from .problems import Problems, Severity, field_path
from .timing import parse_rule
from .yamlio import Document, MarkdownDocument, load_markdown_file

# Left by `cunjing new` in what the editor still has to write.
PLACEHOLDER = "【请填写"

R = TypeVar("R", bound=BaseModel)


def quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def mark(hint: str) -> str:
    return f"{PLACEHOLDER}{hint}】"


def field_titles(model: type[BaseModel]) -> dict[str, str]:
    return {name: info.title or name for name, info in model.model_fields.items()}


class Where:
    """Reports problems of one document (its front matter, or a Word document's
    fields table), naming field paths with their titles."""

    def __init__(self, meta: Document, problems: Problems, titles: dict[str, str]) -> None:
        self.meta = meta
        self.problems = problems
        self.titles = titles

    def add(self, path: tuple[str | int, ...], message: str, severity: Severity = "error") -> None:
        name = field_path(path)
        title = self.titles.get(str(path[0])) if path else None
        if title and len(path) == 1:
            name = f"{name}（{title}）"
        self.problems.add(self.meta.display, self.meta.line_of(path), name or None, message, severity)


def placeholders(md: MarkdownDocument, problems: Problems) -> bool:
    """Report every text a `cunjing new` template left unfilled; True if any."""
    found = False

    def walk(value: Any, path: tuple[str | int, ...]) -> None:
        nonlocal found
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (*path, i))
        elif isinstance(value, str) and PLACEHOLDER in value:
            found = True
            problems.add(
                md.meta.display, md.meta.line_of(path), field_path(path) or None,
                f"这里还是模板的提示文字“{value}”，请改成实际内容"
                + ("（只写数字；不需要的项目把整行删掉）。" if path[:1] == ("stats",) else "。"),
            )

    walk(md.meta.data, ())
    for offset, line in enumerate(md.body.split("\n")):
        if PLACEHOLDER in line:
            found = True
            problems.add(
                md.meta.display, md.body_line + offset, "正文",
                f"正文里还有模板的提示文字“{line.strip()}”，请改成实际内容。",
            )
    return found


def _body(md: MarkdownDocument, problems: Problems) -> str | None:
    if not md.body.strip():
        problems.add(
            md.meta.display, md.body_line, "正文",
            "正文是空的。请在第二个 --- 下面写正文。",
        )
        return None
    return md.body


def read_document(
    path: Path, display: str, model: type[R], problems: Problems
) -> tuple[R, MarkdownDocument, str] | None:
    """A document: its checked front matter, the parsed file and its (non-empty) body."""
    md = load_markdown_file(path, display, problems)
    if md is None or placeholders(md, problems):
        return None
    record: R | None = validate_document(model, md.meta, problems)
    body = _body(md, problems)
    if record is None or body is None:
        return None
    return record, md, body


# A document's name is its address: a new one takes a name no document uses in any format.
DOCUMENT_SUFFIXES = (".md", ".docx", ".doc", ".wps")


def write_new(folder: Path, stem: str, content: str | bytes, suffix: str = ".md") -> Path:
    """Write ``content`` (text, or a .docx's bytes) to folder/<stem><suffix>, or
    <stem>-2<suffix> … if the name is taken in any format; never overwrite."""
    folder.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    n = 1
    while True:
        name = stem if n == 1 else f"{stem}-{n}"
        n += 1
        if any((folder / f"{name}{s}").exists() for s in DOCUMENT_SUFFIXES):
            continue
        path = folder / f"{name}{suffix}"
        try:
            with path.open("xb") as handle:
                handle.write(data)
            return path
        except FileExistsError:
            continue


def report_at(
    problems: Problems, doc: Document, path: tuple[str | int, ...], message: str,
    severity: Severity = "error",
) -> None:
    """Report a problem at the line of a field path of a YAML document."""
    problems.add(doc.display, doc.line_of(path), field_path(path) or None, message, severity)


def refuse_id_field(doc: Document, data: dict[str, object], problems: Problems) -> bool:
    """The file name is the id: a written slug or id field is an error (False)."""
    for key in ("slug", "id"):
        if key in data:
            report_at(
                problems, doc, (key,),
                f"编号就是文件名，不要另写 {key} 字段（要改编号请改文件名）。",
            )
            return False
    return True


def check_order(
    doc: Document, start: datetime, end: datetime, problems: Problems, at: tuple[str | int, ...] = ()
) -> bool:
    """The end comes after the start (reported at ``end``)."""
    if end > start:
        return True
    report_at(
        problems, doc, (*at, "end"),
        f"结束时间 {end:%Y-%m-%d %H:%M} 应晚于开始时间 {start:%Y-%m-%d %H:%M}。",
    )
    return False


def check_repetition(
    doc: Document, start: datetime, end: datetime, repeat: str | None, until: date | None,
    what: str, problems: Problems, at: tuple[str | int, ...] = (),
) -> None:
    """The times of something that may repeat (an event, a patrol): end after start, ``until``
    only with a rule and not before the start nor with COUNT, and the first start a day of the
    rule (calendar apps always count it). ``what`` names it in messages: 活动, 巡逻."""
    add = partial(report_at, problems, doc)
    ok = check_order(doc, start, end, problems, at)
    if until is not None and repeat is None:
        add((*at, "until"), f"只有重复的{what}（写了 repeat）才需要写 until。")
    elif until is not None and until < start.date():
        add((*at, "until"), f"重复到 {until} 为止，早于第一次{what}的日期 {start.date()}。")
    elif repeat is not None and ok:
        if until is not None and "COUNT=" in repeat:
            add((*at, "until"), "重复规则里已经用 COUNT 写了次数，不要再写 until；两者只写一个。")
            return
        rule = parse_rule(repeat, start)
        if until is not None:
            rule = rule.replace(until=datetime.combine(until, time(23, 59, 59)))
        first = rule.after(start, inc=True)
        if first == start:
            return
        if first is None:
            message = f"按重复规则“{repeat}”，从 {_moment(start)} 起排不出任何一次{what}，请检查规则和 until。"
        else:
            message = (
                f"开始时间 {_moment(start)} 不是重复规则“{repeat}”里的日子。start 应写第一次{what}的时间"
                f"（按这个规则，第一次是 {_moment(first)}）。"
            )
        add((*at, "start"), message)


def _moment(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}（{weekday(moment.date())}）"
