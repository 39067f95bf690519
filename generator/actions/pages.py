"""立项整改: /actions/ (by status, 整改中 first, then by township; no
JavaScript needed), /actions/<slug>/, and the latest items on the home, post
and village pages."""

from __future__ import annotations

from markupsafe import Markup

from ..core.pages import SiteOutput, src_of
from ..core.pinyin import sort_key
from ..documents.pages import document_block, document_page, feed_items
from ..kind import Build, FeedItem, Place
from . import urls
from .model import ACTIONS, ActionEntry, by_status
from .schema import STATUS_ORDER

TITLE = "群众提的事，我们这样办"
BLOCK_ITEMS = 3  # items on a home, post or village page


def action_pages(build: Build) -> SiteOutput:
    out = SiteOutput()
    shown = ACTIONS.of(build.site).published
    groups = []
    for status, items in by_status(shown):
        townships = sorted({t for a in items for t in a.townships}, key=sort_key)
        groups.append((status, [(t, [a for a in items if t in a.townships]) for t in townships]))
    feeds = build.links.feeds()
    out.pages.append(build.renderer.page(
        "actions/actions_index.html", src_of(urls.ACTIONS), TITLE,
        groups=groups, counts={s: sum(1 for a in shown if a.status == s) for s in STATUS_ORDER},
        feeds=feeds,
    ))
    for action in shown:
        out.pages.append(document_page(build, action, "actions/action.html", False, action=action, feeds=feeds))
    return out


def _block(build: Build, place: Place, found: list[ActionEntry]) -> Markup:
    if not found:
        return Markup("")
    where = place.village.name if place.village else place.post.name if place.post else "全县"
    return build.renderer.text(
        "actions/block.html", here=place.here, actions=found[:BLOCK_ITEMS], more=len(found) > BLOCK_ITEMS,
        where=where,
    )


ACTIONS_BLOCK = document_block("actions", ("home", "post", "village"), ACTIONS, _block)


def action_feed(build: Build) -> list[FeedItem]:
    return feed_items(
        build, ACTIONS.of(build.site), "actions/feed_action.html", "action",
        lambda a: f"【{a.status}】{a.title}", lambda a: "立项整改",
    )
