"""Lighthouse scores per page kind, the site served compressed.

    npm install --prefix /tmp/lh lighthouse      # once: a developer's tool, not CI's
    python3 -m bench.lighthouse [--site DIR] [--only ID,ID] [--lighthouse PATH] [--json FILE] [--all]

Installs nothing itself. Builds the sample (data/, --today 2026-11-28) unless
--site names a built site, serves it as deploy/nginx.conf does (bench/serve.py:
the build's .gz files with Content-Encoding: gzip) and runs Lighthouse's mobile
preset (its default: a mid-range phone, simulated slow 4G) with Debian's
Chromium (CHROME_PATH=/usr/bin/chromium) on one page of every page kind
(bench/pagekinds.py), one Lighthouse run per page. Prints the accessibility,
best-practices and performance scores (0–100) and, per page, the ids of the
audits that lost points (with --all, also the unscored opportunities and
diagnostics, such as unused-css-rules).

Accessibility and best-practices scores are deterministic for the same build;
the performance score is simulated from a trace and moves with the machine's
load: compare byte counts with bench/weight.py, not performance scores.
Lighthouse (the npm package) is found at --lighthouse, $LIGHTHOUSE, /tmp/lh or
on PATH. A run takes about 30 s per page.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.pagekinds import PAGE_KINDS, PageKind
from bench.serve import serve_compressed
from bench.weight import CHROMIUM, CHROMIUM_ARGS, build_sample

CATEGORIES = ("accessibility", "best-practices", "performance")
DEFAULT = Path("/tmp/lh/node_modules/.bin/lighthouse")


@dataclass
class Scores:
    kind: str
    address: str
    scores: dict[str, int | None] = field(default_factory=dict)
    failing: dict[str, list[str]] = field(default_factory=dict)
    """Category -> ids of audits that cost points (score below 1, weight above 0)."""
    hints: list[str] = field(default_factory=list)
    """Unscored audits that found something (opportunities, diagnostics)."""
    error: str = ""


def find_lighthouse(given: Path | None) -> str:
    for candidate in (given, os.environ.get("LIGHTHOUSE"), DEFAULT, shutil.which("lighthouse")):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    raise SystemExit("没有找到 Lighthouse：npm install --prefix /tmp/lh lighthouse（或用 --lighthouse 指定）")


def run_lighthouse(lighthouse: str, url: str, out: Path) -> dict[str, Any]:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    flags = " ".join(["--headless=new", "--no-first-run", *CHROMIUM_ARGS])
    proc = subprocess.run(
        [lighthouse, url, "--quiet", "--output=json", f"--output-path={out}",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
        env=env, capture_output=True, text=True, timeout=600,
    )
    if proc.returncode != 0 or not out.is_file():
        raise RuntimeError(proc.stderr[-1500:] or f"lighthouse exited {proc.returncode}")
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def where(audit: dict[str, Any], most: int = 3) -> str:
    """A few of the places an audit names: selectors, URLs or console messages."""
    items = (audit.get("details") or {}).get("items") or []
    found: list[str] = []
    for item in items[:most]:
        parts = []
        for key in ("node", "selector", "description", "url", "sourceLocation", "fontSize"):
            value = item.get(key)
            if isinstance(value, dict):
                value = value.get("selector") or value.get("snippet") or value.get("url")
            if isinstance(value, str | int | float) and value != "":
                parts.append(str(value))
        if parts:
            found.append(" ".join(" ".join(parts).split())[:160])
    more = f" …+{len(items) - most}" if len(items) > most else ""
    return f" [{' | '.join(found)}{more}]" if found else ""


def read_scores(kind: PageKind, report: dict[str, Any]) -> Scores:
    result = Scores(kind.id, kind.address)
    if report.get("runtimeError"):
        result.error = str(report["runtimeError"].get("message", report["runtimeError"]))
    audits = report["audits"]
    scored: set[str] = set()
    for name in CATEGORIES:
        category = report["categories"].get(name)
        if category is None:
            continue
        score = category.get("score")
        result.scores[name] = None if score is None else round(score * 100)
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight", 0) > 0:
                scored.add(ref["id"])
                if audit.get("score") is not None and audit["score"] < 1:
                    value = audit.get("displayValue", "")
                    shown = f"{ref['id']}{f' ({value})' if value else ''}"
                    if name != "performance":
                        shown += where(audit)
                    result.failing.setdefault(name, []).append(shown)
    for audit_id, audit in audits.items():
        if audit_id in scored or audit.get("scoreDisplayMode") not in ("metricSavings", "numeric", "binary"):
            continue
        if audit.get("score") is not None and audit["score"] < 1:
            value = audit.get("displayValue", "")
            result.hints.append(f"{audit_id}{f' ({value})' if value else ''}")
    return result


def table(results: list[Scores], show_hints: bool) -> str:
    head = f"{'page kind':<18} {'a11y':>5} {'best':>5} {'perf':>5}"
    rows = [head, "-" * len(head)]

    def cell(value: int | None) -> str:
        return "-" if value is None else str(value)

    for r in results:
        s = r.scores
        rows.append(
            f"{r.kind:<18} {cell(s.get('accessibility')):>5} {cell(s.get('best-practices')):>5} "
            f"{cell(s.get('performance')):>5}"
        )
    rows.append("")
    for r in results:
        if r.error:
            rows.append(f"{r.kind}: 出错 {r.error}")
        for name, ids in r.failing.items():
            rows.append(f"{r.kind} {name}: {', '.join(ids)}")
        if show_hints and r.hints:
            rows.append(f"{r.kind} hints: {', '.join(r.hints)}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample)")
    parser.add_argument("--only", help="comma-separated page kind ids (bench/pagekinds.py)")
    parser.add_argument("--lighthouse", type=Path, help="the lighthouse command")
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument("--all", action="store_true", help="also list unscored opportunities and diagnostics")
    args = parser.parse_args(argv)

    lighthouse = find_lighthouse(args.lighthouse)
    only = set(args.only.split(",")) if args.only else None
    kinds = [k for k in PAGE_KINDS if k.browser and (only is None or k.id in only)]
    results: list[Scores] = []
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_sample(Path(tmp))
        with serve_compressed(site) as base:
            for kind in kinds:
                out = Path(tmp) / f"{kind.id}.json"
                try:
                    result = read_scores(kind, run_lighthouse(lighthouse, base + kind.address, out))
                except (RuntimeError, subprocess.TimeoutExpired, KeyError, ValueError) as problem:
                    result = Scores(kind.id, kind.address, error=str(problem))
                results.append(result)
                print(f"{kind.id}: {result.scores or result.error}", file=sys.stderr, flush=True)
    print(table(results, args.all))
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
