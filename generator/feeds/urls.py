"""Addresses of the Atom and RSS feeds, county-wide and per post."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FeedLinks:
    """Site-relative URLs of a feed pair, for the subscribe links on pages."""

    atom: str
    rss: str


def feed_links(post_id: str | None = None) -> FeedLinks:
    """The county's feeds, or one post's (the items that concern it)."""
    stem = f"feeds/posts/{post_id}" if post_id else "feeds/all"
    return FeedLinks(atom=f"{stem}.atom.xml", rss=f"{stem}.rss.xml")
