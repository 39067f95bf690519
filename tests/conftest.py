"""Shared fixtures: the sample data, broken copies of it, a built sample site,
and a real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import contextlib
import fcntl
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from warm import warm as warm_interpreter

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data"
CONFIG = ROOT / "mkdocs.yml"
TODAY = "2026-11-28"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def command_env() -> dict[str, str]:
    """The environment a command gets: this one without cunjing's own variables."""
    return {k: v for k, v in os.environ.items() if not k.startswith("CUNJING_")}


def _python(argv: list[str], env: dict[str, str], *, cwd: Path, code: str | None = None, fresh: bool = False) -> Run:
    """``python -m generator ARGV`` (with ``code``: ``python -c CODE ARGV``) in a process
    of its own: forked from this test process's warm interpreter (tests/warm.py) where
    that is the same as a fresh one, else (or with ``fresh``) a new python."""
    if not fresh:
        warm = warm_interpreter(ROOT, env)
        if warm.usable(env, cwd):
            return Run(*warm.run(argv, env, cwd, timeout=300, code=code))
    start = ["-c", code] if code is not None else ["-m", "generator"]
    proc = subprocess.run(
        [sys.executable, *start, *argv], cwd=cwd, capture_output=True, text=True, env=env, timeout=300,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def cunjing(*args: str | Path, cwd: Path = ROOT, fresh: bool = False) -> Run:
    """Run the real `cunjing` command in a process of its own, as an editor would
    (``fresh``: in a new python, not forked from the warm one)."""
    env = command_env()
    env.pop("SOURCE_DATE_EPOCH", None)
    return _python([str(a) for a in args], env, cwd=cwd, fresh=fresh)


def python_code(code: str, *args: str | Path) -> Run:
    """``python -c code args`` in the project folder, in a process of its own, as
    cunjing() runs a command."""
    return _python([str(a) for a in args], command_env(), cwd=ROOT, code=code)


def cunjing_here(*args: str | Path) -> Run:
    """The `cunjing` command's own main() in this process, its output captured, in
    the environment a subprocess of cunjing() gets: a command that does not start
    MkDocs (check), without the second of importing the generator each time."""
    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = {k: v for k, v in os.environ.items() if k.startswith("CUNJING_") or k == "SOURCE_DATE_EPOCH"}
    for key in saved:
        del os.environ[key]
    cwd = Path.cwd()
    try:
        os.chdir(ROOT)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as exc:  # argparse refusing the arguments
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(cwd)
        os.environ.update(saved)
    return Run(code, out.getvalue(), err.getvalue())


def check(data: Path, code: int = 1) -> str:
    """Run `cunjing check`; assert its exit code and that it shows no traceback."""
    run = cunjing_here("check", "--data", data)
    assert run.code == code, run.text
    assert "Traceback" not in run.text
    return run.err


def has(err: str, *, file: str, line: int | None, field: str | None, words: str, level: str = "错误") -> None:
    """``err`` has a Chinese problem naming data/<file>:<line>, the field and the words."""
    where = f"data/{file}:{line}:" if line else f"data/{file}:"
    rows = [
        row for row in err.splitlines()
        if where in row and f" {level}：" in row
        and (field is None or f"字段 {field}" in row) and words in row
    ]
    assert rows, f"no {level} with {where} / {field} / {words} in:\n{err}"
    assert re.search(r"[\u4e00-\u9fff]", rows[0])


def check_fails(data: Path, *, file: str, line: int | None, field: str | None, words: str) -> str:
    """`cunjing check` exits 1 naming file:line, the field and the problem, in Chinese."""
    err = check(data)
    has(err, file=file, line=line, field=field, words=words)
    return err


def edit(data: Path, rel: str, old: str, new: str) -> Path:
    """Replace the first ``old`` in data/<rel> by ``new`` (which must be there)."""
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """Number of the first line of ``path`` containing ``needle``."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A fresh copy of the sample data to break."""
    target = tmp_path / "data"
    shutil.copytree(SAMPLE, target)
    return target


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """What ``make(target)`` writes, made once per test run and shared by every xdist
    worker: the first worker to ask makes it under a lock, the others wait and reuse it.
    Whoever uses it only reads it."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # .../pytest-N/popen-gwK: the run's folder, common to its workers
    shared = base / "shared"
    shared.mkdir(exist_ok=True)
    target, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(target, ignore_errors=True)
            make(target)
            done.touch()
    return target


def _build_into(*args: str | Path) -> Callable[[Path], None]:
    def make(target: Path) -> None:
        # A fresh interpreter each: the reproducible builds compared byte for byte
        # must not share a hash seed.
        run = cunjing(*args, "-d", target, "--today", TODAY, fresh=True)
        assert run.code == 0, run.text
    return make


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once per test run by `cunjing build`."""
    return built_once(tmp_path_factory, "sample", _build_into("build", "--data", SAMPLE))


@pytest.fixture(scope="session")
def site_again(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second `cunjing build` of the sample, the same data and date, in another folder
    and another process: what a reproducible build must give byte for byte."""
    return built_once(tmp_path_factory, "again", _build_into("build"))


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# -- real browser ------------------------------------------------------------

def _browser_missing() -> str | None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "需要 Python 包 playwright（pip install playwright）"
    if not Path(CHROMIUM).exists():
        return f"需要 Debian 的 Chromium（apt-get install chromium，{CHROMIUM}）"
    return None


def require(reason: str | None) -> None:
    """Skip with a clear reason, or fail when CI demands the tool."""
    if reason is None:
        return
    if os.environ.get("CUNJING_REQUIRE_BROWSER"):
        pytest.fail(f"CI 要求的工具不可用：{reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    require(_browser_missing())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(browser: Any, url: str, *, javascript: bool) -> tuple[Any, Any, list[str]]:
    """Open url on a phone-sized page; returns (context, page, every URL it requested)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, java_script_enabled=javascript, is_mobile=True,
        accept_downloads=True,
    )
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    settled = watch_requests(page)
    page.goto(url)
    settled()
    return context, page, requests


QUIET = 0.15  # seconds without network activity that count as the page having settled
TICK = 0.05


def watch_requests(page: Any) -> Callable[[], None]:
    """Follow ``page``'s requests; the function returned waits, after a navigation, until
    for QUIET seconds no request has been in flight, started or ended (what a script
    fetches after the load event included). Playwright's "networkidle" is the same
    wait with a fixed 500 ms."""
    inflight: set[Any] = set()
    events = [0]

    def seen(request: Any, *, done: bool) -> None:
        events[0] += 1
        if done:
            inflight.discard(request)
        else:
            inflight.add(request)

    page.on("request", lambda r: seen(r, done=False))
    page.on("requestfinished", lambda r: seen(r, done=True))
    page.on("requestfailed", lambda r: seen(r, done=True))

    def settled() -> None:
        quiet, waited, before = 0.0, 0.0, events[0]
        while quiet < QUIET:
            assert waited < 30, [r.url for r in inflight]  # as Playwright's own wait times out
            page.wait_for_timeout(TICK * 1000)  # lets Playwright deliver the request events
            waited += TICK
            quiet = 0.0 if inflight or events[0] != before else quiet + TICK
            before = events[0]
    return settled


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A built site on a loopback HTTP server; yields its base URL."""
    class KeepAlive(http.server.SimpleHTTPRequestHandler):
        # HTTP/1.1: the browser keeps its connections (as with nginx) instead of a
        # new connection, and a new server thread, for every file of every page.
        protocol_version = "HTTP/1.1"

    handler = partial(KeepAlive, directory=str(directory))

    class Quiet(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass

    server = Quiet(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def served(site: Path) -> Iterator[str]:
    """The built sample site on a loopback HTTP server; yields its base URL."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample exported by `cunjing excel export` (roster and 平安建设 sheets)."""
    def make(target: Path) -> None:
        target.mkdir()
        run = cunjing("excel", "export", "--data", SAMPLE, "-o", target / "名册.xlsx", "--today", TODAY)
        assert run.code == 0, run.text
    return built_once(tmp_path_factory, "roster", make) / "名册.xlsx"
