"""Helpers for the tests of reports, notices and the visit log (issue 4).

They read the sample data with independent parsers (PyYAML, csv) so the tests
compare the site against the data, not against the generator's own model.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
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




def build(data: Path, out: Path, today: str = TODAY) -> Path:
    run = cunjing("build", "--data", data, "-d", out, "--today", today)
    assert run.code == 0, run.text
    return out
