"""Helpers for the tests of reports, notices and the visit log (issue 4).

They read the sample data with independent parsers (PyYAML, csv) so the tests
compare the site against the data, not against the generator's own model.
"""

from __future__ import annotations

import contextlib
import csv
import http.server
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from conftest import SAMPLE, TODAY, cunjing

SITE_URL = "https://cunjing.example.org/luxi/"
BUILD_DAY = date.fromisoformat(TODAY)


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    _, front, _ = text.split("---\n", 2)
    data: dict[str, Any] = yaml.safe_load(front)
    return data


@dataclass
class Doc:
    slug: str
    meta: dict[str, Any]


def reports(data: Path = SAMPLE) -> list[Doc]:
    return [Doc(p.stem, front_matter(p)) for p in sorted((data / "reports").glob("*.md"))]


def notices(data: Path = SAMPLE) -> list[Doc]:
    return [Doc(p.stem, front_matter(p)) for p in sorted((data / "notices").glob("*.md"))]


def published(docs: list[Doc], today: date = BUILD_DAY) -> list[Doc]:
    return [d for d in docs if d.meta["date"] <= today]


def current(docs: list[Doc], today: date = BUILD_DAY) -> list[Doc]:
    return [
        d for d in published(docs, today)
        if d.meta.get("expires") is None or d.meta["expires"] >= today
    ]


def posts(data: Path = SAMPLE) -> dict[str, dict[str, Any]]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((data / "posts").glob("*.yml"))
    }


def village_index(data: Path = SAMPLE) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every village id and alias -> (post id, village record)."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for post_id, post in posts(data).items():
        for village in post["villages"]:
            out[village["id"]] = (post_id, village)
            for alias in village.get("aliases", []):
                out[alias] = (post_id, village)
    return out


def officer_names(data: Path = SAMPLE) -> dict[str, str]:
    return {o["id"]: o["name"] for post in posts(data).values() for o in post["officers"]}


def visit_rows(data: Path = SAMPLE) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((data / "visits").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def date_forms(day: date) -> list[str]:
    """The ways a date can be written on a page."""
    return [
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.month}月{day.day}日",
    ]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A built site on a loopback HTTP server; yields its base URL."""
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))

    class Quiet(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass

    server = Quiet(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def build(data: Path, out: Path, today: str = TODAY) -> Path:
    run = cunjing("build", "--data", data, "-d", out, "--today", today)
    assert run.code == 0, run.text
    return out


def check_fails(data: Path, *, file: str, line: int | None, field: str | None, words: str) -> str:
    """`cunjing check` exits 1 naming file:line, the field and the problem, in Chinese."""
    run = cunjing("check", "--data", data)
    assert run.code == 1, run.text
    assert "Traceback" not in run.text
    expected = f"{file}:{line}:" if line else f"{file}:"
    matching = [
        row for row in run.err.splitlines()
        if expected in row and (field is None or f"字段 {field}" in row) and words in row
    ]
    assert matching, f"no line with {expected} / {field} / {words} in:\n{run.err}"
    assert re.search(r"[\u4e00-\u9fff]", matching[0])
    return run.err


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)
