"""What the law and calendar templates share: date wording, feed links, media URLs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..county import County
from . import when
from .base import absolute_url
from .media import media_url


def feed_urls(county: County) -> Callable[[str], tuple[str, str] | None]:
    """(webcal:// subscribe link, https:// address) of a feed; None without site_url."""

    def urls(ics: str) -> tuple[str, str] | None:
        if not county.site.site_url:
            return None
        url = absolute_url(county.site.site_url, ics)
        return "webcal://" + url.split("://", 1)[1], url

    return urls


def agenda_context(county: County) -> dict[str, Any]:
    return {"when": when, "feed_urls": feed_urls(county), "media_url": media_url}
