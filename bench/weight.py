"""Page weight: what a phone downloads on a first visit, per page kind.

    python3 -m bench.weight [--site DIR] [--only ID,ID] [--requests] [--json FILE] [--check]

Builds the sample (data/, --today 2026-11-28) unless --site names a built
site, serves it compressed as deploy/nginx.conf does (bench/serve.py: the
build's .gz files with Content-Encoding: gzip), and opens one page of every
page kind (bench/pagekinds.py) in Debian's Chromium at 360×740, each in a
fresh browser context (empty cache, as a first visit). Every request the page
makes is counted with the bytes that came over the wire for its body
(Playwright's ``Request.sizes()``: the gzip bytes for compressed files), split
into HTML, CSS, JS, images and other; render-blocking requests come from
Chromium's own classification (CDP ``Network.requestWillBeSent``
``renderBlockingBehavior``).

Sizes, not timings, are the claim. 1 KB = 1000 bytes, as Chromium's DevTools
counts. Targets from issue 12: a village page at most 40 KB, /find/ with a
query at most 50 KB; --check exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.pagekinds import PAGE_KINDS, PageKind
from bench.serve import serve_compressed

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-28"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
# Page kind id -> the most gzip bytes its first load may take (issue 12).
TARGETS = {"village": 40_000, "find-query": 50_000}
GROUPS = {"document": "html", "stylesheet": "css", "script": "js", "image": "img"}
BLOCKING = {"Blocking", "InBodyParserBlocking"}


@dataclass
class Fetched:
    url: str
    type: str
    bytes: int
    blocking: bool
    status: int | None


@dataclass
class Weight:
    kind: str
    name: str
    address: str
    requests: list[Fetched] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(r.bytes for r in self.requests)

    def group(self, name: str) -> int:
        return sum(r.bytes for r in self.requests if GROUPS.get(r.type, "other") == name)

    @property
    def blocking(self) -> list[Fetched]:
        return [r for r in self.requests if r.blocking]


def build_sample(out: Path) -> Path:
    """`cunjing build` of the sample data into out/site."""
    site = out / "site"
    run = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", "data", "-d", str(site), "--today", TODAY],
        cwd=ROOT, capture_output=True, text=True,
    )
    if run.returncode != 0:
        raise SystemExit(f"build failed:\n{run.stdout}{run.stderr}")
    return site


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# The service worker (shell/pages.py) is published at the site root.
SERVICE_WORKER = "/sw.js"


def measure(browser: Any, base: str, kind: PageKind) -> Weight:
    """Open one page in a fresh phone-sized context and count what it fetched."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    behaviour: dict[str, str] = {}
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.requestWillBeSent", lambda e: behaviour.setdefault(
        e["request"]["url"], e.get("renderBlockingBehavior", "")))
    finished: list[Any] = []
    context.on("requestfinished", lambda request: finished.append(request))
    weight = Weight(kind.id, kind.name, kind.address)
    try:
        page.goto(base + kind.address)
        page.wait_for_load_state("networkidle")
        for request in finished:
            if request.url.startswith("data:"):
                continue
            response = request.response()
            size = int(request.sizes()["responseBodySize"])
            if size == 0 and response is not None and request.url.endswith(SERVICE_WORKER):
                # Chromium reports no body size for the service worker's own
                # script: count what the server sent.
                size = int(response.headers.get("content-length", "0"))
            weight.requests.append(Fetched(
                url=request.url.removeprefix(base),
                type=request.resource_type,
                bytes=size,
                # The service worker's own fetch of the same URL blocks nothing.
                blocking=request.resource_type != "fetch" and behaviour.get(request.url, "") in BLOCKING,
                status=response.status if response else None,
            ))
    finally:
        context.close()
    foreign = [r.url for r in weight.requests if urlsplit(r.url).netloc]
    if foreign:
        print(f"注意：{kind.id} 向其他主机发出请求：{foreign}", file=sys.stderr)
    return weight


def kb(n: int) -> str:
    return f"{n / 1000:.1f}"


def table(weights: list[Weight]) -> str:
    head = f"{'page kind':<18} {'req':>3} {'total KB':>8} {'html':>6} {'css':>6} {'js':>6} {'img':>6} {'other':>6} {'block':>5}  target"
    rows = [head, "-" * len(head)]
    for w in weights:
        target = TARGETS.get(w.kind)
        verdict = "" if target is None else f"≤{kb(target)} {'ok' if w.total <= target else 'OVER'}"
        rows.append(
            f"{w.kind:<18} {len(w.requests):>3} {kb(w.total):>8} {kb(w.group('html')):>6} {kb(w.group('css')):>6} "
            f"{kb(w.group('js')):>6} {kb(w.group('img')):>6} {kb(w.group('other')):>6} {len(w.blocking):>5}  {verdict}"
        )
    return "\n".join(rows)


def details(weights: list[Weight]) -> str:
    rows = []
    for w in weights:
        rows.append(f"{w.kind} ({w.name}) {w.address}")
        for r in w.requests:
            flag = " render-blocking" if r.blocking else ""
            rows.append(f"    {r.bytes:>7} B  {r.type:<10} {r.status} {r.url}{flag}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample)")
    parser.add_argument("--only", help="comma-separated page kind ids (bench/pagekinds.py)")
    parser.add_argument("--requests", action="store_true", help="list every request")
    parser.add_argument("--json", type=Path, help="write the measurements here")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    only = set(args.only.split(",")) if args.only else None
    kinds = [k for k in PAGE_KINDS if k.browser and (only is None or k.id in only)]
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_sample(Path(tmp))
        with serve_compressed(site) as base, chromium() as browser:
            weights = [measure(browser, base, kind) for kind in kinds]
    print(table(weights))
    if args.requests:
        print()
        print(details(weights))
    if args.json:
        args.json.write_text(json.dumps(
            [asdict(w) | {"total": w.total} for w in weights], ensure_ascii=False, indent=1,
        ), encoding="utf-8")
    missed = [w.kind for w in weights if w.kind in TARGETS and w.total > TARGETS[w.kind]]
    if missed:
        print(f"\n超出目标：{', '.join(missed)}")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
