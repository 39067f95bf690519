"""平安建设 in the Excel roster: exported as three sheets, edited in a cell, read back as
data/名册.xlsx. (The export's reproducibility and the byte-identical site built from the
workbook, 平安建设 included, are tested in tests/directory/test_roster_workbook.py.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import icalendar
import openpyxl

from conftest import SAMPLE, TODAY, check, cunjing
from helpers import read_book, workbook_data

SAFETY_SHEETS = ["平安建设", "调解员", "六位一体"]


def headers(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    return [str(c.value) for c in ws[1]]


def find_row(path: Path, sheet: str, **cells: str) -> int:
    ws = read_book(path)[sheet]
    names = headers(ws)
    return next(
        r for r in range(2, ws.max_row + 1)
        if all(ws.cell(r, names.index(h) + 1).value == v for h, v in cells.items())
    )


def set_cell(path: Path, sheet: str, row: int, header: str, value: str) -> None:
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    ws.cell(row, headers(ws).index(header) + 1).value = value
    book.save(path)


def errors_of(err: str) -> list[str]:
    return [line for line in err.splitlines() if " 错误：" in line]


def test_the_safety_sheets_have_chinese_headers_dropdowns_and_the_sample_rows(workbook: Path) -> None:
    book = read_book(workbook)
    assert book.sheetnames[-3:] == SAFETY_SHEETS
    safety, mediators, six = (book[name] for name in SAFETY_SHEETS)
    assert headers(safety) == [
        "村（社区）编号", "平安称号", "年份", "授予单位", "巡逻队名称", "队长", "电话", "队员人数", "队员组成",
        "巡逻地点", "第一次开始", "第一次结束", "重复规则", "重复到",
    ]
    assert headers(mediators) == ["村（社区）编号", "姓名", "职务", "电话", "参加的培训"]
    assert headers(six) == ["村（社区）编号", "工作", "负责人或组织", "电话"]
    for ws in (safety, mediators, six):
        assert ws.freeze_panes == "A2"
        assert ws.column_dimensions["A"].width >= 14  # “村（社区）编号” is seven wide characters
    assert [dv.formula1 for dv in six.data_validations.dataValidation] == ['"治保,调解,巡逻,帮教,普法,流动人口管理"']
    # One row per village with a safety file; lists joined with 、 as in the roster.
    filled = [r for r in range(2, safety.max_row + 1) if safety.cell(r, 1).value]
    assert filled == list(range(2, len(filled) + 2))
    assert len(filled) == len(list((SAMPLE / "safety").glob("*.yml")))
    changan = find_row(workbook, "平安建设", **{"村（社区）编号": "changan"})
    made_of = safety.cell(changan, headers(safety).index("队员组成") + 1).value
    assert "、" in str(made_of) and "复退军人" in str(made_of)
    assert safety.cell(changan, headers(safety).index("第一次开始") + 1).value.count(":") == 1





def test_a_patrol_leaders_phone_changed_in_its_cell_changes_the_village_page_and_ics(
    workbook: Path, tmp_path: Path
) -> None:
    data = workbook_data(tmp_path, workbook)
    book = data / "名册.xlsx"
    row = find_row(book, "平安建设", **{"村（社区）编号": "baishiyan"})
    set_cell(book, "平安建设", row, "电话", "0873-0690099")
    out = tmp_path / "site"
    run = cunjing("build", "--data", data, "-d", out, "--today", TODAY)
    assert run.code == 0, run.text
    page = (out / "v/baishiyan/index.html").read_text(encoding="utf-8")
    assert 'href="tel:08730690099"' in page and "0873-0690001" not in page
    calendar = icalendar.Calendar.from_ical((out / "calendar/v/baishiyan.ics").read_bytes())
    patrols = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]).startswith("治安巡逻")]
    assert len(patrols) == 1
    assert "0873-0690099" in str(patrols[0]["DESCRIPTION"])
    assert "0873-0690001" not in str(patrols[0]["DESCRIPTION"])


def test_an_unknown_six_role_names_workbook_sheet_row_and_header(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    book = data / "名册.xlsx"
    row = find_row(book, "六位一体", **{"村（社区）编号": "baishiyan", "工作": "帮教"})
    set_cell(book, "六位一体", row, "工作", "帮扶")
    errors = errors_of(check(data))
    assert len(errors) == 1, errors
    assert f"名册.xlsx 六位一体 第{row}行【工作】" in errors[0], errors
    assert "帮扶" in errors[0] and "是否想写“帮教”" in errors[0]


def test_a_bad_repeat_rule_names_workbook_sheet_row_and_header(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    book = data / "名册.xlsx"
    row = find_row(book, "平安建设", **{"村（社区）编号": "baishiyan"})
    set_cell(book, "平安建设", row, "重复规则", "FREQ=SOMETIMES")
    errors = errors_of(check(data))
    assert len(errors) == 1, errors
    assert f"名册.xlsx 平安建设 第{row}行【重复规则】" in errors[0], errors
    assert "FREQ=SOMETIMES" in errors[0]


def test_the_first_patrol_off_its_rule_is_checked_as_in_the_yaml_file(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    book = data / "名册.xlsx"
    row = find_row(book, "平安建设", **{"村（社区）编号": "baishiyan"})
    set_cell(book, "平安建设", row, "第一次开始", "2026-03-07 19:30")  # a Saturday; the rule says 1FR
    set_cell(book, "平安建设", row, "第一次结束", "2026-03-07 21:00")
    errors = errors_of(check(data))
    assert len(errors) == 1, errors
    assert f"名册.xlsx 平安建设 第{row}行【第一次开始】" in errors[0], errors
    assert "不是重复规则" in errors[0]


def test_a_mediators_unknown_training_and_an_unknown_village_name_their_cells(
    workbook: Path, tmp_path: Path
) -> None:
    data = workbook_data(tmp_path, workbook)
    book = data / "名册.xlsx"
    row = find_row(book, "调解员", **{"村（社区）编号": "baishiyan", "姓名": "姜芳春"})
    set_cell(book, "调解员", row, "参加的培训", "tiaojieyuan-peixun-2026-50")
    other = find_row(book, "调解员", **{"村（社区）编号": "baishiyan", "姓名": "任兴"})
    set_cell(book, "调解员", other, "村（社区）编号", "baishiyanx")
    errors = errors_of(check(data))
    assert len(errors) == 2, errors
    assert any(
        f"名册.xlsx 调解员 第{row}行【参加的培训】" in e and "tiaojieyuan-peixun-2026-50" in e
        for e in errors
    ), errors
    assert any(f"名册.xlsx 调解员 第{other}行【村（社区）编号】" in e for e in errors), errors


def test_sheets_and_safety_files_both_present_is_one_clear_error(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    shutil.copytree(SAMPLE / "safety", data / "safety")
    errors = errors_of(check(data))
    assert len(errors) == 1, errors
    assert "名册.xlsx" in errors[0] and "data/safety/" in errors[0] and "只留一份" in errors[0]
