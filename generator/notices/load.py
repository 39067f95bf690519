"""Load safety notices: data/notices/<slug>.md (front matter: schema.Notice).

The file name is the slug, and part of the page's web address.
"""

from __future__ import annotations

from pathlib import Path

from ..core.documents import Where, field_titles, read_document
from ..core.files import data_files, display_path
from ..core.problems import Problems
from ..core.yamlio import MarkdownDocument
from ..directory import urls
from ..directory.grid import Grid
from .model import NoticeEntry
from .schema import Notice

_TITLES = field_titles(Notice)


def load_notices(data_dir: Path, grid: Grid, problems: Problems) -> tuple[NoticeEntry, ...]:
    out: list[NoticeEntry] = []
    for path in data_files(data_dir / "notices", (".md",), "通知", problems):
        read = read_document(path, display_path(path), Notice, problems)
        if read is None:
            continue
        notice, md, body = read
        entry = _check_notice(path.stem, notice, body, md, grid, problems)
        if entry is not None:
            out.append(entry)
    return tuple(sorted(out, key=lambda e: (-e.date.toordinal(), e.slug)))


def _check_notice(
    slug: str, record: Notice, body: str, md: MarkdownDocument, grid: Grid, problems: Problems
) -> NoticeEntry | None:
    where = Where(md, problems, _TITLES)
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
    places = [(grid.post_by_id[p].name, urls.post(p)) for p in posts]
    places += [(grid.village_by_id[v].name, urls.village(v)) for v in villages]
    return NoticeEntry(
        slug=slug,
        title=record.title,
        date=record.date,
        level=record.level,
        posts=posts,
        villages=villages,
        places=tuple(places),
        expires=record.expires,
        body=body,
    )
