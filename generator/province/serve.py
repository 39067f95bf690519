"""Previewing a province: the whole province built once into a private
folder and served on this computer; a saved file in one county rebuilds
that county and the province's own pages only (another file of the
province's: everything). Without live reload: the editor refreshes."""

from __future__ import annotations

import http.server
import shutil
import sys
import tempfile
import threading
import time
from datetime import date
from functools import partial
from pathlib import Path

from ..core.output import atomic_site
from ..core.problems import DataError, format_report
from .load import COUNTIES, load_province
from .run import CountiesFailed, build_county_into, build_province, build_root_into

EVERYTHING = "*"
QUIET = 0.4  # seconds without another change before rebuilding (editors save several files)


class _Changes:
    def __init__(self, province_dir: Path) -> None:
        self.root = province_dir.absolute()
        self.lock = threading.Lock()
        self.pending: set[str] = set()
        self.last = 0.0

    def saw(self, path: str) -> None:
        try:
            parts = Path(path).absolute().relative_to(self.root).parts
        except ValueError:
            return
        if any(p.startswith(".") for p in parts):
            return
        county = parts[1] if len(parts) > 2 and parts[0] == COUNTIES else EVERYTHING
        with self.lock:
            self.pending.add(county)
            self.last = time.monotonic()

    def take(self) -> set[str]:
        with self.lock:
            if not self.pending or time.monotonic() - self.last < QUIET:
                return set()
            taken, self.pending = self.pending, set()
            return taken


def _build_all(province_dir: Path, config: Path, site: Path, today: date, jobs: int) -> bool:
    try:
        province = load_province(province_dir)
        build_province(province, config, site, today, jobs)
    except DataError as exc:
        print(format_report(exc.problems), file=sys.stderr)
        return False
    except CountiesFailed as exc:
        for run in exc.runs:
            if not run.ok:
                print(f"【{run.id}】\n{run.report}", file=sys.stderr)
        return False
    return True


def _rebuild(province_dir: Path, config: Path, site: Path, today: date, counties: set[str]) -> bool:
    start = time.perf_counter()
    for county_id in sorted(counties):
        if not (province_dir / COUNTIES / county_id).is_dir():
            shutil.rmtree(site / county_id, ignore_errors=True)
            continue
        with atomic_site(site / county_id) as tmp:
            run = build_county_into(province_dir, county_id, config, tmp, today)
            if not run.ok:
                print(f"【{county_id}】\n{run.report}", file=sys.stderr)
                print(f"{county_id} 的数据有错误，预览里还是改之前的样子。改好并保存后会自动重新生成。", file=sys.stderr)
                raise _Kept
    build_root_into(province_dir, config, site, today)
    print(f"已重新生成 {'、'.join(sorted(counties))} 和省（州）的页面（{time.perf_counter() - start:.1f} 秒），刷新浏览器就能看到。", flush=True)
    return True


class _Kept(Exception):
    """A county's rebuild was refused; the preview keeps its last good pages."""


def serve_province(province_dir: Path, config: Path, addr: str, today: date, jobs: int) -> int:
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    province_dir, config = province_dir.absolute(), config.absolute()
    work = Path(tempfile.mkdtemp(prefix="cunjing-preview-"))
    site = work / "site"
    built = _build_all(province_dir, config, site, today, jobs)
    host, _, port = addr.rpartition(":")
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port)), partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    changes = _Changes(province_dir)

    class Watch(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type not in ("opened", "closed_no_write"):
                changes.saw(str(event.src_path))

    observer = Observer()
    observer.schedule(Watch(), str(province_dir), recursive=True)
    observer.start()
    print(f"正在预览整个省（州）：http://{addr}/ （修改 {province_dir} 里的数据后会自动重新生成，刷新浏览器；按 Ctrl+C 停止）", flush=True)
    try:
        while True:
            time.sleep(0.2)
            counties = changes.take()
            if not counties:
                continue
            try:
                if EVERYTHING in counties or not built:
                    built = _build_all(province_dir, config, site, today, jobs)
                    if built:
                        print("已重新生成整个省（州），刷新浏览器就能看到。", flush=True)
                else:
                    _rebuild(province_dir, config, site, today, counties)
            except _Kept:
                pass
            sys.stdout.flush()
    finally:
        observer.stop()
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
