"""走访: the officers' visit log. Internal: only its figures are published."""

from __future__ import annotations

from typing import cast

from ..kind import Kind, Load, Schema
from .log import Visit, aggregate, read_visits
from .pages import VISITS_BLOCK
from .schema import VisitRow


def _load(ctx: Load) -> list[Visit]:
    return read_visits(ctx.data_dir, ctx.grid, ctx.today, ctx.problems)


KIND = Kind(
    name="visits",
    title="走访记录",
    summary="民警走访记录（内部资料，不公布）：只把每周、每月的走访户数显示在警务室和村的页面上",
    folder="visits",
    internal=True,
    folder_note=(
        "这里放民警走访记录（.csv 或 .xlsx），只用来统计次数，内容不会公布。\n"
        "第一行表头：date,officer,village,households,issues_found,issues_resolved,note\n"
        "用 Excel 保存时请选“CSV UTF-8（逗号分隔）”。\n"
    ),
    needs=("directory",),
    load=_load,
    keep=lambda rows: aggregate(cast(list[Visit], rows)),
    schemas=(Schema("visit.schema.json", VisitRow, "data/visits/*.csv 的一行：走访记录（内部资料）"),),
    blocks=(VISITS_BLOCK,),
    templates=True,
    stylesheet="visits.css",
    terms={"一周分析、一月点评": "民警每周分析一次走访情况，每月点评一次，找出共性问题，立项整改。"},
)
