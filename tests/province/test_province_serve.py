"""`cunjing serve --data PROVINCE` previews the whole province; a saved file
in one county rebuilds that county and the province's pages, no other county."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from provinces import COUNTIES, make_province

from conftest import ROOT
from helpers import fetch, free_port, stop, wait_for, wait_for_text


def test_a_change_in_one_county_rebuilds_that_county_and_the_root_only(tmp_path: Path) -> None:
    data = make_province(tmp_path / "p", COUNTIES)
    post = data / "counties" / "beta" / "posts" / "p1.yml"
    record = yaml.safe_load(post.read_text(encoding="utf-8"))
    village = record["villages"][0]
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUNJING_")}
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--data", str(data), "-a", f"127.0.0.1:{port}"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        assert wait_for(base + f"beta/v/{village['id']}/", f"<h1>{village['name']}</h1>"), log.read_text(encoding="utf-8")
        assert wait_for(base, "乙县")
        alpha_before = fetch(base + f"alpha/v/{village['id']}/")
        assert alpha_before
        post.write_text(
            post.read_text(encoding="utf-8").replace(f"name: {village['name']}\n", "name: 新名字村\n", 1),
            encoding="utf-8",
        )
        assert wait_for(base + f"beta/v/{village['id']}/", "<h1>新名字村</h1>"), log.read_text(encoding="utf-8")
        text = wait_for_text(log, "已重新生成")
        assert "已重新生成 beta 和省（州）的页面" in text, text
        assert "alpha" not in text.split("已重新生成 beta")[-1]
        # The county's export (what the root's 找民警 reads) was rebuilt with it.
        assert wait_for(base + "beta/county.json", "新名字村")
        assert fetch(base + f"alpha/v/{village['id']}/") == alpha_before
    finally:
        stop(proc)
