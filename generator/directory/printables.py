"""Printables, one A4 page each, outside the site theme:

    /print/v/<village-id>/         社区警务公示牌 (the village's notice board)
    /print/officers/<officer-id>/  警民联系卡 (8 contact cards to cut out)

The board is read from two metres: the officers' names and phones in type of
at least 16.5 mm, 110 as large, the QR code over 50 mm (print.css; measured in
millimetres from the printed PDF by tests/directory/test_board_print.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from ..core import dates
from ..core.pages import Asset, Part, absolute_url
from ..core.printfit import card_layout
from ..core.settings import site_url
from . import urls
from .grid import post_scope
from .schema import Post

if TYPE_CHECKING:
    from ..kind import Build, Site

CARDS_PER_SHEET = 8

ANTI_FRAUD = (
    "防范电信网络诈骗：公安机关不会通过电话、短信、网络要求您转账汇款，"
    "也没有所谓“安全账户”。陌生人让您转账、提供验证码，请立即挂断，拨打 110 或联系社区民警。"
)
# 全国反诈预警劝阻专线: residents may call it to ask whether a call is a fraud.
ANTI_FRAUD_LINE = "96110"


def _reception(site: Site, post: Post) -> str | None:
    """The post's 警民相约警务室 hours as the events calendar shows them, e.g. 每周四 9:00—11:30."""
    if "events" not in site.records:
        return None
    from ..events.model import CALENDAR  # here, not above: events imports the directory

    entry = CALENDAR.of(site).reception_of(post)
    return dates.rule_text(entry.rule, entry.start, entry.end) if entry is not None else None


def _station_phones(site: Site) -> dict[str, str | None]:
    """Each post's 派出所 phone, where data/stations.yml gives it."""
    if "stations" not in site.records:
        return {}
    from ..stations.load import STATIONS, station_finder

    station_of = station_finder(STATIONS.of(site))
    return {
        post.id: station.phone if (station := station_of(post.township, post.station)) else None
        for post in site.grid.posts
    }


def printables(build: Build) -> Iterator[Part]:
    """Each village's board and each officer's cards, made one by one (see
    SiteOutput.coming), in parts of one post's scope."""
    site, renderer = build.site, build.renderer
    grid, settings = site.grid, site.settings
    base = site_url(settings)
    issued = dates.date_text(site.today)
    reception = {post.id: _reception(site, post) for post in grid.posts}
    station_phone = _station_phones(site)

    def boards(post: Post) -> Iterator[Asset]:
        for village in post.villages:
            online = urls.village(village.id)
            address = absolute_url(base, online)
            yield renderer.standalone(
                "directory/print_village.html", urls.village_board(village.id), f"{village.name}社区警务公示牌",
                village=village, post=post, officers=grid.officers_of(village), staff=grid.staff_of(village),
                reception=reception[post.id], station_phone=station_phone.get(post.id),
                online=online, address=address, anti_fraud=ANTI_FRAUD, anti_fraud_line=ANTI_FRAUD_LINE,
                issued=issued, qr=build.qr.svg(address, scale=5, title=f"{village.name}的民警 二维码"),
            )

    def cards(post: Post) -> Iterator[Asset]:
        for officer in post.officers:
            online = urls.officer(officer.id)
            address = absolute_url(base, online)
            villages = grid.villages_of(officer)
            yield renderer.standalone(
                "directory/print_officer_cards.html", urls.officer_cards(officer.id), f"{officer.name}警民联系卡",
                officer=officer, post=post, villages=villages, online=online, address=address,
                reception=reception[post.id],
                layout=card_layout(
                    [v.name for v in villages], post.name, post.phone, post.address, post.hours, reception[post.id]
                ),
                cards=CARDS_PER_SHEET, qr=build.qr.svg(address, scale=2.5, title=f"{officer.name} 二维码"),
            )

    for name, make in (("boards", boards), ("cards", cards)):
        for post in grid.posts:
            yield Part(f"directory:{name}:{post.id}", frozenset((post_scope(post.id),)), partial(make, post))
