"""Printables, one A4 page each, outside the site theme:

    /print/v/<village-id>/         社区警务公示牌 (the village's notice board)
    /print/officers/<officer-id>/  警民联系卡 (8 contact cards to cut out)
"""

from __future__ import annotations

from ..county import County
from ..siteurl import site_url
from .base import SiteOutput, absolute_url
from .qr import qr_svg
from .render import Renderer
from .share import officer_url, village_url

CARDS_PER_SHEET = 8

ANTI_FRAUD = (
    "防范电信网络诈骗：公安机关不会通过电话、短信、网络要求您转账汇款，"
    "也没有所谓“安全账户”。陌生人让您转账、提供验证码，请立即挂断，拨打 110 或联系社区民警。"
)


def printables(county: County, renderer: Renderer) -> SiteOutput:
    base = site_url(county)
    out = SiteOutput()
    for post, village in county.iter_villages():
        url = absolute_url(base, village_url(village))
        out.assets.append(
            renderer.standalone(
                "print_village.html", f"print/v/{village.id}/", f"{village.name}社区警务公示牌",
                village=village, post=post, officers=county.officers_of(village),
                online=village_url(village), address=url, anti_fraud=ANTI_FRAUD,
                qr=qr_svg(url, scale=5, title=f"{village.name}的民警 二维码"),
            )
        )
    for officer in county.officers:
        url = absolute_url(base, officer_url(officer))
        out.assets.append(
            renderer.standalone(
                "print_officer_cards.html", f"print/officers/{officer.id}/", f"{officer.name}警民联系卡",
                officer=officer, post=county.post_of_officer[officer.id],
                villages=county.villages_of(officer), online=officer_url(officer), address=url,
                cards=CARDS_PER_SHEET, qr=qr_svg(url, scale=2.5, title=f"{officer.name} 二维码"),
            )
        )
    return out
