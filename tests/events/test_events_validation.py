"""`cunjing check` on broken events and reception hours: one test per rule.

Each must exit 1 (or 0 with a warning) with a Chinese message naming the file,
the line and the field, and never print a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import TODAY, check, check_fails, cunjing, edit, has, line_of

EVENT = "events/kentanhui-zhongshu.yml"

LECTURE = "lectures/jindu-guangbo.md"

POST = "posts/zhongshu-changan.yml"


def test_unknown_post_id(data: Path) -> None:
    edit(data, EVENT, "posts: [zhongshu-changan,", "posts: [zhongshu-changn,")
    err = check_fails(data, file=EVENT, line=line_of(data / EVENT, "zhongshu-changn"), field="posts 第1项", words="找不到编号为“zhongshu-changn”的警务室")
    assert "是否想写“zhongshu-changan”" in err


def test_unknown_village_id(data: Path) -> None:
    edit(data, LECTURE, "posts: [zhongshu-changan]", "villages: [changan, nowhere]")
    check_fails(data, file=LECTURE, line=line_of(data / LECTURE, "nowhere"), field="villages 第2项", words="找不到编号为“nowhere”的村（社区）")


def test_old_village_id_resolves_to_the_current_one(data: Path, tmp_path: Path) -> None:
    # zhongyang is the old id (alias) of chongyang.
    (data / "events/kentan-chongyang.yml").write_text(
        "title: 重阳村警民恳谈会\nkind: 警民恳谈会\nstart: 2026-12-10 19:30\nend: 2026-12-10 21:00\n"
        "venue: 重阳村村委会\nvillages: [zhongyang]\n",
        encoding="utf-8",
    )
    check(data, 0)
    out = tmp_path / "site"
    assert cunjing("build", "--data", data, "-d", out, "--today", TODAY).code == 0
    village = (out / "v/chongyang/index.html").read_text(encoding="utf-8")
    assert "重阳村警民恳谈会" in village
    assert (out / "calendar/v/chongyang.ics").read_text(encoding="utf-8").count("重阳村警民恳谈会") == 1


def test_event_ending_before_it_starts(data: Path) -> None:
    edit(data, EVENT, "end: 2026-09-25 21:00", "end: 2026-09-25 18:00")
    check_fails(data, file=EVENT, line=line_of(data / EVENT, "end:"), field="end", words="应晚于开始时间 2026-09-25 19:30")


@pytest.mark.parametrize("bad", ["2026/09/25 19:30", "2026-09-25", "2026-09-25 19点半", "2026-02-30 19:30", "2026-09-25 25:00"])
def test_bad_date_time(data: Path, bad: str) -> None:
    edit(data, EVENT, "start: 2026-09-25 19:30", f"start: {bad}")
    check_fails(data, file=EVENT, line=line_of(data / EVENT, "start:"), field="start（开始时间）", words=f"“{bad}”")


def test_full_width_colon_is_fine(data: Path) -> None:
    edit(data, EVENT, "start: 2026-09-25 19:30", "start: 2026-09-25 19：30")
    check(data, 0)


def test_unknown_kind(data: Path) -> None:
    edit(data, EVENT, "kind: 警民恳谈会", "kind: 座谈会")
    check_fails(data, file=EVENT, line=line_of(data / EVENT, "kind:"), field="kind（类别）", words="警民恳谈会、警民相约警务室、治安巡逻")


@pytest.mark.parametrize(("rule", "words"), [
    ("FREQ=MONTHLY;BYDAY=-1XX", "BYDAY 的“-1XX”不对"),
    ("FREQ=HOURLY", "FREQ=HOURLY 不支持"),
    ("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630", "不要写 UNTIL"),
    ("每月最后一个星期五", "写法不对"),
    ("FREQ=MONTHLY;BYMONTHDAY=32", "超出范围"),
    ("FREQ=WEEKLY;BYDAY=-1FR", "带了序号"),
    ("FREQ=MONTHLY;SOMETIMES=1", "无法识别"),
])
def test_invalid_repeat_rule(data: Path, rule: str, words: str) -> None:
    edit(data, EVENT, "repeat: FREQ=MONTHLY;BYDAY=-1FR ", f"repeat: {rule} ")
    check_fails(data, file=EVENT, line=line_of(data / EVENT, "repeat:"), field="repeat（重复规则）", words=words)


def test_until_before_start(data: Path) -> None:
    edit(data, EVENT, "until: 2027-06-30", "until: 2026-09-01")
    check_fails(data, file=EVENT, line=line_of(data / EVENT, "until:"), field="until", words="早于第一次活动的日期 2026-09-25")


def test_until_without_repeat(data: Path) -> None:
    edit(data, "events/guoqing-xunluo.yml", "venue:", "until: 2026-10-31\nvenue:")
    check_fails(data, file="events/guoqing-xunluo.yml", line=line_of(data / "events/guoqing-xunluo.yml", "until:"), field="until", words="只有重复的活动")


def test_start_not_a_day_of_the_rule(data: Path) -> None:
    # 2026-09-24 is a Thursday; the rule says the last Friday of the month.
    edit(data, EVENT, "start: 2026-09-25 19:30", "start: 2026-09-24 19:30")
    edit(data, EVENT, "end: 2026-09-25 21:00", "end: 2026-09-24 21:00")
    check_fails(data, file=EVENT, line=line_of(data / EVENT, "start:"), field="start", words="第一次是 2026-09-25 19:30（星期五）")


def test_count_and_until_together(data: Path) -> None:
    edit(data, EVENT, "repeat: FREQ=MONTHLY;BYDAY=-1FR ", "repeat: FREQ=MONTHLY;BYDAY=-1FR;COUNT=5 ")
    check_fails(data, file=EVENT, line=line_of(data / EVENT, "until:"), field="until", words="COUNT")


def test_reception_ending_before_it_starts(data: Path) -> None:
    edit(data, POST, 'end: "11:30"', 'end: "08:30"')
    check_fails(data, file=POST, line=line_of(data / POST, "repeat: FREQ=WEEKLY"), field="reception（警民相约警务室）", words="结束时间 08:30 应晚于开始时间 09:00")


def test_reception_bad_rule_and_time(data: Path) -> None:
    edit(data, POST, "repeat: FREQ=WEEKLY;BYDAY=WE", "repeat: FREQ=WEEKLY;BYDAY=WED")
    edit(data, POST, 'start: "09:00"', 'start: "上午九点"')
    err = check_fails(data, file=POST, line=line_of(data / POST, "BYDAY=WED"), field="reception → repeat（重复规则）", words="“WED”不对")
    has(err, file=POST, line=line_of(data / POST, "上午九点"), field="reception → start（开始时间）", words="请写成时:分，例如 09:00")


@pytest.mark.parametrize("name", ["Fanzha.md", "反诈.md", "index.md"])
def test_bad_file_name(data: Path, name: str) -> None:
    os.rename(data / LECTURE, data / "lectures" / name)
    check_fails(data, file=f"lectures/{name}", line=None, field=None, words="文件名")


def test_id_field_is_refused(data: Path) -> None:
    edit(data, EVENT, "title:", "id: meeting\ntitle:")
    check_fails(data, file=EVENT, line=line_of(data / EVENT, "id: meeting"), field="id", words="编号就是文件名")


def test_every_problem_in_one_run(data: Path) -> None:
    edit(data, EVENT, "posts: [zhongshu-changan,", "posts: [nowhere,")
    edit(data, LECTURE, "end: 2026-11-06 12:10", "end: 2026-11-06 11:00")
    edit(data, POST, 'end: "11:30"', 'end: "08:30"')
    (data / "materials/toukui.jpg").unlink()
    err = check(data)
    assert "共发现 4 个错误" in err, err
