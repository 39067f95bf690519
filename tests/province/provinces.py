"""A small synthetic province: site.yml and counties/<id>/, each a county data
folder from bench.synthetic (the same seed gives the same village names, so
two counties may share names as real ones do: 新寨村, 太平村 …)."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import write_province

PROVINCE_YML = """\
# 合成州（测试用，虚构数据）
title: 合成州一村一警
authority: 合成州公安局
site_url: https://example.org/hecheng/
emergency: "110"
sample: true
"""


def make_province(folder: Path, counties: dict[str, tuple[str, int, int]]) -> Path:
    """Write a province into ``folder``: counties maps id -> (county name, villages, seed);
    each county has a notice whose title needs escaping."""
    write_province(folder, counties, site_yml=PROVINCE_YML)
    for county_id, (name, _, _) in counties.items():
        notices = folder / "counties" / county_id / "notices"
        notices.mkdir()
        (notices / f"2026-11-{county_id}.md").write_text(
            f"---\ntitle: {name}防溺水 <提醒> & 预警\ndate: 2026-11-{10 + len(county_id):02d}\nlevel: 提示\n---\n\n"
            "请看管好孩子，不到不熟悉的水域游泳。\n",
            encoding="utf-8",
        )
    return folder


# Two counties sharing their village names (same seed), a third with others.
COUNTIES = {"alpha": ("甲县", 12, 7), "beta": ("乙县", 12, 7), "gamma": ("丙县", 9, 8)}
