"""The province's own pages at the site root, from the counties already built
beside them (their county.json): the home page, counties in pinyin order,
each linking to its site and its townships, 110 first.
"""

from __future__ import annotations

from pathlib import Path

from ..build import stylesheet
from ..core import dates
from ..core.pages import PRINT_CSS, STYLESHEET, SiteOutput, media_url
from ..core.pinyin import sort_key
from ..core.render import Renderer
from ..shell.pages import shell_assets
from .load import Province
from .summary import CountySummary, read_summary


def built_counties(province: Province, site_dir: Path) -> tuple[list[CountySummary], list[str]]:
    """The counties built in site_dir, in pinyin order of their names; the ids not built there."""
    found, missing = [], []
    for county in province.counties:
        summary = read_summary(county.id, site_dir / county.id)
        if summary is None:
            missing.append(county.id)
        else:
            found.append(summary)
    found.sort(key=lambda c: (sort_key(c.county), c.id))
    return found, missing


def province_output(province: Province, counties: list[CountySummary], today: object) -> SiteOutput:
    settings = province.settings.as_site()
    renderer = Renderer(
        ["province"],
        {"site": settings, "today": today, "dates": dates, "media_url": media_url, "terms": {},
         "url": {"print_css": PRINT_CSS}},
    )
    out = SiteOutput()
    out.assets.append(stylesheet())
    out.pages.append(
        renderer.page(
            "province/home.html", "index.md", settings.title, counties=counties,
            villages=sum(c.villages for c in counties), officers=sum(c.officers for c in counties),
        )
    )
    out.assets.extend(a for a in shell_assets(out, "", "find/i/") if a.dest != STYLESHEET)
    return out
