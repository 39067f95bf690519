"""`cunjing check` on broken data/safety files: one test per rule, each a Chinese
message naming file, line and field, never a traceback."""

from __future__ import annotations

from pathlib import Path

from conftest import check, check_fails, edit, has, line_of

SAFETY = "safety/changan.yml"


def test_sample_safety_files_pass(data: Path) -> None:
    check(data, 0)


def test_file_name_must_be_a_village_id(data: Path) -> None:
    (data / SAFETY).rename(data / "safety/changann.yml")
    err = check_fails(data, file="safety/changann.yml", line=None, field=None, words="找不到编号为“changann”的村（社区）")
    assert "是否想写“changan”" in err
    assert "文件名就是村（社区）编号" in err


def test_former_village_id_resolves_and_one_file_per_village(data: Path) -> None:
    # zhongyang is the former id of chongyang, which already has a file.
    assert (data / "safety/chongyang.yml").is_file()
    (data / "safety/zhongyang.yml").write_text("mediators:\n  - name: 甲某\n    role: 调解员\n", encoding="utf-8")
    check_fails(data, file="safety/zhongyang.yml", line=None, field=None, words="已经有平安建设文件")
    (data / "safety/chongyang.yml").unlink()
    check(data, 0)


def test_unknown_six_role_has_a_suggestion(data: Path) -> None:
    path = edit(data, SAFETY, "  治保:\n", "  治安:\n")
    # A key's problem is reported at its value (here the first line under it), as everywhere.
    err = check_fails(data, file=SAFETY, line=line_of(path, "治安:") + 1, field="six → 治安", words="“治安”不是“六位一体”的工作")
    assert "是否想写“治保”" in err


def test_bad_repeat_rule(data: Path) -> None:
    path = edit(data, SAFETY, "repeat: FREQ=WEEKLY;BYDAY=WE", "repeat: FREQ=WEEKLY;BYDAY=XY")
    check_fails(data, file=SAFETY, line=line_of(path, "BYDAY=XY"), field="patrol → schedule → repeat（重复规则）", words="BYDAY 的“XY”不对")


def test_first_patrol_must_be_a_day_of_the_rule(data: Path) -> None:
    path = edit(data, SAFETY, "start: 2026-03-04 19:30", "start: 2026-03-05 19:30")
    edit(data, SAFETY, "end: 2026-03-04 21:30", "end: 2026-03-05 21:30")
    check_fails(data, file=SAFETY, line=line_of(path, "start: 2026-03-05"), field="patrol → schedule → start", words="第一次是 2026-03-11 19:30（星期三）")


def test_patrol_ending_before_it_starts(data: Path) -> None:
    path = edit(data, SAFETY, "end: 2026-03-04 21:30", "end: 2026-03-04 18:00")
    check_fails(data, file=SAFETY, line=line_of(path, "end: 2026-03-04 18:00"), field="patrol → schedule → end", words="应晚于开始时间")


def test_trained_must_be_a_lecture(data: Path) -> None:
    path = edit(data, SAFETY, "trained: [tiaojieyuan-peixun-2026-10]", "trained: [tiaojieyuan-peixun-2026-1]")
    err = check_fails(data, file=SAFETY, line=line_of(path, "2026-1]"), field="mediators 第1项 → trained 第1项", words="找不到编号为“tiaojieyuan-peixun-2026-1”的讲座")
    assert "是否想写“tiaojieyuan-peixun-2026-10”" in err


def test_trained_must_be_a_mediators_training(data: Path) -> None:
    path = edit(data, SAFETY, "trained: [tiaojieyuan-peixun-2026-10]", "trained: [jindu-guangbo]")
    check_fails(data, file=SAFETY, line=line_of(path, "jindu-guangbo"), field="mediators 第1项 → trained 第1项", words="不是调解员培训")


def test_no_place_for_the_people_helped(data: Path) -> None:
    path = data / SAFETY
    path.write_text(path.read_text(encoding="utf-8") + "subjects:\n  - 某某（社区矫正）\n", encoding="utf-8")
    err = check_fails(data, file=SAFETY, line=line_of(path, "某某（社区矫正）"), field="subjects", words="未知字段“subjects”")
    assert "帮教对象、纠纷当事人等群众的个人信息不能写进网站数据" in err


def test_patrol_members_are_a_count_not_names(data: Path) -> None:
    path = edit(data, SAFETY, "members: 36", "members: [张三, 李四]")
    check_fails(data, file=SAFETY, line=line_of(path, "members:"), field="patrol → members（队员人数）", words="应为整数")


def test_phones_here_are_published_but_a_residents_mobile_is_refused(data: Path) -> None:
    # A mediator's mobile written as their phone is a published number ...
    edit(data, SAFETY, 'phone: "0873-0690023"', 'phone: "13987654321"')
    check(data, 0)
    # ... but a mobile anywhere else in the file is a resident's and is refused.
    path = edit(data, SAFETY, "areas: [重点部位,", "areas: [王某家 13912345678,")
    err = check_fails(data, file=SAFETY, line=line_of(path, "13912345678"), field=None, words="群众的手机号不能公布")
    assert "13912345678" not in err


def test_every_problem_in_one_run(data: Path) -> None:
    edit(data, SAFETY, "  治保:\n", "  治安:\n")
    edit(data, SAFETY, "trained: [tiaojieyuan-peixun-2026-10]", "trained: [jindu-guangbo]")
    edit(data, "safety/baishui.yml", "members: 22", "members: 0")
    err = check(data)
    has(err, file=SAFETY, line=None, field="six → 治安", words="不是“六位一体”的工作")
    has(err, file=SAFETY, line=None, field="mediators 第1项 → trained 第1项", words="不是调解员培训")
    has(err, file="safety/baishui.yml", line=None, field="patrol → members（队员人数）", words="不小于 1")
