"""One loader loop for dated documents: every data/<folder>/*.md (and, for
kinds with a ``Form``, every Word .docx) is read, its front matter (a Word
document's fields table) checked against the kind's record, then handed with
its body to the kind's own check, which returns the entry (or None after
reporting). Problems name the file, the line (the table row) and the field's
Chinese title."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from ..core.documents import Where, field_titles, read_document
from ..core.docx import WORD, Form, document_files, read_word
from ..core.files import display_path
from ..core.logs import after_build_date
from ..core.messages import validate_document
from ..core.problems import Problems
from ..core.yamlio import Document
from ..directory import urls
from ..directory.grid import Grid
from ..kind import Load
from .entry import Documents, E

R = TypeVar("R", bound=BaseModel)

# (slug, checked front matter, body, where to report) -> the entry, or None after reporting.
Check = Callable[[str, R, str, Where], E | None]


def load_documents(
    ctx: Load, folder: str, what: str, model: type[R], check: Check[R, E],
    reserved: Collection[str] = (), form: Form | None = None,
) -> Documents[E]:
    """``what`` names the documents in messages (报告, 通知 …); ``reserved``
    file names are the site's own pages under the kind's address; with a
    ``form`` (how the fields table maps to the record), Word documents too."""
    titles = field_titles(model)
    out: list[E] = []
    media: dict[str, dict[str, bytes]] = {}
    for path in document_files(ctx.data_dir / folder, what, ctx.problems, form is not None):
        display = display_path(path)
        if path.stem in reserved:
            ctx.problems.add(
                display, None, None,
                f"文件名“{path.stem}”留作网站自己的页面使用，请换一个文件名，例如加上日期。",
            )
            continue
        read = _read(path, display, model, form, ctx.problems)
        if read is None:
            continue
        record, meta, body, problems, pictures = read
        entry = check(path.stem, record, body, Where(meta, problems, titles))
        if entry is not None:
            out.append(entry)
            media[entry.slug] = pictures
    return Documents(out, ctx.grid, ctx.today, media)


def _read(
    path: Path, display: str, model: type[R], form: Form | None, problems: Problems,
) -> tuple[R, Document, str, Problems, dict[str, bytes]] | None:
    """A document's checked fields, where they stand, its body (Markdown, or
    Markup from Word), where to report on it, and its pictures."""
    if form is None or path.suffix.lower() != WORD:
        read = read_document(path, display, model, problems)
        if read is None:
            return None
        record, md, body = read
        return record, md.meta, body, problems, {}
    word = read_word(path, display, model, form, problems)
    if word is None or word.unfilled:
        return None
    checked: R | None = validate_document(model, word.meta, word.problems)
    if checked is None or word.failed:
        return None
    return checked, word.meta, word.body, word.problems, word.media


def not_yet(where: Where, field: str, label: str, day: dt.date, today: dt.date) -> None:
    """Warn that a document dated after the build date waits until that day."""
    where.add((field,), f"{after_build_date(day, today, label)}，到那一天才会在网站上发布。", "warning")


def places_of(grid: Grid, posts: Iterable[str], villages: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """(name, site URL) of the posts, then the villages, a document names."""
    found = [(grid.post_by_id[p].name, urls.post(p)) for p in posts]
    found += [(grid.village_by_id[v].name, urls.village(v)) for v in villages]
    return tuple(found)
