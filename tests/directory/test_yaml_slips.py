"""The common slips editors make in a post file: one plain message at the slip's
line, quoting it, and nothing else (no follow-on errors in other files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check, edit, line_of

POST = "posts/baishui-baishui.yml"

SLIPS = [
    # (what is typed instead of what, words the message must contain)
    ("    kind: 社区\n", "\tkind: 社区\n", "制表符（Tab 键）"),
    ("township: 白水镇\n", "township：白水镇\n", "全角冒号"),
    ("    rank: 三级警督\n", "    rank：三级警督\n", "改成“rank: 三级警督”"),
    ("township: 白水镇\n", "township 白水镇\n", "缺少冒号"),
    ("station: 白水派出所\n", "station:白水派出所\n", "冒号后面缺少空格"),
    ('    badge: "059215"\n', '    badge: "059215\n', "引号没有成对"),
    ("    kind: 社区\n", "     kind: 社区\n", "缩进没有对齐"),
    ('  start: "14:30"\n', '   start: "14:30"\n', "应为 2 个空格"),
]


def errors(err: str) -> list[str]:
    return [row for row in err.splitlines() if " 错误：" in row]


@pytest.mark.parametrize(("old", "new", "words"), SLIPS, ids=[s[2] for s in SLIPS])
def test_one_slip_gives_one_message_at_its_line(data: Path, old: str, new: str, words: str) -> None:
    path = edit(data, POST, old, new)
    line = line_of(path, new.strip("\n").strip() if "\t" not in new else "\tkind")
    err = check(data)
    rows = errors(err)
    assert len(rows) == 1, err
    assert f"data/{POST}:{line}: 错误：" in rows[0], err
    assert words in rows[0], err
    assert new.strip().replace("\t", "→") in rows[0]  # the line is quoted
    assert "found" not in err and "expected" not in err  # no English parser text


def test_fullwidth_colon_inside_a_value_is_text(data: Path) -> None:
    edit(data, POST, "address: 白水镇白水社区居委会办公楼\n", "address: 地址：白水镇，居委会办公楼\n")
    check(data, code=0)


def test_officer_number_in_a_broken_file_is_not_called_a_residents(data: Path) -> None:
    # The file cannot be parsed; its officer's mobile is still the officer's.
    edit(data, POST, '    phone: "0873-0650102"\n', '    phone: "139 8765 0001"\n')
    edit(data, POST, "township: 白水镇\n", "township：白水镇\n")
    rows = errors(check(data))
    assert len(rows) == 1 and "全角冒号" in rows[0], rows


def test_officer_number_in_an_invalid_file_is_not_called_a_residents(data: Path) -> None:
    edit(data, POST, '    phone: "0873-0650102"\n', '    phone: "139 8765 0001"\n')
    edit(data, POST, "    population: 2220\n", "    population: 很多\n")
    rows = errors(check(data))
    assert len(rows) == 1 and "population" in rows[0], rows


def test_fullwidth_commas_in_a_list_are_read_as_items_with_a_warning(data: Path) -> None:
    path = edit(data, POST, "officers: [li-bohua, wang-rong]", "officers: [li-bohua，wang-rong]")
    err = check(data, code=0)
    line = line_of(path, "li-bohua，wang-rong")
    # The sample's own warnings (staffing standards, unanswered requests) name other files.
    warnings = [row for row in err.splitlines() if " 警告：" in row and f"data/{POST}:" in row]
    assert len(warnings) == 1, err
    assert f"data/{POST}:{line}: 警告：" in warnings[0] and "[li-bohua, wang-rong]" in warnings[0]
