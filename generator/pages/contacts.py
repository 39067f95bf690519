"""vCards: /contacts/officers/<officer-id>.vcf and /contacts/posts/<post-id>.vcf."""

from __future__ import annotations

from ..contacts import officer_vcard, post_vcard
from ..county import County
from ..siteurl import site_url
from .base import Asset, SiteOutput, absolute_url
from .render import Renderer


def officer_card_url(officer_id: str) -> str:
    return f"contacts/officers/{officer_id}.vcf"


def post_card_url(post_id: str) -> str:
    return f"contacts/posts/{post_id}.vcf"


def contact_cards(county: County, renderer: Renderer) -> SiteOutput:
    base = site_url(county)
    out = SiteOutput()
    for officer in county.officers:
        page = absolute_url(base, f"officers/{officer.id}/")
        out.assets.append(Asset(dest=officer_card_url(officer.id), content=officer_vcard(county, officer, page)))
    for post in county.posts:
        page = absolute_url(base, f"posts/{post.id}/")
        out.assets.append(Asset(dest=post_card_url(post.id), content=post_vcard(county, post, page)))
    return out
