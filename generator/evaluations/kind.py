"""三访三评: residents' satisfaction with each post, round by round."""

from __future__ import annotations

from ..kind import Kind, Schema
from .load import load_evaluations
from .schema import Evaluation

KIND = Kind(
    name="evaluations",
    title="三访三评",
    summary="data/evaluations/：每一轮三访三评各警务室的参评和满意人数，显示在数据公开和警务室页面",
    folder="evaluations",
    folder_note="这里放三访三评的结果（每一轮一个 .yml 文件）：各警务室参评多少人、满意多少人。\n",
    needs=("directory",),
    load=lambda ctx: load_evaluations(ctx.data_dir, ctx.grid, ctx.problems),
    schemas=(Schema("evaluation.schema.json", Evaluation, "data/evaluations/*.yml：三访三评结果"),),
    terms={"三访三评": "民警上门走访群众，请群众给警务室的工作打分、提意见，结果在“数据公开”里公布。"},
)
