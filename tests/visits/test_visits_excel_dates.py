"""A visit log re-saved by Excel: 2026/10/1 is read; 10/1/2026 gives one message, not one per row."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import TODAY, check, check_fails, cunjing

LOG = "visits/2026-q4.csv"


def _resave(data: Path, fmt: str) -> int:
    """Rewrite every date of the log the way Excel would; returns the number of rows."""
    path = data / LOG
    lines = path.read_text(encoding="utf-8").split("\n")
    rows = 0
    for i, line in enumerate(lines[1:], 1):
        m = re.match(r"(\d{4})-(\d{2})-(\d{2}),", line)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            lines[i] = fmt.format(y=y, m=mo, d=d) + line[10:]
            rows += 1
    path.write_text("\n".join(lines), encoding="utf-8")
    return rows


def test_dates_as_excel_writes_them_in_chinese_windows_are_read(site: Path, data: Path, tmp_path: Path) -> None:
    """Dates re-saved as Chinese Windows' Excel writes them give the sample's pages (``site``)."""
    _resave(data, "{y}/{m}/{d}")
    check(data, code=0)
    after = cunjing("build", "--data", data, "-d", tmp_path / "b", "--today", TODAY)
    assert after.code == 0
    page = "posts/baishui-baishui/index.html"
    assert (site / page).read_bytes() == (tmp_path / "b" / page).read_bytes()


def test_dates_in_another_order_give_one_message(data: Path) -> None:
    rows = _resave(data, "{m}/{d}/{y}")
    assert rows > 10
    err = check_fails(data, file=LOG, line=2, field="date", words=f"有 {rows} 行的日期")
    assert "Excel" in err
    assert len([r for r in err.splitlines() if " 错误：" in r]) == 1, err
