"""立项整改: /actions/ (by status, 整改中 first, then by township; no
JavaScript needed), /actions/<slug>/, and the latest items on the home, post
and village pages. Feeds take the items from feeds/pages.py.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from ..core.markup import render_markdown
from ..core.pages import SiteOutput, src_of
from ..core.pinyin import sort_key
from ..core.render import Renderer
from ..directory.schema import Post, Village
from ..feeds.urls import feed_links
from . import urls
from .model import ActionEntry, by_status, published_actions
from .schema import STATUS_ORDER

TITLE = "群众提的事，我们这样办"
BLOCK_ITEMS = 3  # items on a home, post or village page


def action_pages(today: date, renderer: Renderer, actions: tuple[ActionEntry, ...]) -> SiteOutput:
    out = SiteOutput()
    shown = published_actions(actions, today)
    groups = []
    for status, items in by_status(shown):
        townships = sorted({t for a in items for t in a.townships}, key=sort_key)
        groups.append((status, [(t, [a for a in items if t in a.townships]) for t in townships]))
    out.pages.append(renderer.page(
        "actions/actions_index.html", src_of(urls.ACTIONS), TITLE,
        groups=groups, counts={s: sum(1 for a in shown if a.status == s) for s in STATUS_ORDER},
        feeds=feed_links(),
    ))
    for action in shown:
        out.pages.append(renderer.page(
            "actions/action.html", src_of(action.url), action.title,
            action=action, body=render_markdown(action.body), feeds=feed_links(),
        ))
    return out


def _block(renderer: Renderer, found: list[ActionEntry], here: str, where: str) -> Markup:
    if not found:
        return Markup("")
    return renderer.text(
        "actions/block.html", here=here, actions=found[:BLOCK_ITEMS], more=len(found) > BLOCK_ITEMS,
        where=where,
    )


def home_actions(renderer: Renderer, actions: tuple[ActionEntry, ...], today: date, here: str) -> Markup:
    return _block(renderer, published_actions(actions, today), here, "全县")


def post_actions(
    renderer: Renderer, actions: tuple[ActionEntry, ...], today: date, post: Post, here: str
) -> Markup:
    found = [a for a in published_actions(actions, today) if a.concerns_post(post)]
    return _block(renderer, found, here, post.name)


def village_actions(
    renderer: Renderer, actions: tuple[ActionEntry, ...], today: date, village: Village, post: Post,
    here: str,
) -> Markup:
    found = [a for a in published_actions(actions, today) if a.concerns_village(village, post)]
    return _block(renderer, found, here, village.name)
