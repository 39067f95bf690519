"""Safety notices: /notices/ (current first, expired ones in an archive),
/notices/<slug>/, the printable /print/notices/<slug>/, and the current
notices on the home page and on the pages of the posts and villages they concern.

"Current" is judged against the build date (cunjing build --today, else
SOURCE_DATE_EPOCH); a notice dated after it is not published yet.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core.markup import body_text
from ..core.pages import SiteOutput, src_of
from ..core.printfit import print_density
from ..documents.pages import (
    document_block,
    document_media,
    document_page,
    document_printable,
    feed_items,
)
from ..kind import Build, FeedItem, Place
from . import urls
from .model import NOTICES, NoticeEntry

_URGENCY = {"预警": 0, "通报": 1, "提示": 2}


def notice_pages(build: Build) -> SiteOutput:
    grid, renderer, today = build.site.grid, build.renderer, build.site.today
    out = SiteOutput()
    notices = NOTICES.of(build.site)
    current = [n for n in notices if n.current(today)]
    archive = [n for n in notices if not n.current(today)]
    feeds = build.links.feeds()
    out.pages.append(renderer.page(
        "notices/notices_index.html", src_of(urls.NOTICES), "安全提示",
        current=current, archive=archive, feeds=feeds,
    ))
    for notice in current + archive:
        out.pages.append(document_page(
            build, notice, "notices/notice.html", True,
            notice=notice, current=notice.current(today), feeds=feeds,
        ))
        posts = [grid.post_by_id[p] for p in notice.posts]
        posts += [grid.post_of_village[v] for v in notice.villages]
        contacts = list({p.id: p for p in posts}.values())
        out.assets.append(document_printable(
            build, notice, "notices/print_notice.html", notice.print_url,
            print_density(notice.title, body_text(notice.body), 0, len(contacts), extra_mm=11),
            notice=notice, contacts=contacts,
        ))
    out.assets.extend(document_media(notices))
    return out


# Place pages show the most urgent few; the rest are one tap away on /notices/.
NOTICES_SHOWN = 3


def _current_block(build: Build, place: Place, found: list[NoticeEntry]) -> Markup:
    """Current notices, warnings first (then newest first)."""
    today = build.site.today
    shown = sorted((n for n in found if n.current(today)), key=lambda n: _URGENCY[n.level])
    if not shown:
        return Markup("")
    return build.renderer.text(
        "notices/block.html", here=place.here, notices=shown[:NOTICES_SHOWN], more=len(shown) - NOTICES_SHOWN,
    )


NOTICES_BLOCK = document_block("notices", ("home", "post", "village"), NOTICES, _current_block)


def notice_feed(build: Build) -> list[FeedItem]:
    return feed_items(
        build, NOTICES.of(build.site), "notices/feed_notice.html", "notice",
        lambda n: f"【{n.level}】{n.title}", lambda n: n.level,
    )
