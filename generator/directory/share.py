"""Blocks for the village, officer and post pages: save to contacts
("保存到通讯录"), the page's QR code (its permanent absolute URL) and the
printable's link."""

from __future__ import annotations

from markupsafe import Markup

from ..core.pages import absolute_url
from ..core.settings import site_url
from ..kind import Block, Build, Place
from . import urls


def share_block(build: Build, place: Place) -> Markup:
    renderer, base = build.renderer, site_url(build.site.settings)
    if place.village is not None:
        village = place.village
        url = absolute_url(base, urls.village(village.id))
        return renderer.text(
            "directory/share_village.html", here=place.here, village=village,
            officers=build.site.grid.officers_of(village),
            address=url, qr=build.qr.svg(url, title=f"{village.name}的民警 二维码"),
        )
    if place.officer is not None:
        officer = place.officer
        url = absolute_url(base, urls.officer(officer.id))
        return renderer.text(
            "directory/share_officer.html", here=place.here, officer=officer,
            address=url, qr=build.qr.svg(url, title=f"{officer.name} 二维码"),
        )
    return renderer.text("directory/share_post.html", here=place.here, post=place.post)


SHARE_BLOCK = Block("share", frozenset(("post", "village", "officer")), share_block)
