"""Accessibility of every page kind, checked by independent tools.

- axe-core (axe-playwright-python) in Chromium at 360×740, WCAG 2.0/2.1/2.2
  A and AA rules plus best practices: zero violations of any impact. Pages made
  for printing are checked on screen and with print media emulated.
- The Nu HTML Checker (npm package vnu-jar, run once in one JVM over every
  page kind's file): zero errors.

The pages are one of each kind, listed once in bench/pagekinds.py (the table
the benchmarks use too). Run alone: ``python3 -m pytest tests/site/test_accessibility.py``
or ``python3 -m pytest -m accessibility``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from bench.pagekinds import PAGE_KINDS, PageKind

from conftest import ROOT, open_page, require, serve

pytestmark = pytest.mark.accessibility

# WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# Where .ci/run installs the checker (npm's vnu-jar); VNU_JAR overrides.
VNU_JAR = ROOT / ".ci" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SHOWN_NODES = 6


def _axe_cases() -> list[Any]:
    cases = []
    for kind in PAGE_KINDS:
        if not kind.browser:
            continue
        cases.append(pytest.param(kind, "screen", id=kind.id))
        if kind.printable:
            cases.append(pytest.param(kind, "print", id=f"{kind.id}-print-media"))
    return cases


def _describe_axe(kind: PageKind, media: str, url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe: {len(violations)} 条规则未通过 — {kind.name}（{kind.id}, {media}）{url}"]
    for v in violations:
        nodes = v.get("nodes", [])
        lines.append(f"- {v['id']} [{v.get('impact')}] {v.get('help')} ({len(nodes)} 处) {v.get('helpUrl', '')}")
        for node in nodes[:SHOWN_NODES]:
            target = " ".join(str(t) for t in node.get("target", []))
            snippet = " ".join(str(node.get("html", "")).split())[:160]
            lines.append(f"    {target}\n      {snippet}")
            summary = " ".join(str(node.get("failureSummary", "")).split())[:240]
            if summary:
                lines.append(f"      {summary}")
        if len(nodes) > SHOWN_NODES:
            lines.append(f"    … 另有 {len(nodes) - SHOWN_NODES} 处")
    return "\n".join(lines)


def _axe(browser: Any, url: str, media: str = "screen") -> list[dict[str, Any]]:
    """axe's violations on url, opened on a 360×740 phone with JavaScript on."""
    from axe_playwright_python.sync_playwright import Axe

    context, page, _requests = open_page(browser, url, javascript=True)
    try:
        if media == "print":
            page.emulate_media(media="print")
        results = Axe().run(page, options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "resultTypes": ["violations"],
        })
    finally:
        context.close()
    violations: list[dict[str, Any]] = results.response["violations"]
    return violations


# A page with one known fault per kind of rule the checks must catch: WCAG 2.0 A
# (image-alt), 2.0 AA (color-contrast), 2.2 AA (target-size), best practice
# (page-has-heading-one) and, for the HTML checker, a duplicate id.
CANARY = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>检查工具自检</title></head>
<body><main>
<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"></p>
<p style="color:#777;background:#888">对比度太低的字</p>
<p><a href="#a" style="display:inline-block;width:10px;height:10px;overflow:hidden;font-size:6px">一</a><a
 href="#b" style="display:inline-block;width:10px;height:10px;overflow:hidden;font-size:6px">二</a></p>
<p id="twice">一</p><p id="twice">二</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def canary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("canary")
    (folder / "index.html").write_text(CANARY, encoding="utf-8")
    return folder


def test_axe_catches_known_faults(browser: Any, canary: Path) -> None:
    """The rule set is live: a zero below means no fault, not no check."""
    with serve(canary) as url:
        found = {v["id"] for v in _axe(browser, url)}
    assert {"image-alt", "color-contrast", "target-size", "page-has-heading-one"} <= found, found


@pytest.mark.parametrize(("kind", "media"), _axe_cases())
def test_axe_finds_no_violation(browser: Any, served: str, site: Path, kind: PageKind, media: str) -> None:
    assert (site / kind.file).is_file(), f"{kind.id}: {kind.file} is not in the build; update bench/pagekinds.py"
    url = served + kind.address
    violations = _axe(browser, url, media)
    if violations:
        pytest.fail(_describe_axe(kind, media, url, violations), pytrace=False)


# -- the Nu HTML Checker ------------------------------------------------------------

def _java() -> str | None:
    return shutil.which("java")


@pytest.fixture(scope="module")
def vnu_messages(site: Path, canary: Path) -> dict[str, list[dict[str, Any]]]:
    """The checker's errors for every page kind's file and the canary, from one JVM:
    file (relative to the site; the canary by its absolute path) -> messages."""
    jar = Path(os.environ.get("VNU_JAR", VNU_JAR))
    require(None if _java() else "需要 Java（apt-get install default-jre-headless）")
    require(None if jar.is_file() else (
        f"需要 Nu HTML Checker，没有 {jar}（bash .ci/run 会安装；或 "
        "npm install --prefix .ci/node --no-save --ignore-scripts vnu-jar@26.9.27；或设 VNU_JAR）"))
    files = sorted({kind.file for kind in PAGE_KINDS})
    missing = [f for f in files if not (site / f).is_file()]
    assert not missing, f"not in the build (update bench/pagekinds.py): {missing}"
    proc = subprocess.run(
        [_java() or "java", "-Xss8m", "-jar", str(jar), "--format", "json", "--errors-only",
         *files, str(canary / "index.html")],
        cwd=site, capture_output=True, text=True, timeout=300,
    )
    report = json.loads(proc.stderr or proc.stdout)
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for message in report["messages"]:
        path = Path(str(message.get("url", "")).removeprefix("file:"))
        rel = path.relative_to(site).as_posix() if path.is_relative_to(site) else str(path)
        found[rel].append(message)
    unknown = set(found) - {*files, str(canary / "index.html")}
    assert not unknown, f"messages for files not asked about: {unknown}: {dict(found)}"
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    return found


def _describe_vnu(kind: PageKind, messages: list[dict[str, Any]]) -> str:
    lines = [f"Nu HTML Checker: {len(messages)} 个错误 — {kind.name}（{kind.id}）{kind.file}"]
    for m in messages:
        where = f"{kind.file}:{m.get('lastLine', m.get('firstLine', '?'))}:{m.get('lastColumn', '?')}"
        extract = " ".join(str(m.get("extract", "")).split())[:160]
        lines.append(f"- {where}: {m.get('message')}\n    {extract}")
    return "\n".join(lines)


def test_nu_html_checker_catches_a_known_error(vnu_messages: dict[str, list[dict[str, Any]]], canary: Path) -> None:
    messages = [str(m.get("message")) for m in vnu_messages.get(str(canary / "index.html"), [])]
    assert any("Duplicate ID “twice”" in m for m in messages), messages


# One case per file: a query (find/?q=) changes only what the script shows.
VNU_KINDS = list({kind.file: kind for kind in reversed(PAGE_KINDS)}.values())[::-1]


@pytest.mark.parametrize("kind", VNU_KINDS, ids=[k.id for k in VNU_KINDS])
def test_nu_html_checker_finds_no_error(vnu_messages: dict[str, list[dict[str, Any]]], kind: PageKind) -> None:
    errors = [m for m in vnu_messages.get(kind.file, []) if m.get("type") in ("error", "non-document-error")]
    if errors:
        pytest.fail(_describe_vnu(kind, errors), pytrace=False)
