"""`cunjing check` on broken reports, notices and visit logs: one test per rule.

Each message is Chinese and names the file, the line and the field; every
problem is reported in one run; never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, cunjing, edit, line_of

REPORT = "reports/2026-10-zhongshu-changan.md"
NOTICE = "notices/2026-11-changan-ebike-theft.md"
VISITS = "visits/2026-q4.csv"
HEADER = "date,officer,village,households,issues_found,issues_resolved,note"




def add_visit(data: Path, row: str) -> int:
    """Append a row to the Q4 log; return the number of its last line."""
    path = data / VISITS
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + row + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.splitlines())


# -- reports -----------------------------------------------------------------

def test_report_unknown_post(data: Path) -> None:
    path = edit(data, REPORT, "post: zhongshu-changan", "post: zhongshu-chang-an")
    check_fails(data, file=REPORT, line=line_of(path, "zhongshu-chang-an"), field="post（警务室编号）",
                words="没有编号为“zhongshu-chang-an”的警务室。是否想写“zhongshu-changan”")


def test_report_bad_date(data: Path) -> None:
    path = edit(data, REPORT, "date: 2026-11-03", "date: 2026-11-31")
    check_fails(data, file=REPORT, line=line_of(path, "2026-11-31"), field="date（日期）", words="应为日期")


def test_report_period_from_after_to(data: Path) -> None:
    path = edit(data, REPORT, "from: 2026-10-01", "from: 2026-11-01")
    check_fails(data, file=REPORT, line=line_of(path, "from: 2026-11-01"), field="period.from",
                words="开始日期 2026-11-01 在结束日期 2026-10-31 之后")


def test_report_negative_figure(data: Path) -> None:
    path = edit(data, REPORT, "patrols: 28", "patrols: -28")
    check_fails(data, file=REPORT, line=line_of(path, "-28"), field="stats.patrols", words="不小于 0")


def test_report_figure_not_a_number(data: Path) -> None:
    path = edit(data, REPORT, "lectures: 3", "lectures: 三场")
    check_fails(data, file=REPORT, line=line_of(path, "三场"), field="stats.lectures", words="应为整数")


def test_report_more_disputes_resolved_than_received(data: Path) -> None:
    path = edit(data, REPORT, "disputes_resolved: 4", "disputes_resolved: 7")
    check_fails(data, file=REPORT, line=line_of(path, "disputes_resolved: 7"), field="stats.disputes_resolved",
                words="调解化解（7）比受理矛盾纠纷（5）还多")


def test_report_stats_word_misspelt(data: Path) -> None:
    rel = "reports/2026-09-zhongshu-changan.md"
    path = edit(data, rel, "stats: from_visits", "stats: from_visit")
    check_fails(data, file=rel, line=line_of(path, "from_visit"), field="stats（工作数据）", words="from_visits")


def test_report_missing_period_and_empty_body(data: Path) -> None:
    path = data / REPORT
    text = path.read_text(encoding="utf-8")
    front = text[: text.index("\n---\n", 4) + 5]
    front = front.replace("period:\n  from: 2026-10-01\n  to: 2026-10-31\n", "")
    path.write_text(front + "\n\n", encoding="utf-8")
    check_fails(data, file=REPORT, line=None, field="period（报告期）", words="缺少必填字段")
    check_fails(data, file=REPORT, line=None, field="正文", words="正文是空的")


def test_report_file_name_is_its_address(data: Path) -> None:
    (data / REPORT).rename(data / "reports/2026年10月 长安.md")
    check_fails(data, file="reports/2026年10月 长安.md", line=None, field=None,
                words="只能用小写英文字母、数字和短横线")


def test_report_file_name_reserved_for_filter_pages(data: Path) -> None:
    (data / REPORT).rename(data / "reports/posts.md")
    check_fails(data, file="reports/posts.md", line=None, field=None, words="留作网站自己的页面使用")


def test_unknown_stats_key_close_to_a_known_one_is_a_warning(data: Path) -> None:
    edit(data, REPORT, "patrols: 28", "patrol: 28")
    run = cunjing("check", "--data", data)
    assert run.code == 0, run.text
    assert f"{REPORT}:{line_of(data / REPORT, 'patrol: 28')}: 警告：字段 stats.patrol：" in run.err
    assert "是否想写“patrols”" in run.err


# -- notices -----------------------------------------------------------------

def test_notice_unknown_post_and_village(data: Path) -> None:
    path = edit(data, NOTICE, "posts: [zhongshu-changan]", "posts: [zhongshu-changan, nowhere]\nvillages: [changan, chang-an2]")
    check_fails(data, file=NOTICE, line=line_of(path, "nowhere"), field="posts[1]", words="没有编号为“nowhere”的警务室")
    check_fails(data, file=NOTICE, line=line_of(path, "chang-an2"), field="villages[1]",
                words="没有编号为“chang-an2”的村（社区）")


def test_notice_village_alias_is_accepted(data: Path) -> None:
    edit(data, NOTICE, "posts: [zhongshu-changan]", "villages: [lushui]")  # old id of lvshui
    run = cunjing("check", "--data", data)
    assert run.code == 0, run.text


def test_notice_expires_before_its_date(data: Path) -> None:
    path = edit(data, NOTICE, "expires: 2026-12-10", "expires: 2026-11-01")
    check_fails(data, file=NOTICE, line=line_of(path, "expires:"), field="expires（有效期至）",
                words="有效期至 2026-11-01 早于发布日期 2026-11-10")


def test_notice_unknown_level(data: Path) -> None:
    path = edit(data, NOTICE, "level: 通报", "level: 紧急")
    check_fails(data, file=NOTICE, line=line_of(path, "紧急"), field="level（级别）", words="提示、预警、通报")


def test_notice_unknown_field(data: Path) -> None:
    path = edit(data, NOTICE, "level: 通报", "level: 通报\nvillage: [changan]")
    check_fails(data, file=NOTICE, line=line_of(path, "village: [changan]"), field="village",
                words="是否想写“villages”")


# -- the visit log -------------------------------------------------------------

def test_visit_log_bad_header(data: Path) -> None:
    edit(data, VISITS, HEADER, "日期,民警,村,户数,发现,解决,备注")
    check_fails(data, file=VISITS, line=1, field=None, words=f"表头不对：应为“{HEADER}”")


def test_visit_counts_must_be_whole_non_negative_numbers(data: Path) -> None:
    bad = add_visit(data, "2026-11-20,li-jianguo,changan,五,0,0,")
    negative = add_visit(data, "2026-11-20,li-jianguo,changan,3,-1,0,")
    check_fails(data, file=VISITS, line=bad, field="households（走访户数）", words="应为整数")
    check_fails(data, file=VISITS, line=negative, field="issues_found（发现问题）", words="不小于 0")


def test_visit_bad_date(data: Path) -> None:
    line = add_visit(data, "2026/11/20,li-jianguo,changan,3,0,0,")
    check_fails(data, file=VISITS, line=line, field="date（日期）", words="应为日期")


def test_visit_unknown_officer_and_village(data: Path) -> None:
    officer = add_visit(data, "2026-11-20,li-jianguoo,changan,3,0,0,")
    village = add_visit(data, "2026-11-20,li-jianguo,changann,3,0,0,")
    check_fails(data, file=VISITS, line=officer, field="officer（民警编号）",
                words="没有编号为“li-jianguoo”的民警。是否想写“li-jianguo”")
    check_fails(data, file=VISITS, line=village, field="village（村（社区）编号）",
                words="没有编号为“changann”的村（社区）")


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


# -- everything at once ---------------------------------------------------------

def test_every_problem_in_one_run(data: Path) -> None:
    edit(data, REPORT, "patrols: 28", "patrols: -28")
    edit(data, NOTICE, "level: 通报", "level: 紧急")
    add_visit(data, "2026-11-20,zhang-lei,changan,3,0,0,")
    (data / "reports/BAD NAME.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    run = cunjing("check", "--data", data)
    assert run.code == 1
    for file in (REPORT, NOTICE, VISITS, "reports/BAD NAME.md"):
        assert file in run.err, file
    assert "共发现 4 个错误" in run.err
