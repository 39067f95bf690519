"""数据公开: the public figures, each chart with its table and one plain sentence."""

from __future__ import annotations

from ..kind import Kind
from . import urls
from .pages import STATS_BLOCK, stats_pages
from .province import province_stats, stats_export

KIND = Kind(
    name="stats",
    title="数据公开",
    summary="/stats/（按乡镇汇总）、每个乡镇的数据页和警务室页面上的图表：警力配备、走访户数、群众诉求（五个及时）、三访三评满意率，每张图都有表格和一句话说明",
    needs=("directory",),
    uses=("visits", "requests", "evaluations", "stations"),
    pages=stats_pages,
    blocks=(STATS_BLOCK,),
    export=stats_export,
    province=province_stats,
    templates=True,
    stylesheet="stats.css",
    nav=(9, "数据公开", urls.STATS),
    links={"stats": urls.STATS, "stats_of_township": urls.township},
)
