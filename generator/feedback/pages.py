"""我要反映: the block on village, post and officer pages, and the WeChat QR images."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from ..core.files import IMAGE_TYPES, resolve_data_file
from ..core.pages import Asset, media_url
from ..core.render import Renderer
from ..core.settings import SiteConfig
from ..directory.grid import Grid
from ..directory.schema import Post
from .model import channels, mail_link, qr_refs, sms_link


def feedback_block(renderer: Renderer, settings: SiteConfig, post: Post, place: str, here: str) -> Markup:
    """The block for a page about ``place`` (a village, post or officer) served by ``post``."""
    fb = channels(settings, post)
    if not any(fb.model_dump().values()):
        return Markup("")
    return renderer.text(
        "feedback/block.html", here=here, fb=fb, place=place,
        sms=sms_link(fb.sms, place) if fb.sms else None,
        mail=mail_link(fb.email, place) if fb.email else None,
        qr=media_url(fb.wechat_qr) if fb.wechat_qr else None,
    )


def feedback_assets(settings: SiteConfig, grid: Grid, data_dir: Path) -> list[Asset]:
    """The WeChat QR images, published under media/ (missing ones are load errors)."""
    out = []
    for ref in qr_refs(settings, grid):
        found = resolve_data_file(data_dir, ref, IMAGE_TYPES)
        if not isinstance(found, str):
            out.append(Asset(dest=media_url(ref), source=found))
    return out
