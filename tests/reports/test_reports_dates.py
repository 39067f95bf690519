"""Reports wait for their date (--today)."""

from __future__ import annotations

from pathlib import Path


def test_a_report_dated_after_the_build_date_waits(data: Path) -> None:
    from generator.build import build_site
    from generator.site import load_site

    from conftest import cunjing

    path = data / "reports/2026-11-zhongshu-changan.md"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2026-11-27", "date: 2026-12-01"), encoding="utf-8")
    run = cunjing("check", "--data", data, "--today", "2026-11-28")
    assert run.code == 0 and "2026-12-01 在生成日期 2026-11-28 之后，到那一天才会在网站上发布" in run.err

    def published_urls(day: str) -> set[str]:
        out = build_site(load_site(data, day))
        return {p.url for p in out.pages} | {a.dest for a in out.assets}

    before, on_the_day = published_urls("2026-11-28"), published_urls("2026-12-01")
    for url in ("reports/2026-11-zhongshu-changan/", "print/reports/2026-11-zhongshu-changan/index.html"):
        assert url not in before and url in on_the_day
