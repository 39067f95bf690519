"""派出所: each station's total strength (data/stations.yml, optional)."""

from __future__ import annotations

from ..kind import Kind, Schema
from .load import Stations, load_stations

KIND = Kind(
    name="stations",
    title="派出所警力",
    summary="data/stations.yml（可不写）：各派出所总警力，数据公开里算社区民警占比",
    needs=("directory",),
    load=lambda ctx: load_stations(ctx.data_dir, ctx.grid, ctx.problems),
    schemas=(Schema("stations.schema.json", Stations, "data/stations.yml：各派出所总警力"),),
)
