"""派出所: each station's total strength, phone and address (data/stations.yml,
optional), and the way to a post (到警务室: map links)."""

from __future__ import annotations

from typing import Any

from ..kind import Kind, Load, Schema, Site
from .load import STATIONS, Stations, load_stations, published_numbers, station_finder
from .reach import map_links


def _numbers(ctx: Load) -> set[str]:
    return published_numbers(STATIONS.of(ctx))


def _globals(site: Site) -> dict[str, Any]:
    return {"station_of": station_finder(STATIONS.of(site)), "map_links": map_links}


KIND = Kind(
    name="stations",
    title="派出所警力",
    summary="data/stations.yml（可不写）：各派出所总警力（数据公开里算社区民警占比）、电话和地址；警务室和村页面上的“到警务室”地图链接",
    needs=("directory",),
    load=lambda ctx: load_stations(ctx.data_dir, ctx.grid, ctx.problems),
    published_numbers=_numbers,
    schemas=(Schema("stations.schema.json", Stations, "data/stations.yml：各派出所总警力、电话和地址"),),
    template_globals=_globals,
)
