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
    needs=("directory",),
    load=lambda ctx: load_evaluations(ctx.data_dir, ctx.grid, ctx.problems),
    schemas=(Schema("evaluation.schema.json", Evaluation, "data/evaluations/*.yml：三访三评结果"),),
)
