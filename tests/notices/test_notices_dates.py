"""What is "current" follows the build date (--today): notices expire and appear."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLE
from helpers import build

EBIKE = "长安社区近期发生电动车被盗案件"  # expires 2026-12-10

NEW_YEAR = "元旦前后道路交通安全提示"  # dated 2026-12-10

FRAUD = "警惕“刷单返利”“冒充客服”电信网络诈骗"  # expires 2026-12-31


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_expired_notices_leave_the_home_page_when_today_moves_on(site: Path, tmp_path: Path) -> None:
    later = build(SAMPLE, tmp_path / "later", today="2026-12-20")

    before, after = read(site, ""), read(later, "")
    assert EBIKE in before and EBIKE not in after
    assert NEW_YEAR not in before and NEW_YEAR in after
    assert FRAUD in before and FRAUD in after

    for url in ("posts/zhongshu-changan", "v/changan"):
        assert EBIKE in read(site, url) and EBIKE not in read(later, url), url

    # Still on the site, in the archive, marked as expired.
    index = read(later, "notices")
    assert index.index('id="archive"') < index.index(EBIKE)
    assert "已过期" in read(later, "notices/2026-11-changan-ebike-theft")
    assert (later / "print/notices/2026-11-changan-ebike-theft/index.html").exists()
    # The notice dated 12-10 is now published, with its page and printable.
    assert index.index(NEW_YEAR) < index.index('id="archive"')
    assert (later / "notices/2026-12-new-year-traffic/index.html").exists()
    assert NEW_YEAR in (later / "feeds/all.atom.xml").read_text(encoding="utf-8")


def test_a_notice_is_current_on_its_last_day(tmp_path: Path) -> None:
    last_day = build(SAMPLE, tmp_path / "site", today="2026-12-10")
    home = read(last_day, "")
    assert EBIKE in home and NEW_YEAR in home
