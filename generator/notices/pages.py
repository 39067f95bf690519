"""Safety notices: /notices/ (current first, expired ones in an archive),
/notices/<slug>/, the printable /print/notices/<slug>/, and the current
notices on the home page and on the pages of the posts and villages they name.

"Current" is judged against the build date (cunjing build --today, else
SOURCE_DATE_EPOCH); a notice dated after it is not published yet.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from markupsafe import Markup

from ..core.markup import render_markdown
from ..core.pages import Asset, Page, SiteOutput, absolute_url, src_of
from ..core.printfit import print_density
from ..core.qr import qr_svg
from ..core.render import Renderer
from ..core.settings import SiteConfig, site_url
from ..directory.grid import Grid
from ..directory.schema import Post, Village
from ..feeds.urls import feed_links
from . import urls
from .model import NoticeEntry, current_notices, expired_notices


def notice_pages(
    grid: Grid, settings: SiteConfig, today: date, renderer: Renderer, notices: tuple[NoticeEntry, ...]
) -> SiteOutput:
    out = SiteOutput()
    current = current_notices(notices, today)
    archive = expired_notices(notices, today)
    out.pages.append(renderer.page(
        "notices/notices_index.html", src_of(urls.NOTICES), "安全提示",
        current=current, archive=archive, feeds=feed_links(),
    ))
    for notice in current + archive:
        out.pages.append(notice_page(renderer, today, notice))
        out.assets.append(notice_printable(grid, settings, renderer, notice))
    return out


def notice_page(renderer: Renderer, today: date, notice: NoticeEntry) -> Page:
    return replace(renderer.page(
        "notices/notice.html", src_of(notice.url), notice.title,
        notice=notice, body=render_markdown(notice.body),
        current=notice.current(today), feeds=feed_links(),
    ), read_aloud=True)


def notice_printable(grid: Grid, settings: SiteConfig, renderer: Renderer, notice: NoticeEntry) -> Asset:
    online = absolute_url(site_url(settings), notice.url)
    posts = [grid.post_by_id[p] for p in notice.posts]
    posts += [grid.post_of_village[v] for v in notice.villages]
    contacts = list({p.id: p for p in posts}.values())
    return renderer.standalone(
        "notices/print_notice.html", notice.print_url, notice.title,
        notice=notice, body=render_markdown(notice.body), contacts=contacts,
        online=notice.url, online_absolute=online, qr=qr_svg(online, scale=3),
        density=print_density(notice.title, notice.body, 0, len(contacts), extra_mm=11),
    )


_URGENCY = {"预警": 0, "通报": 1, "提示": 2}


def _urgent_first(notices: tuple[NoticeEntry, ...], today: date) -> list[NoticeEntry]:
    return sorted(current_notices(notices, today), key=lambda n: _URGENCY[n.level])  # stable: newest next


def _block(renderer: Renderer, found: list[NoticeEntry], here: str) -> Markup:
    if not found:
        return Markup("")
    return renderer.text("notices/block.html", here=here, notices=found)


def home_notices(renderer: Renderer, notices: tuple[NoticeEntry, ...], today: date, here: str) -> Markup:
    """Every current notice, warnings first."""
    return _block(renderer, _urgent_first(notices, today), here)


def post_notices(
    renderer: Renderer, notices: tuple[NoticeEntry, ...], today: date, post: Post, here: str
) -> Markup:
    """Current notices naming the post or one of its villages, and the county-wide ones."""
    return _block(renderer, [n for n in _urgent_first(notices, today) if n.concerns_post(post)], here)


def village_notices(
    renderer: Renderer, notices: tuple[NoticeEntry, ...], today: date, village: Village, post: Post,
    here: str,
) -> Markup:
    """Current notices naming the village or its post, and the county-wide ones."""
    found = [n for n in _urgent_first(notices, today) if n.concerns_village(village, post)]
    return _block(renderer, found, here)
