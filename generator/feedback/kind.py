"""我要反映: how residents reach the county and their post (phone, SMS, e-mail, WeChat, survey)."""

from __future__ import annotations

from ..kind import Kind, Load
from .model import published_numbers
from .pages import FEEDBACK_BLOCK, feedback_assets


def _numbers(ctx: Load) -> set[str]:
    return published_numbers(ctx.settings, ctx.grid) if ctx.settings is not None else set()


KIND = Kind(
    name="feedback",
    title="我要反映",
    summary="警务室、村和民警页面上的“我要反映”（site.yml 和警务室文件里的 feedback），微信二维码图片",
    needs=("directory",),
    published_numbers=_numbers,
    pages=feedback_assets,
    blocks=(FEEDBACK_BLOCK,),
    templates=True,
    stylesheet="feedback.css",
)
