"""The directory (一村一警): posts, their villages, officers and staff; the
lists of posts by township, vCards, printed boards and cards, old addresses."""

from __future__ import annotations

from ..core.xlsx import Sheet
from ..kind import Kind, Load, Schema, Site
from . import urls
from .aliases import alias_files
from .export import directory_export
from .grid import post_changes
from .load import load_grid
from .pages import directory_pages
from .photos import photo_url
from .schema import Post
from .share import SHARE_BLOCK
from .workbook import OFFICERS, POSTS, STAFF, VILLAGES, roster_sheets


def _sheets(ctx: Load) -> tuple[list[Sheet], str]:
    return roster_sheets(ctx.grid.posts), f"{len(ctx.grid.posts)} 个警务室"


def _count(site: Site) -> str:
    grid = site.grid
    return (
        f"{len(grid.posts)} 个警务室、{len(grid.villages)} 个村（社区）、"
        f"{len(grid.officers)} 名民警、{len(grid.staff)} 名辅警和协管员"
    )


KIND = Kind(
    name="directory",
    title="警务室和民警",
    summary="/posts/ 和各乡镇的页面、联系人文件、公示牌和联系卡、旧编号的跳转",
    folder="posts",
    uses=("events", "stations"),  # the printed board: reception hours, the station's phone
    load=lambda ctx: load_grid(ctx.data_dir, ctx.problems),
    changes=lambda before, now: post_changes(before.grid, now.grid),
    published_numbers=lambda ctx: ctx.grid.published_numbers(),
    schemas=(Schema("post.schema.json", Post, "data/posts/<警务室编号>.yml：一个警务室", ("id",)),),
    count=_count,
    pages=directory_pages,
    finish=alias_files,
    blocks=(SHARE_BLOCK,),
    export=directory_export,
    sheets=_sheets,
    sheet_names=(POSTS, VILLAGES, OFFICERS, STAFF),
    templates=True,
    stylesheet="directory.css",
    nav=(2, "警务室", urls.POSTS),
    links={
        "posts": urls.POSTS,
        "post": urls.post,
        "village": urls.village,
        "officer": urls.officer,
        "village_board": urls.village_board,
        "officer_cards": urls.officer_cards,
        "officer_vcard": urls.officer_vcard,
        "post_vcard": urls.post_vcard,
        "township": urls.township,
    },
    template_globals=lambda site: {"photo_url": photo_url},
    terms={"两委": "村（社区）党组织委员会和村（居）民委员会。社区民警在“两委”兼职，和村干部一起为群众办事。"},
)
