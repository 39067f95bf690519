"""Atom and RSS 2.0 feeds of reports, notices and 立项整改 (actions), county-wide and per post.

    /feeds/all.atom.xml, /feeds/all.rss.xml
    /feeds/posts/<post-id>.atom.xml, /feeds/posts/<post-id>.rss.xml

Written with ElementTree (correct escaping). Links are absolute, from
site.yml's site_url; an entry's id is its page's permanent URL; every date
comes from the data (never the clock), so feeds are reproducible.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime

from markupsafe import Markup

from ..actions.model import ActionEntry, published_actions
from ..core.markup import render_markdown
from ..core.pages import Asset, absolute_url
from ..core.render import Renderer
from ..core.settings import SiteConfig, site_url
from ..directory import urls as directory_urls
from ..directory.grid import Grid
from ..notices.model import NoticeEntry, published_notices
from ..reports import urls as reports_urls
from ..reports.model import ReportEntry, published_reports
from .urls import FeedLinks, feed_links

ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"
CHINA = timezone(timedelta(hours=8), "CST")
ATOM_TYPE = "application/atom+xml"
RSS_TYPE = "application/rss+xml"
# RSS borrows Atom's rel="self" link under the usual "atom:" prefix.
ET.register_namespace("atom", ATOM)


@dataclass(frozen=True)
class Entry:
    url: str  # absolute; also the entry's id
    title: str
    day: date
    category: str
    html: Markup


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=CHINA)


def _entries(
    base: str, renderer: Renderer, reports: list[ReportEntry], notices: list[NoticeEntry],
    actions: Sequence[ActionEntry] = (),
) -> list[Entry]:
    out: list[tuple[date, str, Entry]] = []
    for report in reports:
        html = renderer.text(
            "reports/feed_report.html", here=report.url, report=report, body=render_markdown(report.body),
        )
        url = absolute_url(base, report.url)
        out.append((report.date, report.url, Entry(url, report.title, report.date, "工作报告", html)))
    for notice in notices:
        html = renderer.text(
            "notices/feed_notice.html", here=notice.url, notice=notice, body=render_markdown(notice.body),
        )
        url = absolute_url(base, notice.url)
        title = f"【{notice.level}】{notice.title}"
        out.append((notice.date, notice.url, Entry(url, title, notice.date, notice.level, html)))
    for action in actions:
        html = renderer.text(
            "actions/feed_action.html", here=action.url, action=action, body=render_markdown(action.body),
        )
        url = absolute_url(base, action.url)
        title = f"【{action.status}】{action.title}"
        out.append((action.day, action.url, Entry(url, title, action.day, "立项整改", html)))
    # Newest first; same day: by address, so the order never depends on the file system.
    out.sort(key=lambda item: (-item[0].toordinal(), item[1]))
    return [entry for _, _, entry in out]


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def atom_feed(
    settings: SiteConfig, today: date, title: str, self_url: str, page_url: str, entries: list[Entry]
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
        entry = _sub(feed, a + "entry")
        _sub(entry, a + "id", e.url)
        _sub(entry, a + "title", e.title)
        _sub(entry, a + "link", rel="alternate", type="text/html", href=e.url)
        _sub(entry, a + "published", _moment(e.day).isoformat())
        _sub(entry, a + "updated", _moment(e.day).isoformat())
        _sub(entry, a + "category", term=e.category)
        # Relative links inside an editor's Markdown resolve against the page.
        _sub(entry, a + "content", str(e.html), type="html", **{f"{{{XML}}}base": e.url})
    ET.indent(feed)
    xml: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


def rss_feed(
    settings: SiteConfig, today: date, title: str, self_url: str, page_url: str, entries: list[Entry]
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
        item = _sub(channel, "item")
        _sub(item, "title", e.title)
        _sub(item, "link", e.url)
        _sub(item, "guid", e.url, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(_moment(e.day)))
        _sub(item, "category", e.category)
        _sub(item, "description", str(e.html))
    ET.indent(rss)
    xml: bytes = ET.tostring(rss, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


def feeds(
    grid: Grid, settings: SiteConfig, today: date, renderer: Renderer,
    reports: tuple[ReportEntry, ...], notices: tuple[NoticeEntry, ...],
    actions: tuple[ActionEntry, ...] = (),
) -> list[Asset]:
    """The county's feeds and each post's: reports and notices, newest first."""
    base = site_url(settings)
    published = published_reports(reports, today)
    shown = published_notices(notices, today)
    raised = published_actions(actions, today)
    out: list[Asset] = []

    def pair(links: FeedLinks, title: str, page: str, entries: list[Entry]) -> None:
        page_url = absolute_url(base, page)
        for dest, make in ((links.atom, atom_feed), (links.rss, rss_feed)):
            out.append(Asset(
                dest=dest,
                content=make(settings, today, title, absolute_url(base, dest), page_url, entries),
            ))

    everything = _entries(base, renderer, published, shown, raised)
    pair(feed_links(), f"{settings.title}：工作报告和安全提示", reports_urls.REPORTS, everything)
    for post in grid.posts:
        entries = _entries(
            base, renderer,
            [r for r in published if r.post == post.id],
            [n for n in shown if n.concerns_post(post)],
            [a for a in raised if a.concerns_post(post)],
        )
        pair(feed_links(post.id), f"{post.name}：工作报告和安全提示", directory_urls.post(post.id), entries)
    return out
