"""The request log is internal: nothing of a row may reach the published site.

One row gets a unique marker in its note, and a post and village no other
row has. The site is built; the marker is nowhere, and no way of writing a
date of that row appears anywhere it did not appear before (pages, feeds,
sitemap, SVG, search index, JSON). The row only changes its post's counts.
"""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

from helpers import build, date_forms, request_rows

MARKER = "诉求标记Xq9vL3一次性"
# The steps of one request; a post and village with no other request.
ROW_DATES = ("2026-02-11", "2026-02-12", "2026-02-13", "2026-02-16", "2026-02-17")
ROW = f"{ROW_DATES[0]},santang-santang,santang,债务纠纷,{','.join(ROW_DATES[1:])},{MARKER}"


def published_texts(site: Path) -> dict[Path, str]:
    out: dict[Path, str] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        out[path] = raw.decode("utf-8", errors="replace")
    return out


def test_no_field_of_a_request_row_is_published(data: Path, tmp_path: Path, site: Path) -> None:
    rows = request_rows()
    assert not any(r["post"] == "santang-santang" for r in rows)
    path = data / "requests/2026.csv"
    path.write_text(path.read_text(encoding="utf-8") + ROW + "\n", encoding="utf-8")

    built = build(data, tmp_path / "site")
    after = published_texts(built)
    before = "\n".join(published_texts(site).values())
    assert any(p.name == "sitemap.xml.gz" for p in after)
    assert any(p.suffix == ".json" for p in after)  # the lookup index is searched too
    leaks = [p.relative_to(built) for p, text in after.items() if MARKER in text]
    assert not leaks, leaks
    for day in ROW_DATES:
        for form in date_forms(date.fromisoformat(day)):
            if form in before:
                continue
            found = [p.relative_to(built) for p, text in after.items() if form in text]
            assert not found, (form, found)
    # The row did count, as a masked figure on its post's page.
    page = after[built / "posts/santang-santang/index.html"]
    assert '">&lt;3</td>' in page
    assert not list(built.rglob("*.csv"))


def test_no_request_note_is_published(site: Path) -> None:
    notes = {row["note"] for row in request_rows() if len(row["note"]) >= 6}
    assert len(notes) >= 10
    for path, text in published_texts(site).items():
        found = [n for n in notes if n in text]
        assert not found, (path, found[:3])
