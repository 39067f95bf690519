"""Problems found in the data: what editors read when something is wrong.

Every problem names the file, the line and the field path, and says in plain
Chinese what is wrong. Loaders collect problems instead of stopping at the
first one, so an editor sees everything in one run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        label = "错误" if self.severity == "error" else "警告"
        field = f"字段 {self.field}：" if self.field else ""
        return f"{where}: {label}：{field}{self.message}"


class Problems:
    """An ordered collection of problems, filled by every stage of loading."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(
        self,
        file: str,
        line: int | None,
        field: str | None,
        message: str,
        severity: Severity = "error",
    ) -> None:
        self._items.append(Problem(file, line, field, message, severity))

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self._items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self._items if p.severity == "warning"]


class DataError(Exception):
    """Raised when the data has errors; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(format_report(self.problems))


def format_report(problems: Iterable[Problem]) -> str:
    items = list(problems)
    errors = [p for p in items if p.severity == "error"]
    warnings = [p for p in items if p.severity == "warning"]
    lines = [str(p) for p in errors + warnings]
    if errors:
        lines.append(f"共发现 {len(errors)} 个错误、{len(warnings)} 个警告。请改正错误后再生成网站。")
    elif warnings:
        lines.append(f"数据可以使用，但有 {len(warnings)} 个警告，请核对。")
    return "\n".join(lines)


def field_path(path: Iterable[str | int]) -> str:
    """A path such as ("officers", 0, "phone") as an editor reads it: the names
    as written in the file, list items counted from 1 — officers 第1项 → phone."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f" 第{part + 1}项"
        else:
            out += f" → {part}" if out else str(part)
    return out


def parse_field_path(text: str) -> tuple[str | int, ...]:
    """The path back from field_path's text (a Chinese title after it is dropped):
    'officers 第1项 → phone（电话）' -> ('officers', 0, 'phone')."""
    out: list[str | int] = []
    for segment in text.split("（", 1)[0].split(" → "):
        name, *items = segment.split(" 第")
        if name:
            out.append(name)
        out += [int(item.removesuffix("项")) - 1 for item in items if item.removesuffix("项").isdigit()]
    return tuple(out)
