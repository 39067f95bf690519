"""`cunjing check` on broken reports: one test per rule; and every problem of
reports, notices and visit logs in one run.

Each message is Chinese and names the file, the line and the field; never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, cunjing, edit, line_of
from helpers import add_visit

REPORT = "reports/2026-10-zhongshu-changan.md"

NOTICE = "notices/2026-11-changan-ebike-theft.md"

VISITS = "visits/2026-q4.csv"


def test_report_unknown_post(data: Path) -> None:
    path = edit(data, REPORT, "post: zhongshu-changan", "post: zhongshu-chang-an")
    check_fails(data, file=REPORT, line=line_of(path, "zhongshu-chang-an"), field="post（警务室编号）",
                words="找不到编号为“zhongshu-chang-an”的警务室。是否想写“zhongshu-changan”")


def test_report_bad_date(data: Path) -> None:
    path = edit(data, REPORT, "date: 2026-11-03", "date: 2026-11-31")
    check_fails(data, file=REPORT, line=line_of(path, "2026-11-31"), field="date（日期）", words="应为日期")


def test_report_period_from_after_to(data: Path) -> None:
    path = edit(data, REPORT, "from: 2026-10-01", "from: 2026-11-01")
    check_fails(data, file=REPORT, line=line_of(path, "from: 2026-11-01"), field="period → from",
                words="开始日期 2026-11-01 在结束日期 2026-10-31 之后")


def test_report_negative_figure(data: Path) -> None:
    path = edit(data, REPORT, "patrols: 28", "patrols: -28")
    check_fails(data, file=REPORT, line=line_of(path, "-28"), field="stats → patrols", words="不小于 0")


def test_report_figure_not_a_number(data: Path) -> None:
    path = edit(data, REPORT, "lectures: 3", "lectures: 三场")
    check_fails(data, file=REPORT, line=line_of(path, "三场"), field="stats → lectures", words="应为整数")


def test_report_more_disputes_resolved_than_received(data: Path) -> None:
    path = edit(data, REPORT, "disputes_resolved: 4", "disputes_resolved: 7")
    check_fails(data, file=REPORT, line=line_of(path, "disputes_resolved: 7"), field="stats → disputes_resolved",
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
    assert f"{REPORT}:{line_of(data / REPORT, 'patrol: 28')}: 警告：字段 stats → patrol：" in run.err
    assert "是否想写“patrols”" in run.err


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
