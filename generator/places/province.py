"""The province's home page (110, then every county in pinyin order linking to its site) and its 404 page."""

from __future__ import annotations

from ..core.pages import SiteOutput
from ..kind import ProvinceBuild
from .notfound import province_not_found


def province_home(build: ProvinceBuild) -> SiteOutput:
    counties = [(county_id, export) for county_id, export in build.of("directory")]
    page = build.renderer.page(
        "places/province.html", "index.md", build.settings.title, counties=counties,
        villages=sum(e["villages"] for _, e in counties), officers=sum(e["officers"] for _, e in counties),
    )
    out = SiteOutput(pages=[page])
    out.extend(province_not_found(build))
    return out
