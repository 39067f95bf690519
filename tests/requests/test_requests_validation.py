"""`cunjing check` on broken request rows: Chinese messages naming file, line and field."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, edit, line_of

CSV = "requests/2026.csv"


def add_row(data: Path, row: str) -> int:
    path = edit(data, CSV, "\n", "\n" + row + "\n")
    return line_of(path, row)


def test_request_unknown_post(data: Path) -> None:
    line = add_row(data, "2026-10-02,zhongshu-chang-an,,求助,,,,,")
    check_fails(data, file=CSV, line=line, field="post（警务室编号）", words="找不到编号为“zhongshu-chang-an”的警务室")


def test_request_village_of_another_post(data: Path) -> None:
    line = add_row(data, "2026-10-02,zhongshu-changan,huixian,求助,,,,,")
    check_fails(data, file=CSV, line=line, field="village（村（社区）编号）", words="不归长安社区警务室")


def test_request_step_before_received(data: Path) -> None:
    line = add_row(data, "2026-10-05,zhongshu-changan,,求助,2026-10-06,2026-10-07,2026-10-08,2026-10-01,")
    check_fails(data, file=CSV, line=line, field="answered（反馈日期）", words="早于受理日期")


def test_request_unknown_category(data: Path) -> None:
    line = add_row(data, "2026-10-05,zhongshu-changan,,吵架,,,,,")
    check_fails(data, file=CSV, line=line, field="category（类别）", words="邻里纠纷")


def test_request_bad_header(data: Path) -> None:
    edit(data, CSV, "received,post", "date,post")
    check_fails(data, file=CSV, line=1, field=None, words="表头不对")
