"""五个及时: the request log. Internal: only its figures are published."""

from __future__ import annotations

from typing import cast

from ..kind import Kind, Load, Schema
from .log import aggregate, alarm, read_requests
from .records import RequestLog
from .schema import RequestRow


def _load(ctx: Load) -> RequestLog:
    rows = read_requests(ctx.data_dir, ctx.grid, ctx.today, ctx.problems)
    stats = aggregate(rows, ctx.today)
    alarm(stats, ctx.grid, ctx.problems)
    return RequestLog(rows, stats)


KIND = Kind(
    name="requests",
    title="群众诉求台账",
    summary="群众诉求台账（五个及时，内部资料，不公布）：只把受理、化解、反馈的数字显示在数据公开和报告里",
    folder="requests",
    folder_note=(
        "这里放群众诉求台账（.csv 或 .xlsx），只用来统计受理、化解、反馈的件数，内容不会公布。\n"
        "第一行表头见 README 的“群众诉求（五个及时）”一节。用 Excel 保存时请选“CSV UTF-8（逗号分隔）”或 .xlsx。\n"
    ),
    internal=True,
    needs=("directory",),
    load=_load,
    keep=lambda log: cast(RequestLog, log).stats,
    schemas=(Schema("request.schema.json", RequestRow, "data/requests/*.csv 的一行：群众诉求台账（内部资料）"),),
    terms={"五个及时": "群众反映的事，做到及时受理、及时上报、及时处理、及时化解、及时反馈。"},
)
