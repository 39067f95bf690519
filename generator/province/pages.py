"""The province's own pages at the site root, from the counties already built
beside them (each county's county.json): each kind's province pages
(Kind.province), then the page shell's files.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from ..build import links, make_renderer, stylesheet
from ..core.pages import Asset, SiteOutput, absolute_url
from ..core.pinyin import sort_key
from ..kind import CountyExport, Kind, ProvinceBuild
from ..kinds import KINDS
from ..shell.pages import shell_assets
from .load import COUNTY_EXPORT, Province

# The export whose "county" names the county (its place in the pinyin order).
NAMED_BY = "directory"


def built_counties(province: Province, site_dir: Path) -> tuple[list[CountyExport], list[str]]:
    """The counties built in site_dir, in pinyin order of their names; the ids not built there."""
    found, missing = [], []
    for county in province.counties:
        path = site_dir / county.id / COUNTY_EXPORT
        if not path.is_file():
            missing.append(county.id)
            continue
        found.append(CountyExport(county.id, json.loads(path.read_text(encoding="utf-8"))))
    found.sort(key=lambda c: (sort_key(str(c.kinds.get(NAMED_BY, {}).get("county", c.id))), c.id))
    return found, missing


def province_output(
    province: Province, counties: list[CountyExport], kinds: tuple[Kind, ...] = KINDS,
) -> SiteOutput:
    settings = province.settings.as_site()
    url = links(kinds)
    renderer = make_renderer(kinds, {"site": settings, "url": url})
    build = ProvinceBuild(settings=settings, renderer=renderer, counties=tuple(counties))
    out = SiteOutput()
    out.assets.append(stylesheet(kinds))
    for kind in kinds:
        if kind.province is not None:
            out.extend(kind.province(build))
    out.assets.append(sitemap_index(settings.site_url or "", counties))
    out.assets.extend(shell_assets(out, url.find, url.find_index))
    return out


SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_INDEX = "sitemap-index.xml"


def sitemap_index(site_url: str, counties: list[CountyExport]) -> Asset:
    """sitemap-index.xml: the root's sitemap.xml (MkDocs writes it) and every county's."""
    root = ET.Element("sitemapindex", {"xmlns": SITEMAPS})
    for prefix in ["", *(f"{c.id}/" for c in sorted(counties, key=lambda c: c.id))]:
        ET.SubElement(ET.SubElement(root, "sitemap"), "loc").text = absolute_url(site_url, f"{prefix}sitemap.xml")
    ET.indent(root)
    return Asset(dest=SITEMAP_INDEX, content=ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n")
