"""`cunjing check` on broken notices: one test per rule.

Each message is Chinese and names the file, the line and the field; never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, cunjing, edit, line_of

NOTICE = "notices/2026-11-changan-ebike-theft.md"


def test_notice_unknown_post_and_village(data: Path) -> None:
    path = edit(data, NOTICE, "posts: [zhongshu-changan]", "posts: [zhongshu-changan, nowhere]\nvillages: [changan, chang-an2]")
    check_fails(data, file=NOTICE, line=line_of(path, "nowhere"), field="posts 第2项", words="找不到编号为“nowhere”的警务室")
    check_fails(data, file=NOTICE, line=line_of(path, "chang-an2"), field="villages 第2项",
                words="找不到编号为“chang-an2”的村（社区）")


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
