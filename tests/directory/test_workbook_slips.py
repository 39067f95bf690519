"""Slips made in the Excel roster: every one reported in one run, in the editor's words
(workbook, sheet, row, column header), and what Excel would change refused, not published."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from conftest import SAMPLE, TODAY, check, cunjing
from helpers import workbook_data

PLACE = re.compile(r"名册\.xlsx (\S+) 第(\d+)行【([^】]+)】: 错误：")


def headers(ws: Worksheet) -> list[str]:
    return [str(c.value) for c in ws[1]]


def put(ws: Worksheet, row: int, header: str, value: object) -> None:
    ws.cell(row, headers(ws).index(header) + 1).value = value


def get(ws: Worksheet, row: int, header: str) -> object:
    return ws.cell(row, headers(ws).index(header) + 1).value


def first_empty_row(ws: Worksheet) -> int:
    return next(r for r in range(2, ws.max_row + 2) if ws.cell(r, 1).value is None)


def errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if " 错误：" in line]


def places(err: str) -> list[tuple[str, int, str]]:
    """(sheet, row, column header) of every error; each error must name all three."""
    found = []
    for line in errors(err):
        match = PLACE.search(line)
        assert match, f"no sheet, row and column in: {line}"
        found.append((match.group(1), int(match.group(2)), match.group(3)))
    return found


def test_five_slips_at_once_give_five_messages(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    book = openpyxl.load_workbook(data / "名册.xlsx")
    posts, villages, officers = book["警务室"], book["村（社区）"], book["民警"]
    assert get(posts, 2, "编号") == get(villages, 2, "警务室编号") == "baishui-baishui"
    assert get(villages, 3, "编号") == "pucaotang"
    # 1. a full-width phone in the post's own row …
    put(posts, 2, "电话", "０８７３-0650101")
    # 2. … and an unknown officer id in a village row of the same post (another sheet)
    put(villages, 2, "责任民警", "li-bohau、wang-rong")
    # 3. a village of baishui-baishui written again, in a new row, for another post
    new = first_empty_row(villages)
    for header, value in {"警务室编号": "baishui-baiyan", "编号": "pucaotang", "名称": "蒲草塘村",
                          "类型": "行政村", "人口": "2220", "责任民警": "wang-gangwei"}.items():
        put(villages, new, header, value)
    # 4. an empty required cell
    put(officers, 4, "姓名", None)
    # 5. a date typed the Chinese way in a date column
    put(posts, 3, "接待从哪天起", "2026年12月1日")
    book.save(data / "名册.xlsx")

    err = check(data)
    assert sorted(places(err)) == sorted([
        ("警务室", 2, "电话"), ("村（社区）", 2, "责任民警"), ("村（社区）", new, "编号"),
        ("民警", 4, "姓名"), ("警务室", 3, "接待从哪天起"),
    ]), err
    lines = errors(err)
    assert any("“0873-0650101”" in line for line in lines), err
    assert any("“li-bohau”" in line and "是否想写“li-bohua”" in line for line in lines), err
    assert any("pucaotang" in line and "“村（社区）”工作表第3行" in line for line in lines), err
    assert any("必须填写" in line for line in lines), err
    assert any("2026年12月1日" in line and "2026-12-01" in line for line in lines), err
    for words in ("YYYY", "posts[", ".yml", "posts 文件夹", "#"):
        assert not any(words in line for line in lines), (words, err)


def test_unknown_ids_in_the_workbook_get_a_suggestion_in_workbook_words(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    book = openpyxl.load_workbook(data / "名册.xlsx")
    officers, safety = book["民警"], book["平安建设"]
    put(officers, 2, "警务室编号", "baishui-baishul")  # a post id one letter off
    put(safety, 2, "村（社区）编号", "qqqqqq")  # nothing close
    book.save(data / "名册.xlsx")
    err = check(data)
    assert ("民警", 2, "警务室编号") in places(err), err
    assert "找不到编号为“baishui-baishul”的警务室。是否想写“baishui-baishui”？" in err, err
    assert ("平安建设", 2, "村（社区）编号") in places(err), err
    assert "“村（社区）”工作表“编号”列" in err and "posts" not in err, err
    # The officer of the row left out is not reported again as unknown by the villages.
    assert "找不到编号为“li-bohua”的民警" not in err, err


def test_dates_and_times_ask_for_the_exact_fix(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    book = openpyxl.load_workbook(data / "名册.xlsx")
    put(book["平安建设"], 2, "第一次开始", "2026/3/6 19:30")
    put(book["警务室"], 2, "接待开始时间", "下午2点半")
    put(book["警务室"], 3, "接待从哪天起", "下周一")
    book.save(data / "名册.xlsx")
    err = check(data)
    assert {("平安建设", 2, "第一次开始"), ("警务室", 2, "接待开始时间"), ("警务室", 3, "接待从哪天起")} <= set(
        places(err)), err
    assert "“2026/3/6 19:30”请改写成 2026-03-06 19:30" in err, err
    assert "“下午2点半”请改写成 14:30" in err, err
    assert "“下周一”不是日期：请写成年-月-日，例如 2026-12-01" in err, err
    assert "YYYY" not in err and "HH:MM" not in err, err


def test_export_formats_text_columns_as_text_down_to_the_empty_rows(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    officers, villages = book["民警"], book["村（社区）"]
    below = first_empty_row(officers)
    for row in (2, below, below + 1, 300, 1000):
        for header in ("警务室编号", "编号", "警号", "电话"):
            assert officers.cell(row, headers(officers).index(header) + 1).number_format == "@", (row, header)
    for header in ("编号", "电话", "反映电话"):
        assert book["警务室"].cell(500, headers(book["警务室"]).index(header) + 1).number_format == "@"
    assert book["平安建设"].cell(500, headers(book["平安建设"]).index("电话") + 1).number_format == "@"
    # Numbers and dates typed in a new row stay Excel numbers and dates (read back as such).
    assert villages.cell(500, headers(villages).index("人口") + 1).number_format == "General"
    assert book["平安建设"].cell(500, headers(book["平安建设"]).index("第一次开始") + 1).number_format == "General"


def new_officer(ws: Worksheet, badge: object) -> int:
    row = first_empty_row(ws)
    for header, value in {"警务室编号": "baishui-baishui", "编号": "zhao-xin", "姓名": "赵新",
                          "警衔/职务": "二级警长", "警号": badge, "电话": "0873-0650109"}.items():
        put(ws, row, header, value)
    return row


def test_a_badge_with_a_leading_zero_survives_the_round_trip(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    book = openpyxl.load_workbook(data / "名册.xlsx")
    row = new_officer(book["民警"], "053211")
    assert book["民警"].cell(row, headers(book["民警"]).index("警号") + 1).number_format == "@"
    book.save(data / "名册.xlsx")
    out = tmp_path / "site"
    run = cunjing("build", "--data", data, "-d", out, "--today", TODAY)
    assert run.code == 0, run.text
    assert "警号 053211" in (out / "officers/zhao-xin/index.html").read_text(encoding="utf-8")
    # … and back out: the export of the built data keeps it as text.
    again = tmp_path / "again.xlsx"
    assert cunjing("excel", "export", "--data", data, "-o", again, "--today", TODAY).code == 0
    ws = openpyxl.load_workbook(again)["民警"]
    row = next(r for r in range(2, ws.max_row + 1) if get(ws, r, "编号") == "zhao-xin")
    assert get(ws, row, "警号") == "053211"


def test_a_badge_or_phone_that_arrived_as_a_number_is_refused_with_the_fix(
    workbook: Path, tmp_path: Path
) -> None:
    data = workbook_data(tmp_path, workbook)
    book = openpyxl.load_workbook(data / "名册.xlsx")
    row = new_officer(book["民警"], 53211)  # what Excel makes of 053211 typed in a General cell
    put(book["辅警协管员"], 2, "电话", 8730650111)
    book.save(data / "名册.xlsx")
    err = check(data)
    assert sorted(places(err)) == sorted([("民警", row, "警号"), ("辅警协管员", 2, "电话")]), err
    assert "“53211”被 Excel 当成了数字" in err and "“文本”" in err and "重新输入" in err, err
    out = tmp_path / "site"
    assert cunjing("build", "--data", data, "-d", out, "--today", TODAY).code == 1
    assert not out.exists()


def test_a_misnamed_workbook_is_named_with_the_name_it_needs(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    (data / "名册.xlsx").rename(data / "名册2026.xlsx")
    lines = [line for line in errors(check(data)) if "名册" in line]
    assert len(lines) == 1, lines
    assert "名册2026.xlsx: 错误：" in lines[0] and "改名为 名册.xlsx" in lines[0], lines
    assert ".yml" not in lines[0] and "posts" not in lines[0], lines


def test_a_slip_in_a_post_file_hides_no_rule_across_posts(tmp_path: Path) -> None:
    """The YAML form too: a full-width phone does not hide an unknown officer id."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    post = data / "posts/baishui-baishui.yml"
    text = post.read_text(encoding="utf-8")
    assert "0873-0650101" in text and "li-bohua" in text
    text = text.replace("0873-0650101", "０８７３-0650101", 1)
    text = text.replace("officers: [li-bohua, wang-rong]", "officers: [li-bohau, wang-rong]", 1)
    post.write_text(text, encoding="utf-8")
    lines = errors(check(data))
    assert len(lines) == 2, lines
    assert any("全角" in line for line in lines), lines
    assert any("找不到编号为“li-bohau”的民警。是否想写“li-bohua”？" in line
               and "（责任民警）" in line for line in lines), lines
