"""A post's feedback channels: its own values over the site's, field by field.

Every channel is a link or a picture: the site stays static and nothing is
posted to a server of ours.
"""

from __future__ import annotations

from urllib.parse import quote

from ..core import phones
from ..core.settings import Feedback, SiteConfig
from ..directory.grid import Grid
from ..directory.schema import Post


def channels(settings: SiteConfig, post: Post | None) -> Feedback:
    """The site's channels with the post's values written over them, field by field."""
    own = post.feedback if post is not None else None
    if own is None:
        return settings.feedback
    return settings.feedback.model_copy(update=own.model_dump(exclude_none=True))


def sms_link(number: str, place: str) -> str:
    """sms:NUMBER?body=【place】 (UTF-8, percent-encoded): Android and iOS 8+ read ``?body=``."""
    return f"sms:{phones.digits(number)}?body={quote(f'【{place}】', safe='')}"


def mail_link(address: str, place: str) -> str:
    """mailto: with a prefilled subject naming the place."""
    return f"mailto:{address}?subject={quote(f'【{place}】意见建议', safe='')}"


def published_numbers(settings: SiteConfig, grid: Grid) -> set[str]:
    """Phone and SMS numbers of the site's and the posts' feedback: published."""
    found = [settings.feedback, *(p.feedback for p in grid.posts if p.feedback is not None)]
    return {n for fb in found for n in (fb.phone, fb.sms) if n}


def qr_refs(settings: SiteConfig, grid: Grid) -> list[str]:
    """Every WeChat QR image the site shows (data/-relative)."""
    found = [settings.feedback, *(p.feedback for p in grid.posts if p.feedback is not None)]
    return sorted({fb.wechat_qr for fb in found if fb.wechat_qr})
