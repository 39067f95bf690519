"""Panels on the core pages: save to contacts, the page's QR code, printables.

village.top and officer.bottom show the page's QR code (its permanent
absolute URL) and link the printable; village, officer and post pages link
their vCards ("保存到通讯录").
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..county import County
from ..schema import Officer, Post, Village
from ..siteurl import site_url
from .base import absolute_url
from .qr import qr_svg
from .render import Renderer


def village_url(village: Village) -> str:
    return f"v/{village.id}/"


def officer_url(officer: Officer) -> str:
    return f"officers/{officer.id}/"


def village_panel(renderer: Renderer, county: County, village: Any, here: str) -> Markup:
    assert isinstance(village, Village)
    url = absolute_url(site_url(county), village_url(village))
    return renderer.text(
        "share_village.html", here=here, village=village, officers=county.officers_of(village),
        url=url, qr=qr_svg(url, title=f"{village.name}的民警 二维码"),
    )


def officer_panel(renderer: Renderer, county: County, officer: Any, here: str) -> Markup:
    assert isinstance(officer, Officer)
    url = absolute_url(site_url(county), officer_url(officer))
    return renderer.text(
        "share_officer.html", here=here, officer=officer,
        url=url, qr=qr_svg(url, title=f"{officer.name} 二维码"),
    )


def post_panel(renderer: Renderer, county: County, post: Any, here: str) -> Markup:
    assert isinstance(post, Post)
    return renderer.text("share_post.html", here=here, post=post)
