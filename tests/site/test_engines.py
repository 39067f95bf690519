"""Engines beyond MkDocs 1.6: ProperDocs builds the same site with the plugin,
and `cunjing build --emit-docs` gives a plain project that MkDocs and
ProperDocs build without it, into the same URLs and the same pages."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.emit import SAMPLE_BANNER

from conftest import CONFIG, ROOT, SAMPLE, TODAY, cunjing, require

# SOURCE_DATE_EPOCH of TODAY, as `cunjing build` sets it.
EPOCH = "1795824000"
GENERATOR_META = re.compile(r'<meta name="generator" content="[^"]*">')


def _properdocs_missing() -> str | None:
    if importlib.util.find_spec("properdocs") is None:
        return "需要 Python 包 properdocs（pip install properdocs）"
    return None


def engine_build(engine: str, config: Path, out: Path, *, plugin: bool) -> None:
    """``<engine> build --strict`` in a fresh process.

    Without the plugin, importing our package at all is made to fail, so the
    build cannot lean on it.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUNJING_")}
    env.update(SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    if plugin:
        env.update(CUNJING_DATA_DIR=str(SAMPLE), CUNJING_TODAY=TODAY)
    block = "" if plugin else "sys.modules['generator'] = None; "
    code = f"import runpy, sys; {block}sys.argv[0] = {engine!r}; runpy.run_module({engine!r}, run_name='__main__')"
    proc = subprocess.run(
        [sys.executable, "-c", code, "build", "--strict", "-q", "-f", str(config), "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def resident_files(site: Path) -> dict[str, bytes]:
    """What residents get: every file but the .gz copies `cunjing build` adds
    for the web server; the engine's name in <meta name="generator"> removed."""
    out = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix != ".gz":
            data = path.read_bytes()
            if path.suffix == ".html":
                data = GENERATOR_META.sub("", data.decode("utf-8")).encode("utf-8")
            out[path.relative_to(site).as_posix()] = data
    return out


def sitemap_urls(data: bytes) -> list[str]:
    return sorted(re.findall(r"<loc>([^<]*)</loc>", data.decode("utf-8")))


@pytest.fixture(scope="module")
def emitted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("emit") / "tree"
    run = cunjing("build", "--data", SAMPLE, "--today", TODAY, "--emit-docs", out)
    assert run.code == 0, run.text
    assert "properdocs build" in run.out
    return out


def test_properdocs_builds_the_same_site_as_mkdocs(site: Path, tmp_path: Path) -> None:
    require(_properdocs_missing())
    engine_build("properdocs", CONFIG, tmp_path / "site", plugin=True)
    mkdocs, properdocs = resident_files(site), resident_files(tmp_path / "site")
    assert sorted(mkdocs) == sorted(properdocs)
    assert [name for name in mkdocs if mkdocs[name] != properdocs[name]] == []


def test_emitted_project_has_no_plugin_and_every_file(emitted: Path, site: Path) -> None:
    config = yaml.safe_load((emitted / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == []
    assert config["site_url"] == "https://cunjing.example.org/luxi/"
    assert config["theme"]["custom_dir"] == "overrides"
    docs = emitted / "docs"
    assert (docs / "v/changan/index.md").is_file() and (docs / "about.md").is_file()
    assert (docs / "calendar/v/zhongyang.ics").read_bytes() == (site / "calendar/v/zhongyang.ics").read_bytes()
    assert SAMPLE_BANNER in (docs / "about.md").read_text(encoding="utf-8")
    assert SAMPLE_BANNER in (docs / "v/changan/index.md").read_text(encoding="utf-8")
    assert (emitted / "overrides/404.html").read_bytes().startswith(b"{% raw %}")


def test_banner_is_the_plugins() -> None:
    from generator.plugin import SAMPLE_BANNER as plugin_banner

    assert plugin_banner == SAMPLE_BANNER


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_emitted_project_builds_the_same_urls_and_pages(
    engine: str, emitted: Path, site: Path, tmp_path: Path,
) -> None:
    if engine == "properdocs":
        require(_properdocs_missing())
    engine_build(engine, emitted / "mkdocs.yml", tmp_path / "site", plugin=False)
    ours, theirs = resident_files(site), resident_files(tmp_path / "site")
    assert sorted(ours) == sorted(theirs)  # every page and file at the same URL
    # The sitemap lists the same URLs (hand-written pages come first here).
    assert sitemap_urls(ours.pop("sitemap.xml")) == sitemap_urls(theirs.pop("sitemap.xml"))
    # The banner is a paragraph of its own in Markdown: one line break more.
    joined = SAMPLE_BANNER.encode("utf-8")
    differ = [
        name for name in ours
        if ours[name] != theirs[name].replace(joined + b"\n\n", joined)
    ]
    assert differ == []
    assert "找不到这个页面" in theirs["404.html"].decode("utf-8")


def test_emit_with_bad_data_leaves_the_tree_as_it_was(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "tree"
    out.mkdir()
    (out / "keep.txt").write_text("old", encoding="utf-8")
    (data / "site.yml").write_text("title: [\n", encoding="utf-8")
    run = cunjing("build", "--data", data, "--today", TODAY, "--emit-docs", out)
    assert run.code == 1 and "Traceback" not in run.text
    assert "保持原样" in run.err
    assert (out / "keep.txt").read_text(encoding="utf-8") == "old"
