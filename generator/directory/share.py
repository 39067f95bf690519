"""Blocks for the village, officer and post pages: save to contacts
("保存到通讯录"), the page's QR code (its permanent absolute URL) and the
printable's link."""

from __future__ import annotations

from markupsafe import Markup

from ..core.pages import absolute_url
from ..core.qr import qr_svg
from ..core.render import Renderer
from ..core.settings import SiteConfig, site_url
from . import urls
from .grid import Grid
from .schema import Officer, Post, Village


def village_share(renderer: Renderer, grid: Grid, settings: SiteConfig, village: Village, here: str) -> Markup:
    url = absolute_url(site_url(settings), urls.village(village.id))
    return renderer.text(
        "directory/share_village.html", here=here, village=village, officers=grid.officers_of(village),
        address=url, qr=qr_svg(url, title=f"{village.name}的民警 二维码"),
    )


def officer_share(renderer: Renderer, settings: SiteConfig, officer: Officer, here: str) -> Markup:
    url = absolute_url(site_url(settings), urls.officer(officer.id))
    return renderer.text(
        "directory/share_officer.html", here=here, officer=officer,
        address=url, qr=qr_svg(url, title=f"{officer.name} 二维码"),
    )


def post_share(renderer: Renderer, post: Post, here: str) -> Markup:
    return renderer.text("directory/share_post.html", here=here, post=post)
