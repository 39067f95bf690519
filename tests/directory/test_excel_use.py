"""The README's Excel steps as an editor follows them: export the roster,
change it in Excel, `cunjing excel use` it, build. The .yml files it replaces
are moved into a dated backup folder, never deleted."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl

from conftest import ROOT, SAMPLE, cunjing


def readme_steps() -> list[list[str]]:
    """The commands of the README's "用 Excel 管名册" code block, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### 用 Excel 管名册", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    lines = [line.split("#", 1)[0].split() for line in block.group(1).splitlines()]
    return [words[1:] for words in lines if words and words[0] == "cunjing"]


def project(tmp_path: Path) -> Path:
    folder = tmp_path / "county"
    shutil.copytree(SAMPLE, folder / "data")
    shutil.copytree(ROOT / "docs", folder / "docs")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def test_the_readme_excel_steps_build_the_site(tmp_path: Path) -> None:
    steps = readme_steps()
    assert [s[:2] for s in steps] == [["excel", "export"], ["excel", "use"], ["build"]]
    folder = project(tmp_path)
    posts_before = sorted(p.name for p in (folder / "data/posts").glob("*.yml"))
    safety_before = sorted(p.name for p in (folder / "data/safety").glob("*.yml"))

    run = cunjing(*steps[0], "--today", "2026-11-28", cwd=folder)
    assert run.code == 0, run.text
    # The editor changes an officer's phone in Excel (a text cell, as the export formats it).
    book = openpyxl.load_workbook(folder / "名册.xlsx")
    sheet = book["民警"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("编号")].value == "li-jianguo")
    row[header.index("电话")].value = "0873-0600999"
    book.save(folder / "名册.xlsx")

    run = cunjing(*steps[1], "--today", "2026-11-28", cwd=folder)
    assert run.code == 0, run.text
    assert "数据检查通过" in run.out and "Traceback" not in run.text
    assert (folder / "data/名册.xlsx").is_file()
    assert not list((folder / "data/posts").glob("*.yml")) and not list((folder / "data/safety").glob("*.yml"))
    # Nothing deleted: every replaced file is in the backup folder, and the output names it.
    [backup] = (folder / "名册备份").iterdir()
    assert sorted(p.name for p in (backup / "posts").iterdir()) == posts_before
    assert sorted(p.name for p in (backup / "safety").iterdir()) == safety_before
    assert f"共 {len(posts_before) + len(safety_before)} 个" in run.out and "zhongshu-changan.yml" in run.out

    run = cunjing(*steps[2], "--today", "2026-11-28", cwd=folder)
    assert run.code == 0, run.text
    assert "0873-0600999" in (folder / "site/officers/li-jianguo/index.html").read_text(encoding="utf-8")


def test_use_refuses_a_workbook_without_the_roster(tmp_path: Path) -> None:
    folder = project(tmp_path)
    book = openpyxl.Workbook()
    book.active.title = "别的表"
    book.save(folder / "其他.xlsx")
    run = cunjing("excel", "use", "其他.xlsx", cwd=folder)
    assert run.code == 1 and "没有名册的工作表" in run.err and "Traceback" not in run.text
    assert list((folder / "data/posts").glob("*.yml")), "nothing moved"
    run = cunjing("excel", "use", "没有这个.xlsx", cwd=folder)
    assert run.code == 1 and "找不到" in run.err


def test_with_the_workbook_unknown_ids_elsewhere_point_to_its_sheets(tmp_path: Path) -> None:
    folder = project(tmp_path)
    assert cunjing("excel", "export", cwd=folder).code == 0
    assert cunjing("excel", "use", "名册.xlsx", cwd=folder).code == 0
    notice = folder / "data/notices/2026-11-changan-ebike-theft.md"
    notice.write_text(
        notice.read_text(encoding="utf-8").replace("posts: [zhongshu-changan]", "posts: [qqqqqqqqqq]"), encoding="utf-8",
    )
    run = cunjing("check", cwd=folder)
    assert run.code == 1
    [line] = [row for row in run.err.splitlines() if "qqqqqqqqqq" in row]
    assert "名册.xlsx“警务室”工作表“编号”列" in line and "posts 文件夹" not in line
