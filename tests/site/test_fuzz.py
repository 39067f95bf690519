"""Property-based tests: whatever an editor saves, the result is a site or a clean error.

Every loader gets arbitrary text, arbitrary bytes and arbitrary YAML
structures; loading must end either in a County whose pages build, or in a
DataError whose every problem names a file and says what is wrong in
Chinese — never in any other exception.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.build import build_site
from generator.core.problems import DataError
from generator.site import load_site

from conftest import SAMPLE, TODAY

CJK = re.compile(r"[\u4e00-\u9fff]")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
POST = "posts/zhongshu-changan.yml"
# One file of every kind that concerns only the post above: a small county
# in which each loader has something to read.
FILES = [
    "site.yml",
    POST,
    "photos/li-jianguo.png",
    "feedback/wechat-luxi.png",
    "feedback/wechat-changan.png",
    "reports/2026-11-zhongshu-changan.md",
    "notices/2026-11-changan-ebike-theft.md",
]
VISITS = "visits/2026-q4.csv"


@contextmanager
def small_county() -> Iterator[Path]:
    """A minimal valid county: one post and one file of every other kind."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        for rel in FILES:
            (data / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(SAMPLE / rel, data / rel)
        rows = (SAMPLE / VISITS).read_text(encoding="utf-8-sig").splitlines()
        mine = [r for r in rows[1:] if r.split(",")[1] in ("li-jianguo", "zhang-lei")]
        (data / VISITS).parent.mkdir(parents=True, exist_ok=True)
        (data / VISITS).write_text("\n".join([rows[0], *mine]) + "\n", encoding="utf-8")
        yield data


def outcome(data: Path) -> str:
    """Load (and on success build the pages); assert the result is clean."""
    try:
        county = load_site(data, TODAY)
    except DataError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file, problem
            assert CJK.search(problem.message), problem
            assert "Traceback" not in problem.message
        return "error"
    out = build_site(county)
    assert out.pages
    return "site"


def scalars() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
        st.text(max_size=40), st.dates(), st.sampled_from(["", "~", "0873-0610102", "changan", "社区"]),
    )


def yaml_values() -> st.SearchStrategy[Any]:
    return st.recursive(
        scalars(),
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.text(max_size=12), children, max_size=4),
        ),
        max_leaves=12,
    )


def mutate(tree: Any, path: list[int], value: Any) -> Any:
    """Replace the node chosen by ``path`` (indices into keys/items) with ``value``."""
    if not path or not isinstance(tree, dict | list) or not tree:
        return value
    if isinstance(tree, dict):
        key = list(tree)[path[0] % len(tree)]
        return {**tree, key: mutate(tree[key], path[1:], value)}
    index = path[0] % len(tree)
    return [*tree[:index], mutate(tree[index], path[1:], value), *tree[index + 1 :]]


def fuzz_targets() -> list[str]:
    """Every data file kind a loader reads (YAML, front matter, CSV)."""
    return [f for f in FILES if not f.endswith(".png")] + [VISITS]


@SETTINGS
@given(target=st.sampled_from(fuzz_targets()), text=st.text(max_size=400))
def test_arbitrary_text(target: str, text: str) -> None:
    with small_county() as data:
        (data / target).write_text(text, encoding="utf-8")
        outcome(data)


@SETTINGS
@given(target=st.sampled_from(fuzz_targets()), raw=st.binary(max_size=300))
def test_arbitrary_bytes(target: str, raw: bytes) -> None:
    with small_county() as data:
        (data / target).write_bytes(raw)
        event(outcome(data))


@SETTINGS
@given(
    target=st.sampled_from(fuzz_targets()),
    path=st.lists(st.integers(min_value=0, max_value=50), max_size=5),
    value=yaml_values(),
)
def test_arbitrary_yaml_structure(target: str, path: list[int], value: Any) -> None:
    with small_county() as data:
        file = data / target
        text = file.read_text(encoding="utf-8")
        if target.endswith(".csv"):
            rows = text.splitlines()
            cells = [row.split(",") for row in rows]
            r = path[0] % len(cells) if path else 0
            c = path[1] % len(cells[r]) if len(path) > 1 else 0
            cells[r][c] = str(value)
            file.write_text("\n".join(",".join(row) for row in cells) + "\n", encoding="utf-8")
        elif target.endswith(".md"):
            _, front, body = text.split("---\n", 2)
            tree = mutate(yaml.safe_load(front), path, value)
            dumped = yaml.safe_dump(tree, allow_unicode=True)
            file.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")
        else:
            tree = mutate(yaml.safe_load(text), path, value)
            file.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
        event(outcome(data))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(target=st.sampled_from(fuzz_targets()), text=st.text(max_size=300))
def test_the_check_command_answers_in_chinese_with_file_and_line(target: str, text: str) -> None:
    import contextlib
    import io

    from generator.cli import main

    with small_county() as data:
        (data / target).write_text(text, encoding="utf-8")
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["check", "--data", str(data), "--today", TODAY])
        output = err.getvalue()
        assert "Traceback" not in output and "程序内部出错" not in output
        if code == 0:
            return
        assert code == 1
        rows = [row for row in output.splitlines() if "错误：" in row]
        assert rows
        for row in rows:
            assert re.match(rf"{re.escape(str(data))}/[^:]+:\d+: 错误：", row), row
            assert CJK.search(row)


def test_unmodified_small_county_builds() -> None:
    with small_county() as data:
        assert outcome(data) == "site"

