"""Compiled templates are kept in the cache folder ($XDG_CACHE_HOME/cunjing/templates):
a second build takes them from there instead of compiling again, and a cache folder
that cannot be written only means compiling every time."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import pytest

from generator.core.render import bytecode_cache, make_environment

TEMPLATES = ["core/_macros.html", "core/print_base.html", "directory/print_village.html"]


def test_a_second_environment_takes_compiled_templates_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = make_environment(["directory"])
    compiled = {name: first.get_template(name) for name in TEMPLATES}
    cached = sorted((tmp_path / "cunjing/templates").iterdir())
    assert len(cached) == len(TEMPLATES)

    second = make_environment(["directory"])

    def no_compiling(*args: Any, **kwargs: Any) -> NoReturn:
        raise AssertionError("compiled again")

    monkeypatch.setattr(second, "compile", no_compiling)
    for name in TEMPLATES:
        again = second.get_template(name)
        assert again.root_render_func.__code__.co_code == compiled[name].root_render_func.__code__.co_code, name


def test_a_cache_folder_that_cannot_be_written_means_compiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert bytecode_cache() is None
    env = make_environment(["directory"])
    assert env.get_template("core/_macros.html").filename
