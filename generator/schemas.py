"""JSON Schemas of the data files, generated from the same pydantic records
that validate them, for editors' tools (e.g. a YAML editor's autocompletion)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .actions.schema import Action
from .core.settings import SiteConfig
from .directory.schema import Post
from .directory.stations import Stations
from .evaluations.schema import Evaluation
from .events.schema import Event
from .law.schema import Lecture
from .notices.schema import Notice
from .reports.schema import Report
from .requests.schema import RequestRow
from .safety.schema import Safety
from .visits.schema import VisitRow

# file name -> (record, fields taken from the file name rather than written, what it describes)
SCHEMAS: dict[str, tuple[type[BaseModel], tuple[str, ...], str]] = {
    "site.schema.json": (SiteConfig, (), "data/site.yml：网站设置"),
    "post.schema.json": (Post, ("id",), "data/posts/<警务室编号>.yml：一个警务室"),
    "report.schema.json": (Report, (), "data/reports/*.md 开头的信息：工作报告"),
    "notice.schema.json": (Notice, (), "data/notices/*.md 开头的信息：安全提示"),
    "lecture.schema.json": (Lecture, ("slug",), "data/lectures/*.md 开头的信息：法制宣传"),
    "event.schema.json": (Event, ("slug",), "data/events/*.yml：活动"),
    "visit.schema.json": (VisitRow, (), "data/visits/*.csv 的一行：走访记录（内部资料）"),
    "safety.schema.json": (Safety, ("village",), "data/safety/<村（社区）编号>.yml：一个村（社区）的平安建设"),
    "request.schema.json": (RequestRow, (), "data/requests/*.csv 的一行：群众诉求台账（内部资料）"),
    "action.schema.json": (Action, (), "data/actions/*.md 开头的信息：立项整改"),
    "evaluation.schema.json": (Evaluation, (), "data/evaluations/*.yml：三访三评结果"),
    "stations.schema.json": (Stations, (), "data/stations.yml：各派出所总警力"),
}


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
    for name, (model, derived, title) in SCHEMAS.items():
        path = folder / name
        text = json.dumps(json_schema(model, derived, title), ensure_ascii=False, indent=2, sort_keys=True)
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written
