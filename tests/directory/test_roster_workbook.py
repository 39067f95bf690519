"""The roster as an Excel workbook: exported, edited in a cell, read back as data/名册.xlsx."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import vobject

from conftest import SAMPLE, TODAY, check, cunjing
from helpers import read_book, workbook_data

SHEETS = ["警务室", "村（社区）", "民警", "辅警协管员", "平安建设", "调解员", "六位一体"]


def officer_row(book: openpyxl.Workbook, officer_id: str) -> int:
    ws = book["民警"]
    headers = [c.value for c in ws[1]]
    column = headers.index("编号") + 1
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, column).value == officer_id)


def set_cell(path: Path, sheet: str, row: int, header: str, value: str) -> None:
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    headers = [c.value for c in ws[1]]
    ws.cell(row, headers.index(header) + 1).value = value
    book.save(path)


def test_workbook_has_the_sheets_headers_dropdowns_and_frozen_header(workbook: Path) -> None:
    book = read_book(workbook)
    assert book.sheetnames == SHEETS
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(isinstance(c.value, str) for c in ws[1])
    officers = book["民警"]
    headers = [c.value for c in officers[1]]
    assert {"编号", "姓名", "电话", "警号", "五员职责1"} <= set(headers)
    # 警号 keeps its leading zero: stored as text.
    assert officers.cell(officer_row(book, "li-bohua"), headers.index("警号") + 1).value == "059215"
    lists = {
        ws.title: [dv.formula1 for dv in ws.data_validations.dataValidation] for ws in book.worksheets
    }
    assert '"行政村,社区"' in lists["村（社区）"]
    assert '"辅警,治安协管员,流动人口协管员"' in lists["辅警协管员"]
    assert any("矛盾纠纷调解员" in f for f in lists["民警"])
    widths = book["村（社区）"].column_dimensions
    assert all(widths[letter].width >= 6 for letter in "ABCD")


def test_export_is_reproducible(workbook: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    assert cunjing("excel", "export", "--data", SAMPLE, "-o", again, "--today", TODAY).code == 0
    assert again.read_bytes() == workbook.read_bytes()


def test_site_from_the_workbook_is_byte_identical(site: Path, workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    out = tmp_path / "site"
    run = cunjing("build", "--data", data, "-d", out, "--today", TODAY)
    assert run.code == 0, run.text
    ours = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert ours == theirs
    different = [p for p in ours if (out / p).read_bytes() != (site / p).read_bytes()]
    assert not different


def test_a_phone_changed_in_a_cell_changes_page_vcard_and_card(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    book = read_book(data / "名册.xlsx")
    set_cell(data / "名册.xlsx", "民警", officer_row(book, "li-bohua"), "电话", "0873-0650199")
    out = tmp_path / "site"
    run = cunjing("build", "--data", data, "-d", out, "--today", TODAY)
    assert run.code == 0, run.text
    page = (out / "officers/li-bohua/index.html").read_text(encoding="utf-8")
    assert 'href="tel:08730650199"' in page and "0873-0650102" not in page
    card = vobject.readOne((out / "contacts/officers/li-bohua.vcf").read_text(encoding="utf-8"))
    assert "08730650199" in [t.value.removeprefix("tel:") for t in card.contents["tel"]]
    printable = (out / "print/officers/li-bohua/index.html").read_text(encoding="utf-8")
    assert "0873-0650199" in printable and "0873-0650102" not in printable


def test_a_problem_names_workbook_sheet_row_and_column(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    row = officer_row(read_book(data / "名册.xlsx"), "wang-rong")
    set_cell(data / "名册.xlsx", "民警", row, "电话", "12345")
    err = check(data)
    errors = [r for r in err.splitlines() if " 错误：" in r]
    assert len(errors) == 1, err
    assert errors[0].startswith(f"data/名册.xlsx 民警 第{row}行【电话】") or (
        f"名册.xlsx 民警 第{row}行【电话】" in errors[0]
    ), err
    assert "12345" in errors[0]


def test_a_rule_across_posts_names_the_sheet_row_and_column(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    row = officer_row(read_book(data / "名册.xlsx"), "wang-rong")
    set_cell(data / "名册.xlsx", "民警", row, "编号", "li-bohua")  # the same officer id twice
    err = check(data)
    assert f"名册.xlsx 民警 第{row}行【编号】" in err, err
    assert "#" not in err


def test_workbook_and_post_files_both_present_is_one_clear_error(workbook: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    shutil.copy(workbook, data / "名册.xlsx")
    errors = [r for r in check(data).splitlines() if " 错误：" in r]
    assert len(errors) == 1 and "只留一份" in errors[0], errors


def test_a_residents_mobile_in_a_cell_is_refused(workbook: Path, tmp_path: Path) -> None:
    data = workbook_data(tmp_path, workbook)
    row = officer_row(read_book(data / "名册.xlsx"), "wang-rong")
    set_cell(data / "名册.xlsx", "民警", row, "简介", "群众张某（13812345678）反映……")
    err = check(data)
    errors = [r for r in err.splitlines() if " 错误：" in r]
    assert len(errors) == 1, err
    assert f"名册.xlsx 民警 第{row}行【简介】" in errors[0] and "138*****678" in errors[0]


def test_a_posts_own_sms_mobile_is_published_not_refused(workbook: Path, tmp_path: Path) -> None:
    """A mobile in 短信号码 is a number the post publishes (我要反映), not a resident's."""
    data = workbook_data(tmp_path, workbook)
    set_cell(data / "名册.xlsx", "警务室", 2, "短信号码", "13987650001")
    check(data, code=0)
    out = tmp_path / "site"
    assert cunjing("build", "--data", data, "-d", out, "--today", TODAY).code == 0
    post_id = openpyxl.load_workbook(data / "名册.xlsx")["警务室"].cell(2, 1).value
    assert 'href="sms:13987650001?body=' in (out / f"posts/{post_id}/index.html").read_text(encoding="utf-8")
