"""Atom and RSS 2.0 feeds of every kind's feed items (reports, notices,
立项整改), county-wide and per post.

    /feeds/all.atom.xml, /feeds/all.rss.xml
    /feeds/posts/<post-id>.atom.xml, /feeds/posts/<post-id>.rss.xml

Written with ElementTree (correct escaping). Links are absolute, from
site.yml's site_url; an entry's id is its page's permanent URL; every date
comes from the data (never the clock), so feeds are reproducible.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime

from ..core.pages import Asset, SiteOutput, absolute_url
from ..core.settings import SiteConfig, site_url
from ..kind import Build, FeedItem
from .urls import FeedLinks, feed_links

ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"
CHINA = timezone(timedelta(hours=8), "CST")
ATOM_TYPE = "application/atom+xml"
RSS_TYPE = "application/rss+xml"
# RSS borrows Atom's rel="self" link under the usual "atom:" prefix.
ET.register_namespace("atom", ATOM)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=CHINA)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def atom_feed(
    settings: SiteConfig, today: date, title: str, self_url: str, page_url: str, base: str,
    entries: list[FeedItem],
) -> bytes:
    a = ""  # Atom elements are unprefixed, in the default namespace declared on <feed>
    updated = max((e.day for e in entries), default=today)
    feed = ET.Element("feed", {"xmlns": ATOM, f"{{{XML}}}lang": "zh-CN"})
    _sub(feed, a + "id", self_url)
    _sub(feed, a + "title", title)
    _sub(feed, a + "updated", _moment(updated).isoformat())
    _sub(feed, a + "link", rel="self", type=ATOM_TYPE, href=self_url)
    _sub(feed, a + "link", rel="alternate", type="text/html", href=page_url)
    author = _sub(feed, a + "author")
    _sub(author, a + "name", settings.authority)
    for e in entries:
        url = absolute_url(base, e.url)
        entry = _sub(feed, a + "entry")
        _sub(entry, a + "id", url)
        _sub(entry, a + "title", e.title)
        _sub(entry, a + "link", rel="alternate", type="text/html", href=url)
        _sub(entry, a + "published", _moment(e.day).isoformat())
        _sub(entry, a + "updated", _moment(e.day).isoformat())
        _sub(entry, a + "category", term=e.category)
        # Relative links inside an editor's Markdown resolve against the page.
        _sub(entry, a + "content", str(e.html), type="html", **{f"{{{XML}}}base": url})
    ET.indent(feed)
    xml: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


def rss_feed(
    settings: SiteConfig, today: date, title: str, self_url: str, page_url: str, base: str,
    entries: list[FeedItem],
) -> bytes:
    updated = max((e.day for e in entries), default=today)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    _sub(channel, "title", title)
    _sub(channel, "link", page_url)
    _sub(channel, "description", f"{settings.authority}发布的工作报告和安全提示")
    _sub(channel, "language", "zh-cn")
    _sub(channel, "pubDate", format_datetime(_moment(updated)))
    _sub(channel, f"{{{ATOM}}}link", rel="self", type=RSS_TYPE, href=self_url)
    for e in entries:
        url = absolute_url(base, e.url)
        item = _sub(channel, "item")
        _sub(item, "title", e.title)
        _sub(item, "link", url)
        _sub(item, "guid", url, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(_moment(e.day)))
        _sub(item, "category", e.category)
        _sub(item, "description", str(e.html))
    ET.indent(rss)
    xml: bytes = ET.tostring(rss, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


def feed_items(build: Build) -> list[FeedItem]:
    """Every kind's feed items, newest first; the same day by address, so the
    order never depends on the file system."""
    items = [item for kind in build.kinds if kind.feed for item in kind.feed(build)]
    items.sort(key=lambda item: (-item.day.toordinal(), item.url))
    return items


def feed_pages(build: Build) -> SiteOutput:
    """The county's feeds (every item) and each post's (the items that concern it), newest first."""
    settings, today = build.site.settings, build.site.today
    base = site_url(settings)
    out = SiteOutput()
    items = feed_items(build)

    def pair(links: FeedLinks, title: str, page: str, entries: list[FeedItem]) -> None:
        page_url = absolute_url(base, page)
        for dest, make in ((links.atom, atom_feed), (links.rss, rss_feed)):
            out.assets.append(Asset(
                dest=dest,
                content=make(settings, today, title, absolute_url(base, dest), page_url, base, entries),
            ))

    pair(feed_links(), f"{settings.title}：工作报告和安全提示", build.links.reports, items)
    for post in build.site.grid.posts:
        pair(
            feed_links(post.id), f"{post.name}：工作报告和安全提示", build.links.post(post.id),
            [i for i in items if i.county_wide or post.id in i.posts],
        )
    return out
