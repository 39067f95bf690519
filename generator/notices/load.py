"""Load safety notices: data/notices/<slug>.md (front matter: schema.Notice), or
<slug>.docx from Word (the fields table labelled with the record's titles).

The file name is the slug, and part of the page's web address.
"""

from __future__ import annotations

from ..core.documents import Where
from ..core.docx import Form
from ..documents.entry import Documents
from ..documents.load import load_documents, places_of
from ..kind import Load
from .model import NoticeEntry
from .schema import Notice

FORM = Form()


def load_notices(ctx: Load) -> Documents[NoticeEntry]:
    grid = ctx.grid

    def check(slug: str, record: Notice, body: str, where: Where) -> NoticeEntry | None:
        posts = grid.post_ids.resolve_all(
            record.posts, lambda i, message: where.add(("posts", i), message), key=lambda p: p.id
        )
        villages = grid.village_ids.resolve_all(
            record.villages, lambda i, message: where.add(("villages", i), message), key=lambda v: v.id
        )
        if record.expires is not None and record.expires < record.date:
            where.add(
                ("expires",),
                f"有效期至 {record.expires.isoformat()} 早于发布日期 {record.date.isoformat()}。",
            )
            return None
        return NoticeEntry(
            slug=slug,
            title=record.title,
            date=record.date,
            level=record.level,
            posts=posts,
            villages=villages,
            places=places_of(grid, posts, villages),
            expires=record.expires,
            body=body,
        )

    return load_documents(ctx, "notices", "通知", Notice, check, form=FORM)
