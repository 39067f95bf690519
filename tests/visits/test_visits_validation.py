"""`cunjing check` on broken visit logs: one test per rule.

Each message is Chinese and names the file, the line and the field; never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, cunjing, edit
from helpers import add_visit

VISITS = "visits/2026-q4.csv"

HEADER = "date,officer,village,households,issues_found,issues_resolved,note"


def test_visit_log_bad_header(data: Path) -> None:
    edit(data, VISITS, HEADER, "日期,民警,村,户数,发现,解决,备注")
    check_fails(data, file=VISITS, line=1, field=None, words=f"表头不对：应为“{HEADER}”")


def test_visit_counts_must_be_whole_non_negative_numbers(data: Path) -> None:
    bad = add_visit(data, "2026-11-20,li-jianguo,changan,五,0,0,")
    negative = add_visit(data, "2026-11-20,li-jianguo,changan,3,-1,0,")
    check_fails(data, file=VISITS, line=bad, field="households（走访户数）", words="应为整数")
    check_fails(data, file=VISITS, line=negative, field="issues_found（发现问题）", words="不小于 0")


def test_visit_bad_date(data: Path) -> None:
    # 2026/11/20 (as Excel re-saves it) is read; a day that does not exist is not.
    line = add_visit(data, "2026-11-31,li-jianguo,changan,3,0,0,")
    check_fails(data, file=VISITS, line=line, field="date（日期）", words="应为日期")


def test_visit_unknown_officer_and_village(data: Path) -> None:
    officer = add_visit(data, "2026-11-20,li-jianguoo,changan,3,0,0,")
    village = add_visit(data, "2026-11-20,li-jianguo,changann,3,0,0,")
    check_fails(data, file=VISITS, line=officer, field="officer（民警编号）",
                words="找不到编号为“li-jianguoo”的民警。是否想写“li-jianguo”")
    check_fails(data, file=VISITS, line=village, field="village（村（社区）编号）",
                words="找不到编号为“changann”的村（社区）")


def test_visit_by_an_officer_who_does_not_serve_the_village(data: Path) -> None:
    # zhang-lei serves wenbi, not changan (same post); pu-yumin is in another township.
    same_post = add_visit(data, "2026-11-20,zhang-lei,changan,3,0,0,")
    elsewhere = add_visit(data, "2026-11-20,pu-yumin,changan,3,0,0,")
    check_fails(data, file=VISITS, line=same_post, field="officer（民警编号）",
                words="民警张磊（zhang-lei）不负责长安社区（changan）。这个村（社区）的责任民警是：李建国（li-jianguo）")
    check_fails(data, file=VISITS, line=elsewhere, field="officer（民警编号）", words="不负责长安社区")


def test_visit_village_alias_is_accepted(data: Path) -> None:
    add_visit(data, "2026-11-20,wang-zhenlan,lushui,3,0,0,走访")
    run = cunjing("check", "--data", data)
    assert run.code == 0, run.text


def test_visit_row_with_wrong_number_of_columns(data: Path) -> None:
    line = add_visit(data, "2026-11-20,li-jianguo,changan,3,0,0,提醒了张家, 李家")
    check_fails(data, file=VISITS, line=line, field=None, words="这一行有 8 列，应为 7 列")


def test_more_issues_resolved_than_found_is_a_warning(data: Path) -> None:
    line = add_visit(data, "2026-11-20,li-jianguo,changan,3,1,2,")
    run = cunjing("check", "--data", data)
    assert run.code == 0, run.text
    assert f"{VISITS}:{line}: 警告：字段 issues_resolved（解决问题）：解决问题数（2）比发现问题数（1）还多" in run.err


def test_visit_log_saved_as_gbk_is_refused_with_advice(data: Path) -> None:
    path = data / VISITS
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    check_fails(data, file=VISITS, line=None, field=None, words="GBK/GB18030")


def test_a_quoted_note_with_commas_and_line_breaks_keeps_line_numbers(data: Path) -> None:
    add_visit(data, '2026-11-20,li-jianguo,changan,3,0,0,"走访张家,\n又去李家"')
    line = add_visit(data, "2026-11-21,li-jianguo,changan,x,0,0,")
    check_fails(data, file=VISITS, line=line, field="households（走访户数）", words="应为整数")
