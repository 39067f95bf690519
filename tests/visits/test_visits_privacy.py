"""The visit log is internal: nothing of a row may reach the published site.

Only weekly and monthly totals are published. A unique marker put into one
note must appear in no file at all (pages, printables, feeds, sitemap, its
gzip copy), and no table row or list item may pair a visit's date with its
officer or village.
"""

from __future__ import annotations

import gzip
import re
from datetime import date
from pathlib import Path

from helpers import build, date_forms, officer_names, village_index, visit_rows

MARKER = "走访标记Zq7xK2一次性"


def published_texts(site: Path) -> dict[Path, str]:
    """Every file of the site as text (gzip files unpacked)."""
    out: dict[Path, str] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        out[path] = raw.decode("utf-8", errors="replace")
    return out


def test_a_marker_in_a_visit_note_is_published_nowhere(data: Path, tmp_path: Path) -> None:
    csv_path = data / "visits/2026-q4.csv"
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    fields = lines[5].split(",")
    fields[-1] = f"入户走访{MARKER}家，核对门牌"
    lines[5] = ",".join(fields)
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    site = build(data, tmp_path / "site")
    texts = published_texts(site)
    assert any(p.name == "sitemap.xml.gz" for p in texts)  # the sitemap's copy is searched too
    assert any(p.suffix == ".xml" and "feeds" in p.parts for p in texts)
    leaks = [p.relative_to(site) for p, text in texts.items() if MARKER in text]
    assert not leaks, leaks
    # The row did count: its post's figures are built from the log.
    assert "民警走访情况" in texts[site / "posts/zhongshu-changan/index.html"]


def test_no_note_and_no_csv_file_is_published(site: Path) -> None:
    notes = {row["note"] for row in visit_rows() if len(row["note"]) >= 6}
    assert len(notes) > 50
    assert not list(site.rglob("*.csv"))
    for path, text in published_texts(site).items():
        found = [n for n in notes if n in text]
        assert not found, (path, found[:3])


def _rows(html: str, tag: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", " ", m) for m in re.findall(rf"<{tag}[\s>].*?</{tag}>", html, re.S)
    ]


def test_no_row_pairs_a_visit_date_with_its_officer_or_village(site: Path) -> None:
    officers = officer_names()
    villages = village_index()
    visits: dict[str, set[date]] = {}  # officer or village name -> days with a visit
    for row in visit_rows():
        day = date.fromisoformat(row["date"])
        visits.setdefault(officers[row["officer"]], set()).add(day)
        visits.setdefault(villages[row["village"]][1]["name"], set()).add(day)
    pages = sorted(site.rglob("*.html"))
    checked = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        # Table rows: neither officer nor village next to a visit's date.
        # List items: no officer next to a visit's date (a report's title may
        # name its post, e.g. 长安社区警务室, next to its publication date).
        for tag, names in (("tr", visits.keys()), ("li", officers.values())):
            for row in _rows(html, tag):
                checked += 1
                for name in names:
                    if name not in row:
                        continue
                    for day in visits.get(name, ()):
                        assert not any(form in row for form in date_forms(day)), (
                            path.relative_to(site), name, day, row.strip()[:200],
                        )
    assert checked > 1000


def test_visit_figures_on_a_post_page_are_totals(site: Path) -> None:
    """The page shows each month's totals for the post, equal to the log's sums; the
    running month is named 本月至今; per village and officer only complete months."""
    officers = officer_names()
    villages = village_index()
    rows = [r for r in visit_rows() if villages[r["village"]][0] == "zhongshu-changan"]
    page = (site / "posts/zhongshu-changan/index.html").read_text(encoding="utf-8")
    section = page[page.index('id="visits"'):page.index('id="stats"')]
    names = ("走访次数", "走访户数", "发现问题", "解决问题")
    for month in ("2026-08", "2026-09", "2026-10", "2026-11"):
        these = [r for r in rows if r["date"].startswith(month)]
        cells = [
            str(len(these)),
            str(sum(int(r["households"]) for r in these)),
            str(sum(int(r["issues_found"]) for r in these)),
            str(sum(int(r["issues_resolved"]) for r in these)),
        ]
        label = (
            (
                '<span class="cj-w">本月至今</span><span class="cj-w">（11月1日—</span>'
                '<wbr><span class="cj-w">28日）</span>'
            ) if month == "2026-11"
            else f"{int(month[:4])}年{int(month[5:])}月"
        )
        row = f'<tr><th scope="row">{label}</th>' + "".join(
            f'<td data-label="{name}">{cell}</td>' for name, cell in zip(names, cells, strict=True)
        ) + "</tr>"
        assert row in section, month
    # Visits per officer in October, the last complete month (the first column).
    october = [r for r in rows if r["date"].startswith("2026-10")]
    for officer_id in {r["officer"] for r in october}:
        count = sum(1 for r in october if r["officer"] == officer_id)
        assert re.search(rf'<tr><th scope="row">{officers[officer_id]}</th><td data-label="10月">{count}</td>', section), officer_id
    assert "11月</th>" not in section  # no column for the running month
