"""A province's Atom and RSS feeds at its root: the newest items of every
county's feed (reports, notices, 立项整改), each title naming its county."""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup

from ..core.pages import Asset, SiteOutput, absolute_url
from ..kind import Build, FeedItem, ProvinceBuild
from .pages import atom_feed, feed_items, rss_feed
from .urls import feed_links

# Items each county exports, and the province's feeds keep, newest first.
NEWEST = 50


def feeds_export(build: Build) -> list[list[Any]]:
    items = [i for i in feed_items(build) if i.county_wide][:NEWEST]
    return [[i.url, i.title, i.day.isoformat(), i.category, str(i.html)] for i in items]


def province_feeds(build: ProvinceBuild) -> SiteOutput:
    names = {county_id: export["county"] for county_id, export in build.of("directory")}
    items = [
        FeedItem(f"{county_id}/{url}", f"{names[county_id]}：{title}", date.fromisoformat(day), category,
                 Markup(html), frozenset(), True)
        for county_id, exported in build.of("feeds")
        for url, title, day, category, html in exported
    ]
    items.sort(key=lambda item: (-item.day.toordinal(), item.url))
    items = items[:NEWEST]
    settings = build.settings
    base = settings.site_url or ""
    today = max((i.day for i in items), default=date(1970, 1, 1))
    links = feed_links()
    out = SiteOutput()
    for dest, make in ((links.atom, atom_feed), (links.rss, rss_feed)):
        content = make(
            settings, today, f"{settings.title}：各县的工作报告和安全提示", absolute_url(base, dest), base, base, items,
        )
        out.assets.append(Asset(dest=dest, content=content))
    return out
