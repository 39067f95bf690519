"""`cunjing serve` previews the site and rebuilds when data changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from helpers import free_port, stop, wait_for


def test_serve_reloads_when_data_changes(data: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUNJING_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--data", str(data), "-a", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/v/changan/"
        assert wait_for(url, "<h1>长安社区</h1>")
        post = data / "posts/zhongshu-changan.yml"
        post.write_text(
            post.read_text(encoding="utf-8").replace("    name: 长安社区\n", "    name: 长安新区\n"),
            encoding="utf-8",
        )
        assert wait_for(url, "<h1>长安新区</h1>")
    finally:
        stop(proc)
