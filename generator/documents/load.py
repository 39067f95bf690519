"""One loader loop for dated documents: every data/<folder>/*.md is read,
its front matter checked against the kind's record, then handed with its
body to the kind's own check, which returns the entry (or None after
reporting). Problems name the file, the line and the field's Chinese title."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from typing import TypeVar

from pydantic import BaseModel

from ..core.documents import Where, field_titles, read_document
from ..core.files import data_files, display_path
from ..core.logs import after_build_date
from ..directory import urls
from ..directory.grid import Grid
from ..kind import Load
from .entry import Documents, E

R = TypeVar("R", bound=BaseModel)

# (slug, checked front matter, body, where to report) -> the entry, or None after reporting.
Check = Callable[[str, R, str, Where], E | None]


def load_documents(
    ctx: Load, folder: str, what: str, model: type[R], check: Check[R, E],
    reserved: Collection[str] = (),
) -> Documents[E]:
    """``what`` names the documents in messages (报告, 通知 …); ``reserved``
    file names are the site's own pages under the kind's address."""
    titles = field_titles(model)
    out: list[E] = []
    for path in data_files(ctx.data_dir / folder, (".md",), what, ctx.problems):
        display = display_path(path)
        if path.stem in reserved:
            ctx.problems.add(
                display, None, None,
                f"文件名“{path.stem}”留作网站自己的页面使用，请换一个文件名，例如加上日期。",
            )
            continue
        read = read_document(path, display, model, ctx.problems)
        if read is None:
            continue
        record, md, body = read
        entry = check(path.stem, record, body, Where(md, ctx.problems, titles))
        if entry is not None:
            out.append(entry)
    return Documents(out, ctx.grid, ctx.today)


def not_yet(where: Where, field: str, label: str, day: dt.date, today: dt.date) -> None:
    """Warn that a document dated after the build date waits until that day."""
    where.add((field,), f"{after_build_date(day, today, label)}，到那一天才会在网站上发布。", "warning")


def places_of(grid: Grid, posts: Iterable[str], villages: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """(name, site URL) of the posts, then the villages, a document names."""
    found = [(grid.post_by_id[p].name, urls.post(p)) for p in posts]
    found += [(grid.village_by_id[v].name, urls.village(v)) for v in villages]
    return tuple(found)
