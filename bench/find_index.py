"""How much index data does the first result of /find/ need at 14,000 villages?

    python3 -m bench.find_index [--villages 14000] [--out DIR]

Builds a synthetic county (bench/synthetic.py) with the real index code,
writes the shards to a temporary folder (or --out) and reports, for the
worst query, the gzip size of the manifest (embedded in /find/) plus the one
shard that query loads. The target is at most 30 KB. Sizes, not timings,
are the claim; the build time is printed for information only.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench.synthetic import synthetic_grid
from generator.find.index import build_index
from generator.find.shards import gzip_size, split_index

TARGET = 30 * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=14_000)
    parser.add_argument("--out", type=Path, default=None, help="keep the shards here")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    grid = synthetic_grid(args.villages)
    index = build_index(grid, lambda officer: None)
    shards = split_index(index)
    took = time.perf_counter() - started

    manifest = shards.manifest_json().encode("utf-8")
    sizes = {name: gzip_size(content) for name, content in shards.files.items()}
    largest = max(sizes, key=sizes.__getitem__)
    leaves = [name for name in shards.files if name.startswith("l")]
    tops = [name for name in shards.files if name.startswith("t")]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        (out / "manifest.json").write_bytes(manifest)
        for name, content in shards.files.items():
            (out / name).write_bytes(content)
        on_disk = sum(p.stat().st_size for p in out.iterdir())

    worst = gzip_size(manifest) + sizes[largest]
    print(f"villages            {len(grid.villages):>9,}")
    print(f"officers            {len(grid.officers):>9,}")
    print(f"terms / keys        {len(index.terms):>9,} / {len(index.keys):,}")
    print(f"shards (leaf/top)   {len(leaves):>9,} / {len(tops):,}; split nodes {len(shards.manifest['s']):,}")
    print(f"all shards on disk  {on_disk:>9,} bytes")
    print(f"manifest, gzip      {gzip_size(manifest):>9,} bytes ({len(manifest):,} raw)")
    print(f"largest shard, gzip {sizes[largest]:>9,} bytes ({len(shards.files[largest]):,} raw)")
    print(f"median shard, gzip  {sorted(sizes.values())[len(sizes) // 2]:>9,} bytes")
    print(f"first result needs  {worst:>9,} bytes gzip at most (target {TARGET:,})")
    print(f"built in            {took:>9.1f} s (information only)")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
