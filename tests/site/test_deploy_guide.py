"""deploy/README.md works as written: its nginx check runs on a copy of the
shipped server block, its install line brings every program it uses, and
the number of places it says to change is the number in nginx.conf."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, require

GUIDE = ROOT / "deploy" / "README.md"
CONF = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_the_guides_nginx_check_passes_on_a_copy_of_the_server_block(tmp_path: Path) -> None:
    require(None if Path(NGINX).exists() else "需要 Debian 的 nginx（apt-get install nginx）")
    block = guide().split("<!-- nginx-check -->", 1)[1].split("<!-- /nginx-check -->", 1)[0]
    script = re.search(r"```sh\n(.*?)```", block, re.S)
    assert script is not None
    copy = tmp_path / "sites-available-cunjing"
    shutil.copy(CONF, copy)
    commands = script.group(1).replace("/etc/nginx/sites-available/cunjing", str(copy))
    commands = commands.replace("/tmp/cunjing-nginx-check", str(tmp_path / "check"))
    commands = re.sub(r"(?m)^\s*nginx ", f"{NGINX} -e {tmp_path}/error.log -g 'pid {tmp_path}/nginx.pid;' ", commands)
    run = subprocess.run(["bash", "-euo", "pipefail", "-c", commands], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "syntax is ok" in run.stderr and "test is successful" in run.stderr
    # The same check fails on a broken copy, so it really checks.
    copy.write_text(CONF.read_text(encoding="utf-8").replace("server {", "server {\n    no_such_directive on;", 1))
    broken = subprocess.run(["bash", "-euo", "pipefail", "-c", commands], capture_output=True, text=True, timeout=60)
    assert broken.returncode != 0 and "no_such_directive" in broken.stderr


def test_the_install_line_brings_every_program_the_guide_runs() -> None:
    text = guide()
    [install] = re.findall(r"(?m)^apt-get install (.+)$", text)
    packages = set(install.split())
    used = set()
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            for command in re.split(r"&&|\|", line.split("#", 1)[0]):
                words = command.split()
                if words:
                    used.add(words[0])
    assert {"rsync", "zip", "nginx"} <= used, used
    for program in ("rsync", "zip", "nginx"):
        assert program in packages, program
    assert "python3-venv" in packages


def test_the_guide_counts_the_places_to_change_as_the_file_has_them() -> None:
    said = re.search(r"`/luxi/`（site_url 里的路径，共 (\d+) 处）", guide())
    assert said is not None
    lines = [line for line in CONF.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    assert int(said.group(1)) == sum(line.count("/luxi/") for line in lines)


def test_the_guide_builds_from_the_countys_own_project_folder() -> None:
    """cunjing build runs where mkdocs.yml, docs/ and data/ of the county are, not in app/."""
    text = guide()
    builds = re.findall(r"(?m)^.*cunjing build.*$", text)
    assert builds
    for line in builds:
        assert "--data /srv/cunjing/data" not in line and "cd /srv/cunjing/app" not in line, line
    assert "WorkingDirectory=/srv/cunjing/luxi" in text
