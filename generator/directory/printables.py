"""Printables, one A4 page each, outside the site theme:

    /print/v/<village-id>/         社区警务公示牌 (the village's notice board)
    /print/officers/<officer-id>/  警民联系卡 (8 contact cards to cut out)
"""

from __future__ import annotations

from ..core.pages import Asset, absolute_url
from ..core.qr import qr_svg
from ..core.render import Renderer
from ..core.settings import SiteConfig, site_url
from . import urls
from .grid import Grid

CARDS_PER_SHEET = 8

ANTI_FRAUD = (
    "防范电信网络诈骗：公安机关不会通过电话、短信、网络要求您转账汇款，"
    "也没有所谓“安全账户”。陌生人让您转账、提供验证码，请立即挂断，拨打 110 或联系社区民警。"
)


def printables(grid: Grid, settings: SiteConfig, renderer: Renderer) -> list[Asset]:
    base = site_url(settings)
    out = []
    for post, village in grid.iter_villages():
        online = urls.village(village.id)
        address = absolute_url(base, online)
        out.append(
            renderer.standalone(
                "directory/print_village.html", urls.village_board(village.id), f"{village.name}社区警务公示牌",
                village=village, post=post, officers=grid.officers_of(village),
                online=online, address=address, anti_fraud=ANTI_FRAUD,
                qr=qr_svg(address, scale=5, title=f"{village.name}的民警 二维码"),
            )
        )
    for officer in grid.officers:
        online = urls.officer(officer.id)
        address = absolute_url(base, online)
        out.append(
            renderer.standalone(
                "directory/print_officer_cards.html", urls.officer_cards(officer.id), f"{officer.name}警民联系卡",
                officer=officer, post=grid.post_of_officer[officer.id],
                villages=grid.villages_of(officer), online=online, address=address,
                cards=CARDS_PER_SHEET, qr=qr_svg(address, scale=2.5, title=f"{officer.name} 二维码"),
            )
        )
    return out
