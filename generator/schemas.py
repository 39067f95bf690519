"""JSON Schemas of the data files, generated from the same pydantic records
that validate them, for editors' tools (e.g. a YAML editor's autocompletion)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .core.settings import SiteConfig
from .kind import Schema
from .kinds import KINDS

SCHEMAS: tuple[Schema, ...] = (
    Schema("site.schema.json", SiteConfig, "data/site.yml：网站设置"),
    *(schema for kind in KINDS for schema in kind.schemas),
)


def json_schema(model: type[BaseModel], derived: tuple[str, ...], title: str) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation")
    for name in derived:
        schema["properties"].pop(name, None)
        if name in schema.get("required", []):
            schema["required"].remove(name)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for schema in SCHEMAS:
        path = folder / schema.file
        text = json.dumps(
            json_schema(schema.model, schema.derived, schema.title), ensure_ascii=False, indent=2, sort_keys=True,
        )
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written
