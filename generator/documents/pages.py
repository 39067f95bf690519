"""What every dated document kind publishes the same way: its block on the
place pages, a document's page and its printable A4 sheet, its feed items."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from markupsafe import Markup

from ..core.markup import render_body
from ..core.pages import Asset, Page, absolute_url, src_of
from ..core.settings import site_url
from ..kind import Block, Build, FeedItem, Place, PlaceKind, Records, Site
from .entry import Documents, E


def document_block(
    name: str, places: Iterable[PlaceKind], records: Records[Documents[E]],
    render: Callable[[Build, Place, list[E]], Markup], county_wide: bool = True,
) -> Block:
    """A block of the documents that concern the place (the place rule, see
    entry.py); on the home page, every published one. ``county_wide=False``
    leaves out county-wide documents on post and village pages."""

    def make(build: Build, place: Place) -> Markup:
        docs = records.of(build.site)
        if place.village is not None:
            found = docs.of_village(place.village, county_wide)
        elif place.post is not None:
            found = docs.of_post(place.post, county_wide)
        else:
            found = list(docs.published)
        return render(build, place, found)

    return Block(name, frozenset(places), make)


def document_changes(records: Records[Documents[E]]) -> Callable[[Site, Site], frozenset[str] | None]:
    """Kind.changes of a document kind: the posts whose pages show documents that changed."""

    def changes(before: Site, now: Site) -> frozenset[str] | None:
        return records.of(now).changes(records.of(before), now.grid)

    return changes


def document_page(build: Build, entry: E, template: str, read_aloud: bool, **context: Any) -> Page:
    page = build.renderer.page(
        template, src_of(entry.url), entry.title, body=entry.html, **context,
    )
    return replace(page, read_aloud=read_aloud)


def document_printable(
    build: Build, entry: E, template: str, url: str, density: str, **context: Any
) -> Asset:
    """The A4 sheet at ``url``, with a QR code of the document's page."""
    online = absolute_url(site_url(build.site.settings), entry.url)
    return build.renderer.standalone(
        template, url, entry.title, body=render_body(entry.body, url),
        online=entry.url, online_absolute=online, qr=build.qr.svg(online, scale=3), density=density,
        **context,
    )


def document_media(docs: Documents[E]) -> list[Asset]:
    """The pictures of the published Word documents, under media/word/."""
    return [Asset(dest=name, content=data) for name, data in docs.published_media().items()]


def feed_items(
    build: Build, docs: Documents[E], template: str, name: str,
    title: Callable[[E], str], category: Callable[[E], str],
) -> list[FeedItem]:
    """Every published document as a feed item; its posts are those the
    place rule gives (named, or the posts of the villages named)."""
    grid = build.site.grid
    out = []
    for entry in docs.published:
        html = build.renderer.text(template, here=entry.url, body=entry.html, **{name: entry})
        posts = frozenset(entry.posts) | {grid.post_of_village[v].id for v in entry.villages}
        out.append(FeedItem(entry.url, title(entry), entry.day, category(entry), html, posts, entry.county_wide))
    return out
