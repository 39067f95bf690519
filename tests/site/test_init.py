"""`cunjing init DIR`: a new county that passes check at once and builds a site."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.core.settings import SiteConfig
from generator.kinds import KINDS

from conftest import ROOT, cunjing


def test_init_then_check_and_build_in_an_empty_folder(tmp_path: Path) -> None:
    run = cunjing("init", "county", cwd=tmp_path)
    assert run.code == 0, run.text
    project = tmp_path / "county"
    for kind in KINDS:
        if kind.folder:
            assert (project / "data" / kind.folder).is_dir(), f"{kind.name}: its folder, with a note saying what goes in"
    check = cunjing("check", cwd=project)
    assert check.code == 0, check.text
    assert "警告" not in check.text and "数据检查通过" in check.out
    build = cunjing("build", cwd=project)
    assert build.code == 0, build.text
    page = project / "site/posts/example-post/index.html"
    assert "示例警务室" in page.read_text(encoding="utf-8")
    assert (project / "site/v/example-village/index.html").is_file()


def test_the_new_countys_menu_has_every_section_of_the_sample(tmp_path: Path) -> None:
    assert cunjing("init", tmp_path / "c").code == 0
    menu = yaml.safe_load((tmp_path / "c/mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    sample = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert menu == sample


def test_every_setting_is_explained_in_a_comment(tmp_path: Path) -> None:
    assert cunjing("init", tmp_path / "c").code == 0
    lines = (tmp_path / "c/data/site.yml").read_text(encoding="utf-8").splitlines()
    for name, info in SiteConfig.model_fields.items():
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{name}:"))
        assert lines[at - 1].startswith("#"), (name, info.title)


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("mine\n", encoding="utf-8")
    run = cunjing("init", tmp_path)
    assert run.code == 1 and "不覆盖" in run.err
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "data").exists()
