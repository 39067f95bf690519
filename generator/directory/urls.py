"""Every address of the directory: the one place each is formed.

Village and officer addresses are printed on QR codes and notice boards:
never change them (a renamed village keeps its old id in ``aliases``).
"""

from __future__ import annotations

POSTS = "posts/"


def township(township_slug: str, page: int = 1) -> str:
    """A township's posts and villages (slug: Grid.township_slugs); a large
    township's later pages of posts at …/2/, …/3/."""
    first = f"posts/townships/{township_slug}/"
    return first if page == 1 else f"{first}{page}/"


def post(post_id: str) -> str:
    return f"posts/{post_id}/"


def village(village_id: str) -> str:
    return f"v/{village_id}/"


def officer(officer_id: str) -> str:
    return f"officers/{officer_id}/"


def village_board(village_id: str) -> str:
    """社区警务公示牌, printed for the village's notice board."""
    return f"print/v/{village_id}/"


def officer_cards(officer_id: str) -> str:
    """警民联系卡, 8 to an A4 sheet."""
    return f"print/officers/{officer_id}/"


def officer_vcard(officer_id: str) -> str:
    return f"contacts/officers/{officer_id}.vcf"


def post_vcard(post_id: str) -> str:
    return f"contacts/posts/{post_id}.vcf"
