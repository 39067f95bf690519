"""`cunjing serve` rebuilds only what a data change feeds, and its output is
always the output a fresh build of the same data writes, byte for byte.

One preview session runs in this process, as MkDocs' serve runs it: the
plugin object stays, the configuration is read again before each rebuild.
Each fresh build it is compared with runs in a child process of its own
(tests/warm.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, edit, python_code

URL = "http://127.0.0.1:8000/"

# One fresh `cunjing serve` build of data/ into a folder, as the first build of a session.
FRESH = """
import sys
from datetime import date
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from generator.mkdocs_run import environment
root, data, site, today, url = sys.argv[1:]
with environment(Path(data), date.fromisoformat(today)):
    config = load_config(str(Path(root) / "mkdocs.yml"), site_dir=site)
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = url
    build(config, serve_url=url)
    config.plugins.on_shutdown()
"""


def fresh_build(data: Path, site: Path) -> None:
    run = python_code(FRESH, ROOT, data, site, TODAY, URL)
    assert run.code == 0, run.err[-3000:]


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def differences(got: Path, want: Path) -> list[str]:
    a, b = tree(got), tree(want)
    return (
        [f"only in the rebuilt site: {p}" for p in sorted(a.keys() - b.keys())]
        + [f"missing from the rebuilt site: {p}" for p in sorted(b.keys() - a.keys())]
        + [f"differs: {p}" for p in sorted(a.keys() & b.keys()) if a[p] != b[p]]
    )


@pytest.fixture
def session(data: Path, tmp_path: Path) -> Iterator[tuple[Callable[..., object], Path]]:
    """A preview session of ``data``: call the function to (re)build into the folder it gives."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.mkdocs_run import environment

    site = tmp_path / "preview"
    configs: list[object] = []
    with environment(data, date.fromisoformat(TODAY)):
        def rebuild(broken: object = None) -> object:
            config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
            if not configs:
                config.plugins.on_startup(command="serve", dirty=False)
            config.site_url = URL
            build(config, serve_url=URL)
            configs.append(config)
            plugin = config.plugins["cunjing"]
            if broken is None:
                assert plugin.site is not None, "the data has errors"  # type: ignore[attr-defined]
            return plugin

        try:
            yield rebuild, site
        finally:
            if configs:
                configs[-1].plugins.on_shutdown()  # type: ignore[attr-defined]


NEW_VILLAGE = """  - id: xincun
    name: 白水新村
    kind: 行政村
    population: 800
    officers: [li-bohua]
"""


def same_as_fresh(data: Path, site: Path, tmp_path: Path, name: str) -> None:
    want = tmp_path / name
    fresh_build(data, want)
    assert differences(site, want) == []


def test_a_rebuild_after_each_edit_writes_what_a_fresh_build_writes(
    session: tuple[Callable[..., object], Path], data: Path, tmp_path: Path,
) -> None:
    rebuild, site = session
    rebuild()

    # One post renamed: an action naming it shows it on two other posts' pages too.
    edit(data, "posts/baishui-baishui.yml", "name: 白水社区警务室", "name: 白水社区警务站")
    plugin = rebuild()
    assert plugin.reuse.changed == {  # type: ignore[attr-defined]
        "directory:post:baishui-baishui", "directory:post:jinma-jinma", "directory:post:zhongshu-changan",
    }
    assert "白水社区警务站" in (site / "v/baishui/index.html").read_text(encoding="utf-8")
    same_as_fresh(data, site, tmp_path, "fresh-1")
    other_village = site / "v/changan/index.html"
    other_board = site / "print/v/changan/index.html"
    stamps = other_village.stat().st_mtime_ns, other_board.stat().st_mtime_ns

    # An officer's phone: only that post's pages, cards and vCards are made again.
    edit(data, "posts/baishui-baishui.yml", '"0873-0650102"', '"0873-0650199"')
    plugin = rebuild()
    assert plugin.reuse.changed == {"directory:post:baishui-baishui"}  # type: ignore[attr-defined]
    taken = {getattr(item, "src", None) or getattr(item, "dest", "") for item in plugin.reuse.taken}  # type: ignore[attr-defined]
    assert "v/changan.md" in taken and "print/v/changan/index.html" in taken
    assert "v/baishui.md" not in taken
    # A village of another post: its page and board were left as they were.
    assert (other_village.stat().st_mtime_ns, other_board.stat().st_mtime_ns) == stamps
    assert "0873-0650199" in (site / "officers/li-bohua/index.html").read_text(encoding="utf-8")
    same_as_fresh(data, site, tmp_path, "fresh-2")

    # A post moves to another township, a village is added: the grid's shape.
    edit(data, "posts/jinma-jinma.yml", "township: 金马镇", "township: 白水镇")
    edit(data, "posts/baishui-baishui.yml", "\nofficers:", NEW_VILLAGE + "\nofficers:")
    plugin = rebuild()
    assert plugin.reuse.changed is None  # type: ignore[attr-defined]
    assert (site / "v/xincun/index.html").exists()
    same_as_fresh(data, site, tmp_path, "fresh-3")

    # The village removed again: its pages and files leave the preview.
    edit(data, "posts/baishui-baishui.yml", NEW_VILLAGE, "")
    rebuild()
    assert not (site / "v/xincun").exists() and not (site / "print/v/xincun").exists()
    same_as_fresh(data, site, tmp_path, "fresh-4")


def test_a_rebuild_after_broken_data_and_other_kinds_writes_what_a_fresh_build_writes(
    session: tuple[Callable[..., object], Path], data: Path, tmp_path: Path,
) -> None:
    rebuild, site = session
    rebuild()
    # A notice's text and an event's place: kinds whose changes reach every page they may show on.
    edit(data, "notices/2026-11-changan-ebike-theft.md", "---\n\n", "---\n\n补充：请相互转告。\n\n")
    edit(data, "events/kentanhui-baishui.yml", "venue: 白水派出所会议室", "venue: 白水镇政府会议室")
    plugin = rebuild()
    assert plugin.reuse.changed  # type: ignore[attr-defined]
    assert "directory:post:baishui-dazhai" in plugin.reuse.changed  # type: ignore[attr-defined]
    same_as_fresh(data, site, tmp_path, "fresh-1")

    # Broken data: the preview shows the problems; fixed, the whole site comes back.
    post = data / "posts/zhongshu-changan.yml"
    good = post.read_text(encoding="utf-8")
    post.write_text(good.replace("name: ", "name:\n  - ", 1), encoding="utf-8")
    plugin = rebuild(broken=True)
    assert plugin.site is None  # type: ignore[attr-defined]
    assert "zhongshu-changan.yml" in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "v/changan").exists()
    post.write_text(good.replace("    name: 长安社区\n", "    name: 长安新区\n"), encoding="utf-8")
    rebuild()
    assert "<h1>长安新区</h1>" in (site / "v/changan/index.html").read_text(encoding="utf-8")
    same_as_fresh(data, site, tmp_path, "fresh-2")
