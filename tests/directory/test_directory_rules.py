"""`cunjing check` on broken copies of the sample: one test per rule.

Each broken copy must exit 1 with a Chinese message naming the file, the
line and the field, and must never print a Python traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import check_fails, cunjing, edit, line_of

POST = "posts/zhongshu-changan.yml"








def test_sample_is_valid() -> None:
    from conftest import SAMPLE

    run = cunjing("check", "--data", SAMPLE)
    assert run.code == 0, run.text
    assert "42 个警务室" in run.out


def test_yaml_syntax_error(data: Path) -> None:
    edit(data, POST, "    kind: 社区\n    population: 4650", "    kind: 社区\n   population: 4650")
    check_fails(data, file=POST, line=line_of(data / POST, "   population: 4650"), field=None, words="YAML 格式错误")


def test_missing_required_field(data: Path) -> None:
    edit(data, POST, "address: 中枢镇长安社区居委会一楼\n", "")
    check_fails(data, file=POST, line=None, field="address（地址）", words="缺少必填字段")


def test_mistyped_field(data: Path) -> None:
    edit(data, POST, "population: 4650", "population: 四千六")
    check_fails(data, file=POST, line=line_of(data / POST, "四千六"), field="villages 第1项 → population（人口）", words="应为整数")


def test_wrong_choice(data: Path) -> None:
    edit(data, POST, "kind: 社区", "kind: 街道")
    check_fails(data, file=POST, line=line_of(data / POST, "kind: 街道"), field="villages 第1项 → kind（类型）", words="行政村、社区")


def test_duplicate_key(data: Path) -> None:
    edit(data, POST, "hours: 周一至周五", "phone: \"0873-0610109\"\nhours: 周一至周五")
    check_fails(data, file=POST, line=line_of(data / POST, "0873-0610109"), field="phone", words="字段重复")


def test_duplicate_officer_id(data: Path) -> None:
    edit(data, POST, "  - id: zhang-lei\n", "  - id: li-jianguo\n")
    edit(data, POST, "officers: [zhang-lei]", "officers: [li-jianguo]")
    check_fails(data, file=POST, line=line_of(data / POST, "name: 张磊") - 1, field="officers 第2项 → id", words="重复")


def test_duplicate_village_id_in_one_post(data: Path) -> None:
    edit(data, POST, "  - id: wenbi\n", "  - id: changan\n")
    check_fails(data, file=POST, line=line_of(data / POST, "name: 文笔社区") - 1, field="villages 第2项 → id", words="重复")


def test_village_listed_in_two_posts(data: Path) -> None:
    other = "posts/zhongshu-chaoyang.yml"
    edit(data, other, "  - id: chaoyang\n", "  - id: changan\n")
    err = cunjing("check", "--data", data).err
    assert "同时列在两个警务室" in err and "changan" in err
    assert re.search(r"posts/zhongshu-c\w+\.yml:\d+: 错误：字段 villages 第\d+项 → id", err)


def test_unknown_officer(data: Path) -> None:
    edit(data, POST, "officers: [li-jianguo]", "officers: [li-jianguoo]")
    check_fails(data, file=POST, line=line_of(data / POST, "li-jianguoo"), field="villages 第1项 → officers 第1项", words="找不到编号为“li-jianguoo”的民警")


def test_officer_of_another_post(data: Path) -> None:
    edit(data, POST, "officers: [zhang-lei]", "officers: [shan-zhihua]")
    check_fails(data, file=POST, line=line_of(data / POST, "shan-zhihua"), field="villages 第2项 → officers 第1项", words="不是本警务室的民警")


def test_post_without_officer(data: Path) -> None:
    text = (data / POST).read_text(encoding="utf-8")
    start, end = text.index("officers:\n  - id: li-jianguo"), text.index("staff:")
    (data / POST).write_text(text[:start] + "officers: []\n\n" + text[end:], encoding="utf-8")
    check_fails(data, file=POST, line=line_of(data / POST, "officers: []"), field="officers", words="没有民警")


def test_village_without_officer(data: Path) -> None:
    edit(data, POST, "officers: [zhang-lei]", "officers: []")
    check_fails(data, file=POST, line=line_of(data / POST, "officers: []"), field="villages 第2项 → officers", words="没有责任民警")


@pytest.mark.parametrize("bad", ["0873-06101", "23912345678", "电话号码"])
def test_malformed_phone(data: Path, bad: str) -> None:
    edit(data, POST, '"0873-0610102"', f'"{bad}"')
    check_fails(data, file=POST, line=line_of(data / POST, f'"{bad}"'), field="officers 第1项 → phone（电话）", words="格式不正确")


def test_phone_spaces_and_dashes_are_normalised(data: Path) -> None:
    edit(data, POST, '"0873-0610102"', '"0873 061 0102"')
    assert cunjing("check", "--data", data).code == 0


@pytest.mark.parametrize("bad", ["0", "-20"])
def test_non_positive_population(data: Path, bad: str) -> None:
    edit(data, POST, "population: 4650", f"population: {bad}")
    check_fails(data, file=POST, line=line_of(data / POST, f"population: {bad}"), field="villages 第1项 → population（人口）", words="应大于 0")


def test_missing_photo(data: Path) -> None:
    (data / "photos/li-jianguo.png").unlink()
    check_fails(data, file=POST, line=line_of(data / POST, "photo:"), field="officers 第1项 → photo", words="找不到文件")


@pytest.mark.parametrize("ref", ["../secret.png", "/etc/passwd.png", "link.png"])
def test_photo_outside_data(data: Path, ref: str) -> None:
    (data.parent / "secret.png").write_bytes(b"x")
    (data / "link.png").symlink_to(data.parent / "secret.png")
    edit(data, POST, "photo: photos/li-jianguo.png", f"photo: {ref}")
    check_fails(data, file=POST, line=line_of(data / POST, "photo:"), field="officers 第1项 → photo", words="data/")


def test_unknown_key_suggests_the_right_one(data: Path) -> None:
    edit(data, POST, "    badge: \"057191\"", "    bagde: \"057191\"")
    err = check_fails(data, file=POST, line=line_of(data / POST, "bagde"), field="officers 第1项 → bagde", words="是否想写“badge”")
    assert "缺少必填字段" in err  # badge is now missing too: every problem at once


def test_many_problems_reported_at_once(data: Path) -> None:
    edit(data, POST, "population: 4650", "population: -1")
    edit(data, "posts/zhongshu-chaoyang.yml", "kind:", "knid:")
    edit(data, "site.yml", "emergency: \"110\"", "emergency: \"911x\"")
    err = cunjing("check", "--data", data).err
    assert "zhongshu-changan.yml" in err and "zhongshu-chaoyang.yml" in err and "site.yml" in err
    assert "共发现" in err


def test_more_than_two_officers_is_a_warning(data: Path) -> None:
    edit(
        data, POST, "\nstaff:",
        "  - id: extra-one\n    name: 测试甲\n    rank: 二级警司\n    badge: \"099001\"\n"
        "    phone: \"0873-0619999\"\n\nstaff:",
    )
    edit(data, POST, "officers: [zhang-lei]", "officers: [zhang-lei, extra-one]")
    run = cunjing("check", "--data", data)
    assert run.code == 0, run.text
    assert re.search(r"zhongshu-changan\.yml:\d+: 警告：字段 officers（民警）：.*1—2 名", run.err)


def test_far_too_many_residents_per_officer_is_a_warning(data: Path) -> None:
    edit(data, POST, "population: 4650", "population: 40000")
    run = cunjing("check", "--data", data)
    assert run.code == 0, run.text
    assert "警告" in run.err and "5000" in run.err


def test_empty_and_list_files(data: Path) -> None:
    (data / POST).write_text("", encoding="utf-8")
    (data / "posts/zhongshu-chaoyang.yml").write_text("- a\n- b\n", encoding="utf-8")
    err = cunjing("check", "--data", data).err
    assert "zhongshu-changan.yml" in err and "空文件" in err
    assert "zhongshu-chaoyang.yml:1" in err and "列表" in err


def test_missing_data_dir(tmp_path: Path) -> None:
    run = cunjing("check", "--data", tmp_path / "nope")
    assert run.code == 1 and "找不到数据文件夹" in run.err and "Traceback" not in run.text


def test_usage_error_exits_2() -> None:
    run = cunjing("build", "--today", "28/11/2026")
    assert run.code == 2 and "YYYY-MM-DD" in run.err
