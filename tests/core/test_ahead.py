"""Work computed beside the build (generator/core/ahead.py): the find index is
made in a second process while the other kinds' pages are made, and the site is
the same as when it is made in turn."""

from __future__ import annotations

import os
import time

import pytest

from generator.build import build_site
from generator.core import ahead
from generator.core.ahead import Ahead
from generator.core.pages import SiteOutput

from helpers import sample_site

needs_fork = pytest.mark.skipif(not ahead.can_fork(), reason="needs fork and two cores")


@needs_fork
def test_the_result_comes_from_another_process() -> None:
    parent = os.getpid()
    started = Ahead(lambda: (os.getpid(), "长安村" * 1000))
    pid, text = started.result()
    assert pid != parent and text == "长安村" * 1000


@needs_fork
def test_a_child_that_fails_leaves_the_work_to_the_build() -> None:
    parent = os.getpid()

    def make() -> str:
        if os.getpid() != parent:
            raise RuntimeError("in the child")
        return "made here"

    assert Ahead(make).result() == "made here"


def test_an_error_is_the_builds_own() -> None:
    def make() -> None:
        raise ValueError("坏数据")

    with pytest.raises(ValueError, match="坏数据"):
        Ahead(make).result()


@needs_fork
def test_cancel_stops_the_child() -> None:
    started = Ahead(lambda: time.sleep(60))
    assert not started.ready()
    began = time.monotonic()
    started.cancel()
    assert time.monotonic() - began < 10
    assert started._pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(started._pid, os.WNOHANG)  # reaped, not left a zombie


@needs_fork
def test_a_child_reaped_elsewhere_leaves_the_work_to_the_build() -> None:
    parent = os.getpid()
    started = Ahead(lambda: os.getpid())
    assert started._pid is not None
    os.waitpid(started._pid, 0)  # someone else waits for it first
    assert started.ready()
    assert started.result() == parent


def test_without_a_second_process_it_is_made_in_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    monkeypatch.setattr(ahead, "can_fork", lambda: False)
    assert Ahead(os.getpid).result() == parent
    assert Ahead(os.getpid, beside=False).result() == parent


def _listing(out: SiteOutput) -> tuple[list[tuple[str, str]], list[tuple[str, bytes | None]]]:
    return [(p.src, p.html) for p in out.pages], [(a.dest, a.content) for a in out.assets]


@needs_fork
def test_the_site_is_the_same_made_beside_late_or_in_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    site = sample_site()
    beside = _listing(build_site(site))
    # The find index not ready when its turn comes: /find/ is made after the other
    # kinds, and its pages and files keep their place.
    monkeypatch.setattr(Ahead, "ready", lambda self: False)
    late = _listing(build_site(site))
    monkeypatch.undo()
    monkeypatch.setattr(ahead, "can_fork", lambda: False)
    in_turn = _listing(build_site(site))
    assert any(dest.startswith("find/i/") for dest, _ in in_turn[1])
    assert beside == in_turn
    assert late == in_turn
