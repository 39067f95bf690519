"""Load 立项整改 items: data/actions/<slug>.md (front matter: schema.Action)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..core.documents import Where, field_titles, read_document
from ..core.files import data_files, display_path
from ..core.pinyin import sort_key
from ..core.problems import Problems
from ..core.yamlio import MarkdownDocument
from ..directory import urls as directory_urls
from ..directory.grid import Grid
from .model import ActionEntry
from .schema import Action

_TITLES = field_titles(Action)


def load_actions(data_dir: Path, grid: Grid, today: date, problems: Problems) -> tuple[ActionEntry, ...]:
    """Every item, latest news first."""
    out: list[ActionEntry] = []
    for path in data_files(data_dir / "actions", (".md",), "立项整改", problems):
        read = read_document(path, display_path(path), Action, problems)
        if read is None:
            continue
        record, md, body = read
        entry = _check_action(path.stem, record, body, md, grid, today, problems)
        if entry is not None:
            out.append(entry)
    return tuple(sorted(out, key=lambda e: (-e.day.toordinal(), e.slug)))


def _check_action(
    slug: str, record: Action, body: str, md: MarkdownDocument, grid: Grid, today: date, problems: Problems,
) -> ActionEntry | None:
    where = Where(md, problems, _TITLES)
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
            where.add(("done",), f"办结日期 {record.done.isoformat()} 在生成日期 {today.isoformat()} 之后，请核对。", "warning")
    if record.raised > today:
        where.add(
            ("raised",),
            f"立项日期 {record.raised.isoformat()} 在生成日期 {today.isoformat()} 之后，到那一天才会在网站上发布。",
            "warning",
        )
    if not ok:
        return None
    all_posts = list(posts) + [grid.post_of_village[v].id for v in villages]
    all_posts = list(dict.fromkeys(all_posts))
    places = [(grid.post_by_id[p].name, directory_urls.post(p)) for p in posts]
    places += [(grid.village_by_id[v].name, directory_urls.village(v)) for v in villages]
    townships = sorted({grid.post_by_id[p].township for p in all_posts}, key=sort_key)
    return ActionEntry(
        slug=slug,
        title=record.title,
        raised=record.raised,
        source=record.source,
        status=record.status,
        done=record.done if record.status == "已办结" else None,
        posts=tuple(all_posts),
        villages=villages,
        townships=tuple(townships),
        places=tuple(places),
        body=body,
    )
