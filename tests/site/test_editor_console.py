"""What an editor reads in the terminal: the summary names every kind taken
in, a busy preview address is explained in Chinese, and MkDocs' own English
lines stay hidden unless --verbose."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, cunjing


def test_the_summary_counts_what_was_taken_in(data: Path) -> None:
    run = cunjing("check", "--data", data)
    assert run.code == 0, run.text
    for words in ("42 个警务室", "123 个村（社区）", "62 名民警", "份工作报告", "条安全提示", "个法制宣传讲座和文章", "项活动", "项立项整改"):
        assert words in run.out, words
    notices = len(list((data / "notices").glob("*.md")))
    assert f"{notices} 条安全提示" in run.out
    shutil.copy(data / "notices/2026-11-anti-fraud.md", data / "notices/2026-12-anti-fraud-2.md")
    run = cunjing("check", "--data", data)
    assert f"{notices + 1} 条安全提示" in run.out, "a new notice shows in the count"


def test_serve_on_a_busy_address_says_so_in_chinese(data: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        run = cunjing("serve", "--data", data, "-a", f"127.0.0.1:{port}")
    assert run.code == 1
    assert "已经被占用" in run.err and f"cunjing serve -a 127.0.0.1:{port + 1}" in run.err
    assert "OSError" not in run.text and "Traceback" not in run.text and "程序内部出错" not in run.text


def _serve_output(data: Path, *extra: str) -> str:
    """What `cunjing serve` prints in its first seconds, on data with an error."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUNJING_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--data", str(data), "-a", f"127.0.0.1:{port}", *extra],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        time.sleep(2)
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    return out


def test_serve_shows_the_problems_not_mkdocs_english(data: Path) -> None:
    post = data / "posts/zhongshu-changan.yml"
    post.write_text(post.read_text(encoding="utf-8").replace("name: 长安社区警务室", "name:"), encoding="utf-8")
    quiet = _serve_output(data)
    assert "zhongshu-changan.yml" in quiet and "错误" in quiet
    assert "WARNING" not in quiet and "INFO" not in quiet and "Serving on" not in quiet
    verbose = _serve_output(data, "--verbose")
    assert "INFO" in verbose
