"""Feeds: Atom and RSS of every kind's feed items, for the county and each post."""

from __future__ import annotations

from ..kind import Kind
from .pages import feed_pages
from .province import feeds_export, province_feeds
from .urls import feed_links

KIND = Kind(
    name="feeds",
    title="订阅",
    summary="全县和每个警务室的 Atom、RSS：工作报告、安全提示、立项整改等有 feed 的内容",
    pages=feed_pages,
    export=feeds_export,
    province=province_feeds,
    templates=True,
    stylesheet="feeds.css",
    links={"feeds": feed_links},
)
