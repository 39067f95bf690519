"""Contact cards (vCard 3.0) for officers and posts, saved into a phone's address book:
/contacts/officers/<officer-id>.vcf and /contacts/posts/<post-id>.vcf."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from functools import partial

from ..core import phones
from ..core.pages import Asset, Part, absolute_url
from ..core.settings import SiteConfig, site_url
from ..core.vcard import VCard
from . import urls
from .grid import Grid, post_scope
from .schema import Officer, Post

# Two-character family names; any other name's family name is its first character.
COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
    "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "万俟",
    "申屠", "钟离", "闻人", "澹台", "公羊", "太史", "赫连", "拓跋",
)


def split_name(name: str) -> tuple[str, str]:
    """(family, given) of a Chinese name; names of other forms stay whole as given."""
    if "·" in name or "•" in name or len(name) > 4 or len(name) < 2:
        return "", name
    for surname in COMPOUND_SURNAMES:
        if name.startswith(surname) and len(name) > len(surname):
            return surname, name[len(surname):]
    return name[0], name[1:]


def _tel_value(phone: str) -> str:
    # The same number as the page's tel: link: only + and ASCII digits.
    return phones.tel_href(phone).removeprefix("tel:")


def _tel_types(phone: str) -> str:
    return "TYPE=CELL,VOICE" if phones.is_mobile(phone) else "TYPE=WORK,VOICE"


def _address(settings: SiteConfig, post: Post) -> list[str]:
    # post office box; extended address; street; locality; region; postal code; country
    return ["", "", post.address, post.township, settings.county, "", "中国"]


def _uid(url: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, url))


def officer_vcard(grid: Grid, settings: SiteConfig, officer: Officer, page_url: str) -> bytes:
    post = grid.post_of_officer[officer.id]
    villages = "、".join(v.name for v in grid.villages_of(officer))
    card = VCard()
    card.text("FN", officer.name)
    family, given = split_name(officer.name)
    card.structured("N", [family, given, "", "", ""])
    card.structured("ORG", [settings.authority, post.station, post.name])
    title = f"社区民警（{officer.rank}）"
    if officer.village_role:
        title += f"，{officer.village_role}"
    card.text("TITLE", title)
    card.uri("TEL", _tel_value(officer.phone), _tel_types(officer.phone), "TYPE=PREF")
    card.uri("TEL", _tel_value(post.phone), "TYPE=WORK,VOICE")
    card.structured("ADR", _address(settings, post), "TYPE=WORK")
    card.text(
        "NOTE",
        f"负责村（社区）：{villages}。警号：{officer.badge}。{post.name}电话：{post.phone}，"
        f"地址：{post.address}，办公时间：{post.hours}。紧急情况请拨打 {settings.emergency}。",
    )
    card.text("CATEGORIES", "社区民警")
    card.uri("URL", page_url)
    card.uri("UID", _uid(page_url))
    return card.to_bytes()


def post_vcard(settings: SiteConfig, post: Post, page_url: str) -> bytes:
    villages = "、".join(v.name for v in post.villages)
    officers = "；".join(f"{o.name} {o.phone}" for o in post.officers)
    card = VCard()
    card.text("FN", post.name)
    card.structured("N", [post.name, "", "", "", ""])
    card.structured("ORG", [settings.authority, post.station, post.name])
    card.uri("TEL", _tel_value(post.phone), "TYPE=WORK,VOICE", "TYPE=PREF")
    card.structured("ADR", _address(settings, post), "TYPE=WORK")
    card.text(
        "NOTE",
        f"负责村（社区）：{villages}。社区民警：{officers}。办公时间：{post.hours}。"
        f"紧急情况请拨打 {settings.emergency}。",
    )
    card.text("CATEGORIES", "警务室")
    card.uri("URL", page_url)
    card.uri("UID", _uid(page_url))
    card.uri("X-ABSHOWAS", "COMPANY")
    return card.to_bytes()


def contact_cards(grid: Grid, settings: SiteConfig) -> Iterator[Part]:
    """Each officer's vCard, then each post's, in parts of one post's scope."""
    base = site_url(settings)

    def officers(post: Post) -> Iterator[Asset]:
        for officer in post.officers:
            page = absolute_url(base, urls.officer(officer.id))
            yield Asset(dest=urls.officer_vcard(officer.id), content=officer_vcard(grid, settings, officer, page))

    def own(post: Post) -> Iterator[Asset]:
        page = absolute_url(base, urls.post(post.id))
        yield Asset(dest=urls.post_vcard(post.id), content=post_vcard(settings, post, page))

    for name, make in (("officer-vcards", officers), ("post-vcard", own)):
        for post in grid.posts:
            yield Part(f"directory:{name}:{post.id}", frozenset((post_scope(post.id),)), partial(make, post))
