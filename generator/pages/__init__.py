"""Pages: turn the County model into pages and assets. Knows nothing of MkDocs.

Each section is a function ``(county, renderer) -> SiteOutput``; add new
sections to SECTIONS.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import phones
from ..county import County
from .base import Asset, Page, SiteOutput
from .core import core_pages
from .media import STYLESHEET, photo_url
from .render import Renderer

Section = Callable[[County, Renderer], SiteOutput]

SECTIONS: list[Section] = [core_pages]


def build_site(county: County) -> SiteOutput:
    renderer = Renderer(county=county, site=county.site, photo_url=photo_url, phones=phones)
    out = SiteOutput()
    for section in SECTIONS:
        part = section(county, renderer)
        out.pages.extend(part.pages)
        out.assets.extend(part.assets)
    return out


__all__ = ["STYLESHEET", "Asset", "Page", "SiteOutput", "build_site"]
