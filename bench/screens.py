"""Page length on a phone: how many 360×740 screens each page kind takes.

    python3 -m bench.screens [--site DIR] [--today YYYY-MM-DD]

Builds the sample (data/) unless --site names a built site, serves it as
bench/weight.py does, and opens one page of every screen page kind
(bench/pagekinds.py) in Debian's Chromium at 360×740, plain and with 大字
(the site's large-text switch, remembered in localStorage). Prints a Markdown
table of document heights in CSS pixels and in screens. Heights, not
timings, are the claim; the targets (issue 22: home, village and post pages at
most 6 screens) are checked by tests/site/test_first_screen.py.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.pagekinds import PAGE_KINDS
from bench.serve import serve_compressed
from bench.weight import build_sample, chromium

WIDTH, HEIGHT = 360, 740
BIG = "try{localStorage.setItem('cunjing-big','1')}catch(e){}"


def heights(browser: object, base: str, big: bool) -> dict[str, int]:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True)  # type: ignore[attr-defined]
    if big:
        context.add_init_script(BIG)
    page = context.new_page()
    out: dict[str, int] = {}
    try:
        for kind in PAGE_KINDS:
            if kind.printable or not kind.browser:
                continue
            page.goto(base + kind.address, wait_until="networkidle")
            out[kind.id] = int(page.evaluate("document.documentElement.scrollHeight"))
    finally:
        context.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_sample(Path(tmp))
        with serve_compressed(site) as base, chromium() as browser:
            plain, big = heights(browser, base, False), heights(browser, base, True)
    names = {k.id: k.name for k in PAGE_KINDS}
    print(f"| page kind | height at {WIDTH}×{HEIGHT} | screens | with 大字 | screens |")
    print("|---|---:|---:|---:|---:|")
    for page_id, height in plain.items():
        print(f"| {names[page_id]} ({page_id}) | {height:,} px | {height / HEIGHT:.1f} "
              f"| {big[page_id]:,} px | {big[page_id] / HEIGHT:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
