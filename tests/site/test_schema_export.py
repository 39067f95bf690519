"""`cunjing schema` exports JSON Schemas that describe the real data files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from conftest import SAMPLE, cunjing


def plain(value: Any) -> Any:
    """YAML values as a JSON editor sees them (dates as text)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def schemas(tmp_path: Path) -> dict[str, dict[str, Any]]:
    run = cunjing("schema", "-o", tmp_path)
    assert run.code == 0, run.text
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.json")}


def test_sample_files_match_their_schemas(tmp_path: Path) -> None:
    found = schemas(tmp_path)
    site = found["site.schema.json"]
    jsonschema.validate(plain(yaml.safe_load((SAMPLE / "site.yml").read_text(encoding="utf-8"))), site)
    post = found["post.schema.json"]
    for path in sorted(SAMPLE.glob("posts/*.yml")):
        jsonschema.validate(plain(yaml.safe_load(path.read_text(encoding="utf-8"))), post)
    assert post["properties"]["villages"]["title"] == "负责村（社区）"
    assert "id" not in post["properties"]  # the file name is the id


def test_schema_catches_a_misspelt_key(tmp_path: Path) -> None:
    post = schemas(tmp_path)["post.schema.json"]
    data = plain(yaml.safe_load((SAMPLE / "posts/zhongshu-changan.yml").read_text(encoding="utf-8")))
    data["adress"] = data.pop("address")
    try:
        jsonschema.validate(data, post)
    except jsonschema.ValidationError:
        return
    raise AssertionError("a misspelt key passed the schema")
