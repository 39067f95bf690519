"""Shared fixtures: the sample data, broken copies of it, a built sample site,
and a real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

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


def cunjing(*args: str | Path, cwd: Path = ROOT) -> Run:
    """Run the real `cunjing` command (a subprocess, as an editor would)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUNJING_")}
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, env=env, timeout=300,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A fresh copy of the sample data to break."""
    target = tmp_path / "data"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once by `cunjing build`."""
    out = tmp_path_factory.mktemp("sample") / "site"
    run = cunjing("build", "--data", SAMPLE, "-d", out, "--today", TODAY)
    assert run.code == 0, run.text
    return out


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


@pytest.fixture(scope="session")
def served(site: Path) -> Iterator[str]:
    """The built sample site on a loopback HTTP server; yields its base URL."""
    import http.server
    import threading
    from functools import partial

    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))

    class Quiet(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass

    server = Quiet(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
