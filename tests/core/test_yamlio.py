"""The YAML reader: line numbers, strictness and awkward files."""

from __future__ import annotations

import time
from pathlib import Path

from generator.core.docx import MAX_DOCX_BYTES, read_docx_bytes
from generator.core.problems import Problems
from generator.core.yamlio import (
    MAX_FILE_BYTES,
    load_yaml_file,
    parse_yaml,
    read_text,
    split_front_matter,
)


def parse(text: str) -> tuple[object, Problems]:
    problems = Problems()
    doc = parse_yaml(text, "x.yml", problems)
    return (doc.data if doc else None), problems


def test_values_stay_text_so_badges_and_phones_keep_their_digits() -> None:
    data, problems = parse('badge: 010023\nphone: 13912345678\nsample: yes\nnone:\n')
    assert not len(problems)
    assert data == {"badge": "010023", "phone": "13912345678", "sample": "yes", "none": None}


def test_lines_are_remembered_for_nested_values() -> None:
    problems = Problems()
    doc = parse_yaml("a: 1\nlist:\n  - x: 1\n    y: 2\n", "x.yml", problems)
    assert doc is not None
    assert doc.line_of(("list", 0, "y")) == 4
    assert doc.line_of(("list", 0, "missing")) == 3


def test_duplicate_keys_are_errors_with_both_lines() -> None:
    _, problems = parse("name: 甲\nphone: 1\nname: 乙\n")
    [p] = problems.errors
    assert p.line == 3 and p.field == "name" and "第 1 行" in p.message


def test_syntax_error_names_the_line() -> None:
    _, problems = parse("name: 甲\nofficers:\n  - id: a\n   name: b\n")
    [p] = problems.errors
    assert p.line in (3, 4) and "YAML 格式错误" in p.message


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for i, name in enumerate("bcdefghijk"):
        prev = "abcdefghijk"[i]
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    start = time.perf_counter()
    data, problems = parse(bomb)
    elapsed = time.perf_counter() - start
    assert data is None
    assert "锚点" in problems.errors[0].message
    assert elapsed < 5  # generous: a real expansion would need 9**11 nodes


def test_custom_tags_are_refused() -> None:
    _, problems = parse("a: !!python/object:os.system ls\n")
    assert "标签" in problems.errors[0].message


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes("\ufeffname: 长安\r\nkind: 社区\r\n".encode())
    problems = Problems()
    doc = load_yaml_file(path, "x.yml", problems)
    assert doc is not None and doc.data == {"name": "长安", "kind": "社区"}
    assert doc.line_of(("kind",)) == 2


def test_gbk_file_is_rejected_naming_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes("name: 长安社区\n".encode("gbk"))
    problems = Problems()
    assert load_yaml_file(path, "x.yml", problems) is None
    assert "GBK" in problems.errors[0].message and "UTF-8" in problems.errors[0].message


def test_front_matter_split_keeps_body_lines() -> None:
    front, body, first = split_front_matter("---\ntitle: 甲\n---\n\n正文\n")
    assert front == "title: 甲\n"
    assert body.strip() == "正文"
    assert first == 4
    assert split_front_matter("没有前言\n") == (None, "没有前言\n", 1)


def test_oversized_and_unreadable_files_get_one_message_each(tmp_path: Path) -> None:
    """A data file over its limit, a Word document over 20 MB, and a file that cannot
    be read each give one message naming the file, and nothing is parsed."""
    big_yaml = tmp_path / "big.yml"
    big_yaml.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    big_docx = tmp_path / "big.docx"
    with big_docx.open("wb") as out:
        out.truncate(MAX_DOCX_BYTES + 1)  # sparse: fast, and never read as Word
    problems = Problems()
    assert load_yaml_file(big_yaml, "big.yml", problems) is None
    assert read_docx_bytes(big_docx, "big.docx", problems) is None
    assert read_text(tmp_path / "missing.yml", "missing.yml", problems) is None
    messages = [(p.file, p.message) for p in problems.errors]
    assert [f for f, _ in messages] == ["big.yml", "big.docx", "missing.yml"]
    assert "文件过大" in messages[0][1] and f"{MAX_FILE_BYTES // 1024} KB" in messages[0][1]
    assert "超过 20 MB" in messages[1][1] and "压缩图片" in messages[1][1]
    assert messages[2][1].startswith("无法读取文件")
