"""`cunjing new notice`: a template with today's date and the right front matter."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import cunjing
from helpers import created, fill, front_matter


def test_new_notice(data: Path) -> None:
    run = cunjing(
        "new", "notice", "--post", "zhongshu-changan", "--village", "zhongyang", "--level", "预警",
        "--title", '警惕"冒充客服": 诈骗', "--data", data, "--today", "2026-11-28",
    )
    assert run.code == 0, run.text
    path = created(run.out, data)
    assert path.parent.name == "notices" and path.name == "2026-11-28-zhongshu-changan-notice.md"
    meta = front_matter(path)
    assert meta["title"] == '警惕"冒充客服": 诈骗' and meta["level"] == "预警"
    assert meta["posts"] == ["zhongshu-changan"] and meta["villages"] == ["zhongyang"]
    assert str(meta["date"]) == "2026-11-28" and str(meta["expires"]) == "2026-12-28"
    check = cunjing("check", "--data", data)
    assert check.code == 1 and f"{path.name}:" in check.err and "正文里还有模板的提示文字" in check.err
    fill(path)
    check = cunjing("check", "--data", data)
    assert check.code == 0, check.text


def test_new_county_wide_notice_has_no_places(data: Path) -> None:
    run = cunjing("new", "notice", "--data", data, "--today", "2026-11-28")
    assert run.code == 0, run.text
    meta = yaml.safe_load(created(run.out, data).read_text(encoding="utf-8").split("---\n")[1])
    assert "posts" not in meta and "villages" not in meta and meta["level"] == "提示"
