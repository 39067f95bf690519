"""我要反映: the block on village, post and officer pages, and the WeChat QR images."""

from __future__ import annotations

from markupsafe import Markup

from ..core.files import IMAGE_TYPES, resolve_data_file
from ..core.pages import Asset, SiteOutput, media_url
from ..kind import Block, Build, Place
from .model import channels, mail_link, qr_refs, sms_link


def feedback_block(build: Build, place: Place) -> Markup:
    """The block for a page about a village, a post or an officer, with the post's channels."""
    post = place.post
    assert post is not None
    if place.village is not None:
        name = place.village.name
    elif place.officer is not None:
        name = f"{post.name} {place.officer.name}"
    else:
        name = post.name
    fb = channels(build.site.settings, post)
    if not any(fb.model_dump().values()):
        return Markup("")
    return build.renderer.text(
        "feedback/block.html", here=place.here, fb=fb, place=name,
        sms=sms_link(fb.sms, name) if fb.sms else None,
        mail=mail_link(fb.email, name) if fb.email else None,
        qr=media_url(fb.wechat_qr) if fb.wechat_qr else None,
    )


FEEDBACK_BLOCK = Block("feedback", frozenset(("post", "village", "officer")), feedback_block)


def feedback_assets(build: Build) -> SiteOutput:
    """The WeChat QR images, published under media/ (missing ones are load errors)."""
    out = SiteOutput()
    for ref in qr_refs(build.site.settings, build.site.grid):
        found = resolve_data_file(build.site.data_dir, ref, IMAGE_TYPES)
        if not isinstance(found, str):
            out.assets.append(Asset(dest=media_url(ref), source=found))
    return out
