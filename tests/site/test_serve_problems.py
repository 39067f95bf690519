"""`cunjing serve` with bad data answers the browser with the problems, and
reloads into the site by itself once the data is fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import ROOT, edit
from helpers import stop


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_shows_the_problems_and_reloads_when_fixed(browser: Any, data: Path) -> None:
    post = edit(data, "posts/baishui-baishui.yml", "township: 白水镇\n", "township：白水镇\n")
    port = _port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUNJING_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--data", str(data), "-a", f"127.0.0.1:{port}",
         "--today", "2026-11-28"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    try:
        page = context.new_page()
        url = f"http://127.0.0.1:{port}/"
        for _ in range(180):  # the first build takes a while on a busy machine
            try:
                page.goto(url)
                break
            except Exception:
                page.wait_for_timeout(500)
        problems = page.locator("li.cj-problem")
        problems.first.wait_for(timeout=60_000)
        assert page.locator("h1").first.inner_text() == "数据有错误，网站暂时不能预览"
        assert problems.count() == 1
        text = problems.first.inner_text()
        assert "posts/baishui-baishui.yml:5" in text and "全角冒号" in text
        # Any other address shows the same list, not a blank "not found".
        other = context.new_page()
        other.goto(url + "v/baishui/")
        assert "全角冒号" in other.locator("li.cj-problem").first.inner_text()
        other.close()
        # Fix the file: the open page reloads into the real home page by itself.
        post.write_text(post.read_text(encoding="utf-8").replace("township：", "township: "), encoding="utf-8")
        page.wait_for_function(
            "() => !document.querySelector('li.cj-problem') && document.body.innerText.includes('泸西县一村一警')",
            timeout=120_000,
        )
    finally:
        context.close()
        stop(proc)
