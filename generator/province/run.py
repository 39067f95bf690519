"""Checking and building a province: each county alone (in worker processes,
each building many counties), then the province's own pages from what the
counties wrote. The same per-county and root steps run one at a time
(``--county``, ``--province-pages``) give the same bytes.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import mkdocs_run
from ..core.output import atomic_site
from ..core.problems import DataError, format_report
from .load import Province


@dataclass(frozen=True)
class CountyRun:
    id: str
    ok: bool
    pages: int
    seconds: float
    report: str  # problems (errors and warnings), "" when none
    name: str = ""  # the county's name (site.yml county), once loaded
    warnings: int = 0


def _pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("index.html"))


def build_county_into(province: Path, county_id: str, config: Path, out: Path, today: date) -> CountyRun:
    """One county's whole site into ``out`` (emptied), with its .gz copies."""
    start = time.perf_counter()
    try:
        with mkdocs_run.environment(province, today, county=county_id):
            site = mkdocs_run.run_build(config, out)
    except mkdocs_run.BuildFailed as exc:
        return CountyRun(county_id, False, 0, time.perf_counter() - start, str(exc))
    assert site is not None
    report = format_report(site.warnings) if site.warnings else ""
    return CountyRun(
        county_id, True, _pages(out), time.perf_counter() - start, report, site.settings.county, len(site.warnings)
    )


def build_root_into(province: Path, config: Path, site_dir: Path, today: date) -> None:
    """The province's own pages into ``site_dir``, beside the counties built there.

    Built in a folder of their own (MkDocs empties the folder it builds into),
    then moved in; BuildFailed leaves site_dir as it was.
    """
    tmp = Path(tempfile.mkdtemp(prefix=".province-", dir=site_dir.parent))
    try:
        with mkdocs_run.environment(province, today, built=site_dir):
            mkdocs_run.run_build(config, tmp)
        for entry in sorted(tmp.iterdir()):
            target = site_dir / entry.name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            entry.rename(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _line(run: CountyRun) -> str:
    where = f"{run.id}（{run.name}）" if run.name else run.id
    if not run.ok:
        return f"✗ {where}：数据有错误，没有生成（{run.seconds:.1f} 秒）"
    warned = f"，{run.warnings} 个警告" if run.warnings else ""
    return f"✓ {where}：{run.pages} 个页面，{run.seconds:.1f} 秒{warned}"


def build_province(
    province: Province, config: Path, site_dir: Path, today: date, jobs: int,
    say: Callable[[str], None] = print,
) -> list[CountyRun]:
    """Every county, then the root pages, into site_dir in one swap.

    Returns each county's run; when one failed, site_dir is left as it was.
    """
    from tqdm import tqdm

    runs: list[CountyRun] = []
    data_dir, config = province.data_dir.absolute(), config.absolute()
    with atomic_site(site_dir) as tmp:
        bar = tqdm(
            total=len(province.counties), unit="县", file=sys.stderr, disable=not sys.stderr.isatty(),
            dynamic_ncols=True, leave=False,
        )
        with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = [
                pool.submit(build_county_into, data_dir, c.id, config, tmp / c.id, today)
                for c in province.counties
            ]
            for future in as_completed(futures):
                run = future.result()
                runs.append(run)
                bar.write(_line(run), file=sys.stdout)
                bar.update(1)
        bar.close()
        runs.sort(key=lambda r: r.id)
        if not all(r.ok for r in runs):
            raise CountiesFailed(runs)
        build_root_into(data_dir, config, tmp, today)
    return runs


class CountiesFailed(Exception):
    def __init__(self, runs: list[CountyRun]) -> None:
        self.runs = runs
        super().__init__("some counties failed")


def check_province(province: Province, today: date) -> tuple[int, list[str]]:
    """Every county's data checked; (counties with errors, report lines by county)."""
    from ..site import load_site

    failed = 0
    lines: list[str] = []
    for county in province.counties:
        try:
            site = load_site(county.data_dir, today, province.parent(county))
        except DataError as exc:
            failed += 1
            lines.append(f"【{county.id}】数据有错误：\n{format_report(exc.problems)}")
            continue
        if site.warnings:
            lines.append(f"【{county.id}】{site.settings.county}：数据可以使用，有警告：\n{format_report(site.warnings)}")
        else:
            lines.append(f"【{county.id}】{site.settings.county}：数据检查通过。")
    return failed, lines


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
