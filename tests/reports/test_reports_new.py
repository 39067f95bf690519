"""`cunjing new report`: a template with today's date and the right front matter,
named after the month reported on and the post; in a month's first days it is on
the previous month; `cunjing check` refuses it, line by line, until the editor
fills it in; an existing file is never overwritten; unknown ids are refused."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLE, cunjing
from helpers import created, fill, front_matter


def test_new_report_for_a_post(data: Path, tmp_path: Path) -> None:
    run = cunjing("new", "report", "--post", "zhongshu-changan", "--data", data, "--today", "2026-11-28")
    assert run.code == 0, run.text
    path = created(run.out, data)
    assert path.name == "2026-11-zhongshu-changan-2.md"  # the sample has 2026-11-zhongshu-changan.md
    meta = front_matter(path)
    assert str(meta["date"]) == "2026-11-28" and meta["post"] == "zhongshu-changan"
    assert str(meta["period"]["from"]) == "2026-11-01" and str(meta["period"]["to"]) == "2026-11-28"
    assert "长安社区警务室2026年11月工作报告" in meta["title"]
    assert set(meta["stats"]) == {
        "visits", "disputes_received", "disputes_resolved", "lectures", "patrols", "opinions", "resolved_requests",
    }

    # Unfilled, it is refused: every mark is named with its line, nothing published.
    check = cunjing("check", "--data", data)
    assert check.code == 1
    lines = [row for row in check.err.splitlines() if path.name in row]
    assert len(lines) == 1 + 7 + 3  # title, seven figures, three paragraphs
    assert all("模板的提示文字" in row and "错误" in row for row in lines)
    title_line = next(n for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if t.startswith("title:"))
    assert any(f"{path.name}:{title_line}: 错误：字段 title：" in row for row in lines)
    assert any("字段 stats → visits" in row and "只写数字" in row for row in lines)

    fill(path)
    check = cunjing("check", "--data", data)
    assert check.code == 0, check.text
    built = cunjing("build", "--data", data, "-d", tmp_path / "site", "--today", "2026-11-28")
    assert built.code == 0, built.text
    page = (tmp_path / "site/reports/2026-11-zhongshu-changan-2/index.html").read_text(encoding="utf-8")
    assert "巡逻和走访情况" in page


def test_new_report_never_overwrites(data: Path) -> None:
    first = cunjing("new", "report", "--data", data, "--today", "2026-11-28", "--title", "全县11月工作报告")
    second = cunjing("new", "report", "--data", data, "--today", "2026-11-28")
    assert first.code == 0 and second.code == 0
    a, b = created(first.out, data), created(second.out, data)
    assert a.name == "2026-11-county.md" and b.name == "2026-11-county-2.md"
    meta = front_matter(a)
    assert meta["title"] == "全县11月工作报告" and "post" not in meta
    assert "【请填写" in b.read_text(encoding="utf-8")  # the first was not touched by the second
    assert "全县11月工作报告" in a.read_text(encoding="utf-8")


def test_early_in_a_month_the_report_is_on_the_previous_month(data: Path) -> None:
    for today, name, start, end in (
        ("2026-12-02", "2026-11-county.md", "2026-11-01", "2026-11-30"),
        ("2026-12-10", "2026-11-county-2.md", "2026-11-01", "2026-11-30"),
        ("2026-12-11", "2026-12-county.md", "2026-12-01", "2026-12-11"),
        ("2027-01-05", "2026-12-county-2.md", "2026-12-01", "2026-12-31"),
    ):
        run = cunjing("new", "report", "--data", data, "--today", today)
        assert run.code == 0, run.text
        path = created(run.out, data)
        meta = front_matter(path)
        assert path.name == name
        assert str(meta["date"]) == today
        assert (str(meta["period"]["from"]), str(meta["period"]["to"])) == (start, end)
    assert "2026年11月工作报告" in (data / "reports/2026-11-county.md").read_text(encoding="utf-8")


def test_new_refuses_unknown_ids(data: Path) -> None:
    run = cunjing("new", "report", "--post", "zhongshu-chang-an", "--data", data, "--today", "2026-11-28")
    assert run.code == 1 and "找不到编号为“zhongshu-chang-an”的警务室" in run.err
    run = cunjing("new", "notice", "--village", "nowhere", "--data", data, "--today", "2026-11-28")
    assert run.code == 1 and "找不到编号为“nowhere”的村（社区）" in run.err
    assert sorted(p.name for p in (data / "reports").iterdir()) == sorted(p.name for p in (SAMPLE / "reports").iterdir())
    assert not list((data / "notices").glob("2026-11-28-*"))
    run = cunjing("new", "leaflet", "--data", data)
    assert run.code == 2 and "命令写法不对" in run.err


def test_new_works_from_the_roster_while_another_file_is_unfinished(data: Path) -> None:
    """Only the roster is read: a half-written notice elsewhere does not stop a new report,
    and with the Excel roster there is no talk of posts/*.yml files."""
    broken = data / "notices/2026-11-anti-fraud.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    assert cunjing("check", "--data", data).code == 1
    run = cunjing("new", "report", "--post", "zhongshu-changan", "--data", data, "--today", "2026-11-28")
    assert run.code == 0, run.text
    # The same with the Excel roster in use (the unfinished notice is not a roster error).
    assert cunjing("excel", "export", "-o", data / "名册.xlsx", "--data", data).code == 0
    assert cunjing("excel", "use", "--data", data).code == 1  # switched, then the check names the notice
    assert not list((data / "posts").glob("*.yml"))
    run = cunjing("new", "report", "--post", "zhongshu-chongyang", "--data", data, "--today", "2026-11-28")
    assert run.code == 0, run.text
    run = cunjing("new", "report", "--post", "qqqqqqqqqq", "--data", data)
    assert run.code == 1 and "找不到编号为“qqqqqqqqqq”的警务室" in run.err
    assert ".yml" not in run.err and "名册.xlsx“警务室”工作表" in run.err
