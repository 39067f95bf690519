"""五个及时: the request figures on /stats/ and on post pages equal figures
recomputed here from data/requests/*.csv (read with the csv module); counts
below 3 are masked; reports take 受理、化解、反馈 from the log."""

from __future__ import annotations

import statistics
from datetime import date
from pathlib import Path

from conftest import edit
from helpers import BUILD_DAY, build, masked, request_rows, table_rows

CAPTION = "每月受理和反馈的群众诉求（五个及时）（数据表）"



def months_back(count: int) -> list[tuple[int, int]]:
    out, year, month = [], BUILD_DAY.year, BUILD_DAY.month
    for _ in range(count):
        out.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(out))


def expected(rows: list[dict[str, str]]) -> list[list[str]]:
    """The last 12 complete months (none before the log starts), then the running one."""
    out = []
    start = min(request_rows(), key=lambda r: r["received"])["received"][:7]
    for year, month in months_back(13):
        if f"{year}-{month:02d}" < start:
            continue
        mine = [r for r in rows if r["received"].startswith(f"{year}-{month:02d}")]
        days = [
            (date.fromisoformat(r["answered"]) - date.fromisoformat(r["received"])).days
            for r in mine if r["answered"]
        ]
        late = sum(
            1 for r in mine if not r["answered"] and (BUILD_DAY - date.fromisoformat(r["received"])).days > 30
        )
        median = f"{statistics.median(days):g} 天" if len(days) >= 3 else "—"
        share = f"{round(100 * sum(1 for d in days if d <= 7) / len(mine))}%" if len(mine) >= 3 else "—"
        running = (year, month) == (BUILD_DAY.year, BUILD_DAY.month)
        out.append([
            f"本月至今（{month}月1日—{BUILD_DAY.day}日）" if running else f"{year}年{month}月", masked(len(mine)), masked(sum(1 for r in mine if r["resolved"])),
            masked(len(days)), median, share, masked(late),
        ])
    return out


def test_county_request_figures_on_stats(site: Path) -> None:
    html = (site / "stats/index.html").read_text(encoding="utf-8")
    assert table_rows(html, CAPTION) == expected(request_rows())
    # The sentence is about the last complete month; the running one is only named.
    october = [r for r in request_rows() if r["received"].startswith("2026-10")]
    november = [r for r in request_rows() if r["received"].startswith("2026-11")]
    assert f"上月（10月）受理群众诉求 {masked(len(october))} 件，已反馈 {masked(sum(1 for r in october if r['answered']))} 件" in html
    assert f"；本月至今（11月1日—28日）受理 {masked(len(november))} 件。" in html


def test_each_post_page_has_its_own_request_figures_masked_below_three(site: Path) -> None:
    rows = request_rows()
    small = 0
    for post in sorted({r["post"] for r in rows}):
        html = (site / f"posts/{post}/index.html").read_text(encoding="utf-8")
        want = expected([r for r in rows if r["post"] == post])
        assert table_rows(html, CAPTION) == want, post
        small += sum(1 for row in want if row[1] == "<3")
    assert small, "the sample should have months with 1 or 2 requests at some post"
    # A month with 1 or 2 requests shows "<3", never the number.
    html = (site / "posts/wujiepu-xiangshui/index.html").read_text(encoding="utf-8")
    assert '">&lt;3</td>' in html


def test_a_report_takes_received_resolved_answered_from_the_log(data: Path, tmp_path: Path) -> None:
    report = "reports/2026-10-zhongshu-changan.md"
    text = (data / report).read_text(encoding="utf-8")
    start = text.index("stats:")
    end = text.index("---", start)
    (data / report).write_text(text[:start] + "stats: [from_visits, from_requests]\n" + text[end:], encoding="utf-8")
    site = build(data, tmp_path / "site")
    html = (site / "reports/2026-10-zhongshu-changan/index.html").read_text(encoding="utf-8")
    rows = [r for r in request_rows(data) if r["post"] == "zhongshu-changan"]

    def within(key: str) -> int:
        return sum(1 for r in rows if r[key] and "2026-10-01" <= r[key] <= "2026-10-31")

    for label, key in (("受理群众诉求", "received"), ("化解", "resolved"), ("反馈", "answered")):
        assert f"<tr><td>{label}</td><td class=\"cj-stats__num\">{masked(within(key)).replace('<', '&lt;')}</td></tr>" in html, label
    assert "走访户数" in html  # from_visits still counted


def test_the_30_day_alarm_counts_without_rows(data: Path) -> None:
    from conftest import cunjing

    edit(data, "requests/2026.csv", "\n", "\n2026-09-01,santang-santang,,求助,,,,,夜里报警后无人回访\n")
    run = cunjing("check", "--data", data, "--today", "2026-11-28")
    assert run.code == 0, run.text
    line = next(row for row in run.err.splitlines() if "三塘" in row and "30 天" in row)
    assert "警告" in line and " 1 件" in line
    assert "夜里报警后无人回访" not in run.err and "2026-09-01" not in run.err
