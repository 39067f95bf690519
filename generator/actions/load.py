"""Load 立项整改 items: data/actions/<slug>.md (front matter: schema.Action)."""

from __future__ import annotations

from datetime import date

from ..core.documents import Where
from ..core.logs import after_build_date
from ..core.pinyin import sort_key
from ..directory.grid import Grid
from ..documents.entry import Documents
from ..documents.load import load_documents, not_yet, places_of
from ..kind import Load
from .model import ActionEntry
from .schema import Action


def load_actions(ctx: Load) -> Documents[ActionEntry]:
    """Every item, latest news first."""

    def check(slug: str, record: Action, body: str, where: Where) -> ActionEntry | None:
        return _check_action(slug, record, body, where, ctx.grid, ctx.today)

    return load_documents(ctx, "actions", "立项整改", Action, check)


def _check_action(
    slug: str, record: Action, body: str, where: Where, grid: Grid, today: date,
) -> ActionEntry | None:
    ok = True
    if record.post is not None and record.posts:
        ok = False
        where.add(("post",), "post 和 posts 只写一个：一个警务室写 post，几个警务室写 posts。")
    single = record.post is not None
    named = [record.post] if record.post is not None else record.posts

    def report_post(i: int, message: str) -> None:
        where.add(("post",) if single else ("posts", i), message)

    posts = grid.post_ids.resolve_all(named, report_post, key=lambda p: p.id)
    villages = grid.village_ids.resolve_all(
        record.villages, lambda i, message: where.add(("villages", i), message), key=lambda v: v.id
    )
    if any(ref not in grid.post_ids for ref in named) or any(ref not in grid.village_ids for ref in record.villages):
        ok = False
    if not named and not record.villages:
        ok = False
        where.add(("post",), "请写明是哪个警务室（post）或哪些村（社区）（villages）的事。")
    if record.status == "已办结" and record.done is None:
        ok = False
        where.add(("status",), "进展是“已办结”，请加一行 done: 写上办结日期（例如 done: 2026-11-20）。")
    if record.done is not None:
        if record.status != "已办结":
            where.add(
                ("done",), f"写了办结日期，但进展是“{record.status}”。办结了请把 status 改成 已办结。",
                "warning",
            )
        if record.done < record.raised:
            ok = False
            where.add(
                ("done",),
                f"办结日期 {record.done.isoformat()} 早于立项日期 {record.raised.isoformat()}。",
            )
        elif record.done > today:
            where.add(("done",), f"{after_build_date(record.done, today, '办结日期')}，请核对。", "warning")
    if record.raised > today:
        not_yet(where, "raised", "立项日期", record.raised, today)
    if not ok:
        return None
    all_posts = [grid.post_by_id[p] for p in posts] + [grid.post_of_village[v] for v in villages]
    townships = sorted({p.township for p in all_posts}, key=sort_key)
    return ActionEntry(
        slug=slug,
        title=record.title,
        raised=record.raised,
        source=record.source,
        status=record.status,
        done=record.done if record.status == "已办结" else None,
        posts=posts,
        villages=villages,
        townships=tuple(townships),
        places=places_of(grid, posts, villages),
        body=body,
    )
