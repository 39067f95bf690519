"""The shared base of internal logs: reading rows through a row model, tallies, stats."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field

from generator.core.dates import month_of, week_of
from generator.core.logs import Log, LogStats, RowAt, Scope, after_build_date, tally
from generator.core.problems import Problems
from generator.core.records import Record

TODAY = dt.date(2026, 12, 1)


class TallyRow(Record):
    day: dt.date = Field(title="日期")
    count: int = Field(title="数量", ge=0)
    note: str | None = Field(None, title="备注")


TALLIES = Log("tallies", "计数台账", TallyRow, ("day", "count", "note"), dates=("day",), blank=("note",))


def _read(tmp_path: Path, text: str) -> tuple[list[TallyRow], list[tuple[int | None, str | None, str, str]]]:
    (tmp_path / "tallies").mkdir()
    (tmp_path / "tallies" / "a.csv").write_text(text, encoding="utf-8")
    problems = Problems()

    def check(record: TallyRow, at: RowAt) -> TallyRow | None:
        at.not_after("day", record.day, TODAY)
        if record.count > 9:
            at.add("count", "太多了。")
            return None
        return record

    rows = TALLIES.read(tmp_path, check, problems)
    return rows, [(p.line, p.field, p.message, p.severity) for p in problems]


def test_rows_reach_the_checker_validated_with_their_line(tmp_path: Path) -> None:
    rows, problems = _read(
        tmp_path,
        "day,count,note\n"
        "2026/10/1,1,\n"  # Excel's date form, repaired; a blank note is no note
        "2026-10-02,x,n\n"  # a blank-able column only for note: x is validated and refused
        "2026-10-03,,\n"  # a blank count is validated as written, not as missing
        "2026-10-04,10,\n"
        "2026-10-05,1\n"
        "2026-12-02,2,later\n",
    )
    assert rows == [
        TallyRow(day=dt.date(2026, 10, 1), count=1),
        TallyRow(day=dt.date(2026, 12, 2), count=2, note="later"),
    ]
    assert problems == [
        (3, "count（数量）", "“x”应为整数（只写数字，不要加逗号或单位）。", "error"),
        (4, "count（数量）", "“”应为整数（只写数字，不要加逗号或单位）。", "error"),
        (5, "count（数量）", "太多了。", "error"),
        (6, None, "这一行有 2 列，应为 3 列（day,count,note）。备注里有英文逗号时，请把整段备注用英文双引号括起来。", "error"),
        (7, "day（日期）", "日期 2026-12-02 在生成日期 2026-12-01 之后，请核对。", "warning"),
    ]


def test_after_build_date_names_both_dates() -> None:
    assert after_build_date(dt.date(2026, 12, 2), TODAY) == "日期 2026-12-02 在生成日期 2026-12-01 之后"
    assert after_build_date(dt.date(2027, 1, 1), TODAY, "办结日期").startswith("办结日期 2027-01-01 在生成日期")


Kind = Literal["all", "team"]


@dataclass(frozen=True)
class Entry:
    day: dt.date
    team: str


@dataclass
class EntryStats(LogStats[Kind, int]):
    def empty(self) -> int:
        return 0


def test_tally_groups_by_scope_and_period_sorted() -> None:
    entries = [Entry(dt.date(2026, 11, 30), "b"), Entry(dt.date(2026, 10, 1), "a"), Entry(dt.date(2026, 11, 2), "a")]

    def scopes(entry: Entry) -> list[Scope[Kind]]:
        return [("all", ""), ("team", entry.team)]

    monthly = tally(entries, lambda e: e.day, scopes, month_of, len)
    assert monthly == {
        ("all", ""): {(2026, 10): 1, (2026, 11): 2},
        ("team", "a"): {(2026, 10): 1, (2026, 11): 1},
        ("team", "b"): {(2026, 11): 1},
    }
    assert list(monthly) == [("all", ""), ("team", "a"), ("team", "b")]
    assert list(monthly[("all", "")]) == [(2026, 10), (2026, 11)]
    weekly = tally(entries, lambda e: e.day, scopes, week_of, len)
    assert weekly[("team", "b")] == {(2026, 49): 1}

    stats = EntryStats(monthly=monthly, first=dt.date(2026, 10, 1))
    assert stats.has("team", "a") and not stats.has("team", "c")
    assert stats.month("team", "b", (2026, 11)) == 1
    assert stats.month("team", "b", (2026, 10)) == 0  # a period without entries
    assert stats.figures(weekly, "team", "c", (2026, 49)) == 0  # a scope without entries
    assert stats.months(TODAY, 6) == [(2026, 12), (2026, 11), (2026, 10)]
