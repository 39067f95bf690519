"""`cunjing check` on broken 三访三评 files and stations.yml."""

from __future__ import annotations

from pathlib import Path

from conftest import check, check_fails, edit, has, line_of

FILE = "evaluations/2026-h1.yml"


def test_satisfied_more_than_responses(data: Path) -> None:
    path = edit(data, FILE, "satisfied: 66", "satisfied: 660")
    check_fails(data, file=FILE, line=line_of(path, "satisfied: 660"), field="posts 第1项 → satisfied",
                words="满意人数（660）比参评人数（77）还多")


def test_evaluation_unknown_post(data: Path) -> None:
    path = edit(data, FILE, "post: zhongshu-changan", "post: changan")
    check_fails(data, file=FILE, line=line_of(path, "post: changan"), field="posts 第1项 → post",
                words="找不到编号为“changan”的警务室")


def test_evaluation_period_missing(data: Path) -> None:
    path = edit(data, FILE, "  to: 2026-06-30\n", "")
    check_fails(data, file=FILE, line=line_of(path, "from:"), field="period → to（结束日期）", words="缺少必填字段")


def test_station_unknown_and_below_standard(data: Path) -> None:
    path = edit(data, "stations.yml", "name: 三塘派出所", "name: 三糖派出所")
    err = check_fails(data, file="stations.yml", line=line_of(path, "三糖派出所"), field="stations 第7项 → name",
                      words="是否想写“三塘乡三塘派出所”")
    has(err, file="stations.yml", line=line_of(path, "strength: 24"), field="stations 第2项 → strength",
        words="低于 40% 的标准", level="警告")


def test_sample_warns_but_passes(data: Path) -> None:
    err = check(data, code=0)
    assert "低于 40% 的标准" in err
