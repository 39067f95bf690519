"""deploy/province-github-actions.yml runs: its own `cunjing` commands, run
as the job runner would (a job per county in its own process, the artifacts
gathered into site/, then the province's pages), give the same bytes as the
one-command build."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from provinces import COUNTIES, make_province

from conftest import ROOT, cunjing

WORKFLOW = ROOT / "deploy" / "province-github-actions.yml"
TODAY = "2026-12-01"


def _commands(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step and step["run"].startswith("cunjing ")]


def _run(command: str, values: dict[str, str], cwd: Path) -> None:
    line = re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: values[m.group(1)], command)
    assert "${{" not in line
    args = line.split()[1:]
    args = [str(cwd / a) if a.startswith(("province", "site")) else a for a in args]
    run = cunjing(*args)
    assert run.code == 0, (line, run.text)


def test_the_job_runner_example_builds_the_same_site(tmp_path: Path) -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs = flow["jobs"]
    assert jobs["county"]["needs"] == "plan"
    assert jobs["county"]["strategy"]["matrix"]["county"] == "${{ fromJSON(needs.plan.outputs.counties) }}"
    assert jobs["county"]["strategy"]["fail-fast"] is False
    assert "county" in jobs["province"]["needs"]
    make_province(tmp_path / "province", COUNTIES)
    # plan: the matrix is what `cunjing counties` prints.
    plan = [s["run"] for s in jobs["plan"]["steps"] if "cunjing counties" in s.get("run", "")]
    assert plan == ['echo "counties=$(cunjing counties --data province)" >> "$GITHUB_OUTPUT"']
    counties = json.loads(cunjing("counties", "--data", tmp_path / "province").out)
    assert counties == sorted(COUNTIES)
    # county: one runner each, in its own folder; its artifact is site/<county>.
    gathered = tmp_path / "site"
    for county in counties:
        runner = tmp_path / "runners" / county
        runner.mkdir(parents=True)
        shutil.copytree(tmp_path / "province", runner / "province")
        values = {"matrix.county": county, "needs.plan.outputs.today": TODAY}
        for command in _commands(jobs["county"]):
            _run(command, values, runner)
        upload = next(s for s in jobs["county"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
        assert upload["with"] == {"name": "${{ matrix.county }}", "path": "site/${{ matrix.county }}"}
        # download-artifact without a name: every artifact into path/<artifact name>/.
        shutil.copytree(runner / "site" / county, gathered / county)
    download = next(s for s in jobs["province"]["steps"] if s.get("uses", "").startswith("actions/download-artifact"))
    assert download["with"] == {"path": "site"}
    for command in _commands(jobs["province"]):
        _run(command, {"needs.plan.outputs.today": TODAY}, tmp_path)
    # The one-command build of the same province.
    whole = tmp_path / "whole"
    run = cunjing("build", "--data", tmp_path / "province", "-d", whole, "--today", TODAY)
    assert run.code == 0, run.text
    files = sorted(p.relative_to(whole).as_posix() for p in whole.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(gathered).as_posix() for p in gathered.rglob("*") if p.is_file())
    for name in files:
        assert (whole / name).read_bytes() == (gathered / name).read_bytes(), name
    assert (gathered / "index.html").is_file() and all((gathered / c / "index.html").is_file() for c in counties)
