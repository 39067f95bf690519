"""Safety notices: /notices/ (current first, expired ones in an archive),
/notices/<slug>/, the printable /print/notices/<slug>/, and the current
notices on the home page and on the pages of the posts and villages they name.

"Current" is judged against county.today (cunjing build --today, else
SOURCE_DATE_EPOCH); a notice dated after it is not published yet.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..bulletin import (
    NoticeEntry,
    concerns_post,
    concerns_village,
    current_notices,
    expired_notices,
)
from ..county import County
from ..markup import render_markdown
from ..schema import Post, Village
from .base import Asset, Page, SiteOutput, absolute_url
from .bulletin_fmt import context, print_density
from .feeds import feed_links
from .qr import qr_svg
from .render import Renderer


def notice_pages(county: County, renderer: Renderer) -> SiteOutput:
    out = SiteOutput()
    current = current_notices(county)
    archive = expired_notices(county)
    out.pages.append(renderer.page(
        "notices_index.html", "notices/index.md", "安全提示",
        **context(county, current=current, archive=archive, feeds=feed_links(county)),
    ))
    for notice in current + archive:
        out.pages.append(notice_page(county, renderer, notice))
        out.assets.append(notice_printable(county, renderer, notice))
    return out


def notice_page(county: County, renderer: Renderer, notice: NoticeEntry) -> Page:
    return renderer.page(
        "notice.html", f"notices/{notice.slug}.md", notice.title,
        **context(
            county, notice=notice, body=render_markdown(notice.body),
            current=notice.current(county.today), feeds=feed_links(county),
        ),
    )


def notice_printable(county: County, renderer: Renderer, notice: NoticeEntry) -> Asset:
    site_url = county.site.site_url
    online = absolute_url(site_url, notice.url) if site_url else None
    posts = [county.post_by_id[p] for p in notice.posts]
    posts += [county.post_of_village[v] for v in notice.villages]
    contacts = list({p.id: p for p in posts}.values())
    return renderer.standalone(
        "print_notice.html", notice.print_url, notice.title,
        **context(
            county, notice=notice, body=render_markdown(notice.body), contacts=contacts,
            online=notice.url, online_absolute=online, qr=qr_svg(online, scale=3) if online else None,
            density=print_density(notice.title, notice.body, 0, len(contacts), extra_mm=11),
        ),
    )


_URGENCY = {"预警": 0, "通报": 1, "提示": 2}


def notices_panel(renderer: Renderer, county: County, subject: Any, here: str) -> Markup:
    """Current notices, warnings first: all of them on the home page; on a post's or
    village's page those naming it, its villages or its post, and the county-wide ones."""
    notices = sorted(current_notices(county), key=lambda n: _URGENCY[n.level])  # stable: newest next
    if isinstance(subject, Post):
        notices = [n for n in notices if concerns_post(n, county, subject)]
    elif isinstance(subject, Village):
        notices = [n for n in notices if concerns_village(n, county, subject)]
    if not notices:
        return Markup("")
    return renderer.text("panel_notices.html", **context(county, here=here, notices=notices))
