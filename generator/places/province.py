"""The province's home page: 110, then every county (pinyin order) linking to its site."""

from __future__ import annotations

from ..core.pages import SiteOutput
from ..kind import ProvinceBuild


def province_home(build: ProvinceBuild) -> SiteOutput:
    counties = [(county_id, export) for county_id, export in build.of("directory")]
    page = build.renderer.page(
        "places/province.html", "index.md", build.settings.title, counties=counties,
        villages=sum(e["villages"] for _, e in counties), officers=sum(e["officers"] for _, e in counties),
    )
    return SiteOutput(pages=[page])
