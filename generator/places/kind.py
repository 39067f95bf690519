"""The place pages (home, post, village, officer) and the 404 page."""

from __future__ import annotations

from ..kind import Kind
from .notfound import not_found_page
from .pages import place_pages
from .province import province_home

KIND = Kind(
    name="places",
    title="首页、警务室、村和民警的页面",
    summary="首页、警务室、村（社区）和民警的页面，各类内容在这些页面上的部分（见下表）；中文的 404 页面",
    needs=("directory",),
    pages=place_pages,
    finish=not_found_page,
    province=province_home,
    templates=True,
    nav=(0, "首页", ""),
)
