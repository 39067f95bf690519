"""bench/build.py runs end to end at a tiny size: it builds the synthetic county
with cunjing and the bare-MkDocs floor, times a `cunjing serve` rebuild, and
writes its table. Sizes are checked, timings are not (a benchmark, not a test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_bench_build_writes_its_table(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    keep = tmp_path / "keep"
    out.write_text("# old table\n\n## Notes\n\nmeasured by hand\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "bench.build", "--villages", "20", "--serve", "20", "--rounds", "2",
         "--out", str(out), "--keep", str(keep)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = out.read_text(encoding="utf-8")
    assert "Machine:" in text and "Python" in text and "MkDocs" in text
    assert "# old table" not in text and text.endswith("## Notes\n\nmeasured by hand\n")
    header, _rule, row = [line for line in text.splitlines() if line.startswith("|")]
    assert header in proc.stdout and row in proc.stdout
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[0] == "20"
    # The pages counted are the HTML files cunjing wrote, and the floor has as many.
    site, floor = keep / "20/county/site", keep / "20/floor/site"
    pages = len(list(site.rglob("*.html")))
    assert cells[1] == f"{pages:,}"
    assert len(list(floor.rglob("*.html"))) >= pages  # + the theme's 404 page
    # The serve rebuild was measured, and the changed post file reached the data.
    assert cells[-1].endswith("×)")
    # Two rounds: each built twice, the second time into a fresh folder.
    assert "2 builds of each" in text
    assert (keep / "20/county/site-2/index.html").is_file() and (keep / "20/floor/site-2/index.html").is_file()
    assert any("社区警务室" in p.read_text(encoding="utf-8") for p in (keep / "20/county/data/posts").glob("*.yml"))
    largest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    assert cells[8].startswith(largest.relative_to(site).as_posix() + " ")


def test_bench_build_province_rows_sit_beside_the_county_rows(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    keep = tmp_path / "keep"
    out.write_text("# Build benchmark\n\ncounty table\n\n## Notes\n\nmeasured by hand\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "bench.build", "--province", "2", "--out", str(out), "--keep", str(keep)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Build benchmark\n\ncounty table\n\n## Province\n")
    assert text.endswith("## Notes\n\nmeasured by hand\n")
    _header, _rule, row = [line for line in text.splitlines() if line.startswith("|")]
    cells = [c.strip() for c in row.strip("|").split("|")]
    site = keep / "province-2/province/site-2"
    assert cells[0] == "2" and cells[2] == f"{len(list(site.rglob('*.html'))):,}"
    assert (site / "c1" / "index.html").is_file() and (site / "c2" / "index.html").is_file()
    # The first /find/ result is the province's own, across both counties.
    assert int(cells[-1].removesuffix(" B").replace(",", "")) > 0 and (site / "find" / "i").is_dir()
    # A rerun of the county rows keeps the province rows.
    proc = subprocess.run(
        [sys.executable, "-m", "bench.build", "--villages", "20", "--serve", "", "--rounds", "1", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    again = out.read_text(encoding="utf-8")
    assert row in again and again.index("## Province") < again.index("## Notes")
    assert again.endswith("## Notes\n\nmeasured by hand\n")


def test_each_figure_is_the_median_of_its_rounds() -> None:
    from bench.build import Run, median_run

    runs = [Run(9.0, 1.0, 300), Run(2.0, 8.0, 100), Run(5.0, 4.0, 200)]
    assert median_run(runs) == Run(5.0, 4.0, 200)
    assert median_run(runs[:2]) == Run(5.5, 4.5, 200)
