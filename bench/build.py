"""How fast and lean is a cunjing build, against bare MkDocs + Material?

    python3 -m bench.build [--villages 150,1500,14000] [--serve 1500] [--rounds 3] [--drop-caches]
                          [--out bench/RESULTS.md]

For each size: writes the synthetic county (bench/synthetic.py) as data files,
builds it with the real CLI (``python -m generator build --today``, which runs
MkDocs with the cunjing plugin and precompresses the output), then builds the
floor: bare MkDocs + Material, no plugins, with as many plain Markdown pages as
cunjing wrote HTML pages (a short top-level nav; the other pages outside it,
as cunjing's generated pages are). Each is built --rounds times, in turn,
into a fresh folder each time, and each figure is the median of its rounds.
Each build runs in a fresh child process,
started from a small launcher; its wall seconds, CPU seconds (user + system)
and peak RSS (``os.wait4``'s rusage of that child) are measured. On a shared
machine the CPU seconds are the steadier comparison; the wall seconds are the
claim. For the sizes in --serve, a real ``cunjing serve`` is started, one post
file is changed, and the time until the rebuild's "Documentation built" line
is measured.

Prints one table and writes it, with the machine's description, to --out.
A benchmark, not a test: the numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import yaml

from bench.synthetic import synthetic_grid, write_data, write_province

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-28"
NOTES = "## Notes"
FLOOR_NAV = 10  # the floor's top-level nav entries, like mkdocs.yml's


@dataclass
class Run:
    seconds: float  # wall
    cpu: float  # user + system seconds
    peak_rss: int  # bytes


@dataclass
class Row:
    villages: int
    pages: int
    cunjing: Run
    floor: Run
    bytes_per_village: float
    largest_page: str
    largest_bytes: int
    find_gzip: int
    serve_rebuild: float | None


# Runs a command and reports its wall seconds and rusage. A child's peak RSS
# (ru_maxrss) starts at its parent's RSS at fork time and survives exec, so the
# builds are started from this small launcher, not from the benchmark process
# (which holds the synthetic county).
LAUNCHER = """
import json, os, subprocess, sys, time
started = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
errors = proc.stderr.read()
_, status, usage = os.wait4(proc.pid, 0)
took = time.perf_counter() - started
with open(sys.argv[1], "w") as out:
    json.dump({"seconds": took, "cpu": usage.ru_utime + usage.ru_stime, "maxrss": usage.ru_maxrss,
               "code": os.waitstatus_to_exitcode(status), "errors": errors.decode("utf-8", "replace")[-3000:]}, out)
"""


# --drop-caches: see drop_caches.
DROP_CACHES = False


def drop_caches() -> None:
    """With --drop-caches, where allowed (root on Linux), empty the kernel's file
    caches before each build (the whole machine's: not for a shared workstation).
    On a disk mounted with ``discard`` (as on the machines here) creating files
    gets slower with every file deleted before: 15,000 small files took 0.4 s
    on a fresh cache and 5–7 s after four rounds of creating and deleting them.
    Dropping the caches gives every build, cunjing's and the floor's, the same
    start (the files it reads come from disk each time)."""
    if not DROP_CACHES:
        return
    try:
        with open("/proc/sys/vm/drop_caches", "w") as control:
            control.write("3\n")
    except OSError:
        pass


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run cmd in a fresh child process: its wall seconds, CPU seconds and peak RSS."""
    report = cwd / ".bench-run.json"
    # Every earlier build's files out to disk first: otherwise whichever build
    # comes next pays for the writing-out of the last one's.
    os.sync()
    drop_caches()
    subprocess.run([sys.executable, "-c", LAUNCHER, str(report), *cmd], cwd=cwd, env=env, check=True)
    result = json.loads(report.read_text(encoding="utf-8"))
    report.unlink()
    if result["code"] != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result['errors']}")
    return Run(seconds=result["seconds"], cpu=result["cpu"], peak_rss=result["maxrss"] * 1024)


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUNJING_")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def write_project(folder: Path, villages: int) -> None:
    """A county project: the repository's mkdocs.yml and docs/, synthetic data/."""
    write_data(synthetic_grid(villages), folder / "data")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs")


def write_floor(folder: Path, pages: int) -> None:
    """Bare MkDocs + Material: ``pages`` plain Markdown pages, no plugins."""
    docs = folder / "docs"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# 首页\n\n一个只有 Markdown 页面的网站。\n", encoding="utf-8")
    for n in range(1, pages):
        (docs / "p" / f"{n}.md").write_text(
            f"# 第 {n} 页\n\n这是第 {n} 页，一段普通的文字。\n\n- 电话：0873-0000000\n- 地址：合成县\n",
            encoding="utf-8",
        )
    nav = ["  - 首页: index.md"] + [f"  - 第 {n} 页: p/{n}.md" for n in range(1, min(pages, FLOOR_NAV))]
    (folder / "mkdocs.yml").write_text(
        "site_name: 合成县\nuse_directory_urls: true\n"
        "theme:\n  name: material\n  language: zh\n  font: false\n"
        "plugins: []\nnot_in_nav: |\n  /p/\nnav:\n" + "\n".join(nav) + "\n",
        encoding="utf-8",
    )


def site_facts(site: Path) -> tuple[int, int, str, int, int]:
    """HTML pages, output bytes (without the .gz copies), largest page and its size, first /find/ result."""
    pages = 0
    total = 0
    largest, largest_bytes = "", 0
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix == ".gz":
            continue
        size = path.stat().st_size
        total += size
        if path.suffix == ".html":
            pages += 1
            if size > largest_bytes:
                largest, largest_bytes = path.relative_to(site).as_posix(), size
    return pages, total, largest, largest_bytes, find_first_result(site)


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def find_first_result(site: Path) -> int:
    """Gzip bytes a resident downloads for the first /find/ result, worst query:
    the /find/ page, find.js and the largest index shard (the theme's own
    bundle, the same on every page, is not counted)."""
    total = gz(site / "find/index.html")
    script = site / "assets/cunjing/find.js"
    if script.is_file():
        total += gz(script)
    shards = [p for p in (site / "find").rglob("*") if p.is_file() and p.suffix != ".gz" and p.name != "index.html"]
    return total + max((gz(p) for p in shards), default=0)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_line(log: Path, text: str, start: int, seconds: float) -> int:
    """Position just after the first ``text`` in log after ``start``; waits up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = log.read_bytes().find(text.encode(), start)
        if found >= 0:
            return found + len(text)
        time.sleep(0.05)
    raise SystemExit(f"cunjing serve: no “{text}” within {seconds:.0f} s; its log:\n{log.read_text()[-3000:]}")


def serve_rebuild(project: Path, env: dict[str, str]) -> float:
    """Seconds from changing one post file until `cunjing serve` has rebuilt the site."""
    log = project / "serve.log"
    port = free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            # --verbose: MkDocs' own log lines ("Serving on", "Documentation built") time the rebuild.
            [sys.executable, "-m", "generator", "serve", "--data", "data", "--today", TODAY,
             "-a", f"127.0.0.1:{port}", "--verbose"],
            cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        ready = wait_for_line(log, "Serving on", 0, 3600)
        post = sorted((project / "data/posts").glob("*.yml"))[0]
        text = post.read_text(encoding="utf-8")
        changed = text.replace("警务室", "社区警务室", 1)
        # The first build's files out to disk first, as before every timed build.
        os.sync()
        started = time.perf_counter()
        post.write_text(changed, encoding="utf-8")
        wait_for_line(log, "Documentation built", ready, 3600)
        return time.perf_counter() - started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def median_run(runs: list[Run]) -> Run:
    """Each figure's median over the rounds (the middle one of three)."""
    def mid(values: list[float]) -> float:
        ordered = sorted(values)
        n = len(ordered)
        return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2

    return Run(
        seconds=mid([r.seconds for r in runs]), cpu=mid([r.cpu for r in runs]),
        peak_rss=int(mid([r.peak_rss for r in runs])),
    )


def measure(villages: int, serve: bool, keep: Path | None, rounds: int = 1) -> Row:
    """One size: ``rounds`` builds of each, cunjing and the floor in turn, each
    figure the median. On a shared machine whose disk is still writing out the
    last build's files, the build that comes next pays for them; taking turns
    and the median keeps that from deciding the ratio."""
    env = child_env()
    with tempfile.TemporaryDirectory(prefix="cunjing-bench-") as tmp:
        work = keep / str(villages) if keep else Path(tmp)
        project, floor = work / "county", work / "floor"
        if keep and work.exists():
            shutil.rmtree(work)
        project.mkdir(parents=True)
        write_project(project, villages)
        cunjing_runs: list[Run] = []
        floor_runs: list[Run] = []
        for n in range(rounds):
            site = "site" if n == 0 else f"site-{n + 1}"  # a fresh folder: nothing deleted between builds
            cunjing_runs.append(timed(
                [sys.executable, "-m", "generator", "build", "--data", "data", "--today", TODAY,
                 "-d", site, "-f", "mkdocs.yml"],
                project, env,
            ))
            if n == 0:
                pages, total, largest, largest_bytes, find_gzip = site_facts(project / "site")
                floor.mkdir()
                write_floor(floor, pages)
            floor_runs.append(
                timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", site], floor, env)
            )
        rebuild = serve_rebuild(project, env) if serve else None
        return Row(
            villages, pages, median_run(cunjing_runs), median_run(floor_runs), total / villages,
            largest, largest_bytes, find_gzip, rebuild,
        )


@dataclass
class ProvinceRow:
    counties: int
    villages: int
    pages: int
    one_job: Run
    two_jobs: Run
    floor: Run
    largest_page: str
    largest_bytes: int
    find_gzip: int


def measure_province(counties: int, keep: Path | None) -> ProvinceRow:
    """A synthetic province built in one command with --jobs 1 and --jobs 2, and the floor
    building as many plain pages in one process."""
    env = child_env()
    with tempfile.TemporaryDirectory(prefix="cunjing-bench-") as tmp:
        work = keep / f"province-{counties}" if keep else Path(tmp)
        project, floor = work / "province", work / "floor"
        if keep and work.exists():
            shutil.rmtree(work)
        project.mkdir(parents=True)
        write_province(project / "data", counties)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "docs", project / "docs")
        runs = {}
        for jobs in (1, 2):
            runs[jobs] = timed(
                [sys.executable, "-m", "generator", "build", "--data", "data", "--today", TODAY,
                 "-d", f"site-{jobs}", "-f", "mkdocs.yml", "--jobs", str(jobs)],
                project, env,
            )
        pages, _total, largest, largest_bytes, find_gzip = site_facts(project / "site-2")
        villages = sum(
            len(yaml.safe_load(p.read_text(encoding="utf-8"))["villages"])
            for p in (project / "data" / "counties").glob("*/posts/*.yml")
        )
        floor.mkdir()
        write_floor(floor, pages)
        bare = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", "site"], floor, env)
        return ProvinceRow(counties, villages, pages, runs[1], runs[2], bare, largest, largest_bytes, find_gzip)


def province_table(rows: list[ProvinceRow]) -> str:
    lines = [
        "| counties | villages | HTML pages | --jobs 1: wall / CPU s | --jobs 2: wall / CPU s | bare MkDocs: wall / CPU s "
        "| ratio, --jobs 2 / bare (wall) | peak RSS of the largest process MB, --jobs 2 / bare (ratio) "
        "| largest HTML page | first province /find/ result, gzip |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.counties:,} | {r.villages:,} | {r.pages:,} | {r.one_job.seconds:.1f} / {r.one_job.cpu:.1f} "
            f"| {r.two_jobs.seconds:.1f} / {r.two_jobs.cpu:.1f} | {r.floor.seconds:.1f} / {r.floor.cpu:.1f} "
            f"| {r.two_jobs.seconds / r.floor.seconds:.2f}× "
            f"| {mb(r.two_jobs.peak_rss)} / {mb(r.floor.peak_rss)} ({r.two_jobs.peak_rss / r.floor.peak_rss:.2f}×) "
            f"| {r.largest_page} {r.largest_bytes / 1024:,.0f} KB | {r.find_gzip:,} B |"
        )
    return "\n".join(lines)


PROVINCE = "## Province"


def write_province_section(out: Path, command: str, described: str, result: str) -> None:
    """Put the province table under its own heading of ``out``, before the notes; the rest stays."""
    old = out.read_text(encoding="utf-8") if out.is_file() else "# Build benchmark\n"
    notes = old[old.index(NOTES):] if NOTES in old else ""
    head = old[: old.index(NOTES)] if notes else old
    if PROVINCE in head:
        head = head[: head.index(PROVINCE)]
    section = (
        f"{PROVINCE}\n\n`{command}` (build date {TODAY}), one run.\n\nMachine: {described}; "
        f"load average at the end {os.getloadavg()[0]:.2f}.\n\n{result}\n"
    )
    out.write_text(head.rstrip("\n") + "\n\n" + section + (f"\n{notes}" if notes else ""), encoding="utf-8")


def mb(n: int) -> str:
    return f"{n / 1e6:,.0f}"


def table(rows: list[Row]) -> str:
    lines = [
        "| villages | HTML pages | cunjing build | bare MkDocs | ratio | CPU s, cunjing / bare (ratio) "
        "| peak RSS MB, cunjing / bare (ratio) | output bytes / village | largest HTML page "
        "| first /find/ result, gzip | serve rebuild (vs bare build) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        rebuild = "—" if r.serve_rebuild is None else (
            f"{r.serve_rebuild:.1f} s ({r.serve_rebuild / r.floor.seconds:.2f}×)"
        )
        lines.append(
            f"| {r.villages:,} | {r.pages:,} | {r.cunjing.seconds:.1f} s | {r.floor.seconds:.1f} s "
            f"| {r.cunjing.seconds / r.floor.seconds:.2f}× "
            f"| {r.cunjing.cpu:.1f} / {r.floor.cpu:.1f} ({r.cunjing.cpu / r.floor.cpu:.2f}×) "
            f"| {mb(r.cunjing.peak_rss)} / {mb(r.floor.peak_rss)} ({r.cunjing.peak_rss / r.floor.peak_rss:.2f}×) "
            f"| {r.bytes_per_village:,.0f} | {r.largest_page} {r.largest_bytes / 1024:,.0f} KB "
            f"| {r.find_gzip:,} B | {rebuild} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kb = int(meminfo.read_text().split("MemTotal:", 1)[1].split()[0])
        ram = f", {kb / 1024 / 1024:.0f} GiB RAM"
    try:
        load = ", load average at start {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        load = ""
    return (
        f"{cpu}, {os.cpu_count()} cores{ram}{load}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, MkDocs {version('mkdocs')}, "
        f"Material {version('mkdocs-material')}, zxing-cpp {version('zxing-cpp')}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--villages", default="150,1500,14000", help="sizes, comma-separated")
    parser.add_argument("--serve", default="1500", help="sizes at which to time the serve rebuild ('' for none)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/RESULTS.md", help="where to write the table")
    parser.add_argument("--keep", type=Path, default=None, help="keep the projects and sites in this folder")
    parser.add_argument(
        "--rounds", type=int, default=3,
        help="builds of each (cunjing, the floor) per size, in turn; each figure is the median",
    )
    parser.add_argument(
        "--province", default="", help="numbers of counties of synthetic provinces to build instead (e.g. 13,130)"
    )
    parser.add_argument(
        "--drop-caches", action="store_true",
        help="empty the kernel's file caches before each build (root only; see drop_caches)",
    )
    args = parser.parse_args(argv)
    global DROP_CACHES
    DROP_CACHES = args.drop_caches
    dropping = " --drop-caches" if args.drop_caches else ""
    if args.province:
        described = machine()
        sizes = [int(s) for s in args.province.split(",") if s.strip()]
        rows_p = []
        for counties in sizes:
            rows_p.append(measure_province(counties, args.keep))
            print(f"{counties:,} counties done", file=sys.stderr, flush=True)
        result = province_table(rows_p)
        print(result)
        write_province_section(args.out, f"python3 -m bench.build --province {args.province}{dropping}", described, result)
        return 0
    sizes = [int(s) for s in args.villages.split(",") if s.strip()]
    serve_at = {int(s) for s in args.serve.split(",") if s.strip()}
    described = machine()
    rows = []
    for villages in sizes:
        rows.append(measure(villages, villages in serve_at, args.keep, args.rounds))
        print(f"{villages:,} villages done", file=sys.stderr, flush=True)
    result = table(rows)
    print(result)
    # Hand-written notes below a "## Notes" heading survive a rerun.
    old = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
    notes = old[old.index(NOTES):] if NOTES in old else ""
    # The province rows (--province) survive too.
    kept = old[old.index(PROVINCE):].split(NOTES)[0].rstrip("\n") + "\n" if PROVINCE in old else ""
    args.out.write_text(
        "# Build benchmark\n\n"
        f"`python3 -m bench.build --villages {args.villages} --serve {args.serve} --rounds {args.rounds}{dropping}` "
        f"(build date {TODAY}), one run: {args.rounds} builds of each, in turn, each figure the median."
        f"\n\nMachine: {described}; "
        f"load average at the end {os.getloadavg()[0]:.2f}.\n\n{result}\n"
        + (f"\n{kept}" if kept else "") + (f"\n{notes}" if notes else ""),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
