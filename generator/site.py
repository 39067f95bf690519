"""Loading the site object: site.yml, then every kind's data folder in load
order (kinds.py), each checked against the kinds it needs; then the
personal-data guard over everything published.

Every problem in every file is collected before giving up, so an editor
fixes everything in one pass. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .core import phones
from .core.dates import build_date
from .core.files import display_path
from .core.guard import check_personal_data
from .core.problems import DataError, Problems
from .core.settings import load_settings
from .kind import Kind, Load, Site
from .kinds import BY_NAME, KINDS, load_order
from .province.load import Parent

__all__ = ["Site", "internal_folders", "load_kinds", "load_site"]


def internal_folders(kinds: tuple[Kind, ...] = KINDS) -> tuple[str, ...]:
    """Folders under data/ that are read by the build and never published
    (the personal-data guard does not scan them; their rows never reach pages)."""
    return tuple(kind.folder for kind in kinds if kind.internal and kind.folder)


def load_kinds(ctx: Load, kinds: list[Kind]) -> None:
    """Run the loaders of ``kinds`` (in load order) into ctx.records."""
    for kind in kinds:
        assert kind.load is not None
        ctx.records[kind.name] = kind.load(ctx)


def load_site(data_dir: Path, today: date | str | None = None, parent: Parent | None = None) -> Site:
    """Load and check everything; raise DataError listing every problem.

    ``parent``: the province a county belongs to (its address comes from there)."""
    problems = Problems()
    if not data_dir.is_dir():
        problems.add(display_path(data_dir), None, None, "找不到数据文件夹。")
        raise DataError(problems)
    day = build_date(today)
    settings = load_settings(data_dir, problems, parent.site_url if parent else None)
    # Every kind is checked even when the grid has errors, so an editor gets
    # every problem in one run; ids from broken post files are not repeated.
    ctx = Load(data_dir, day, settings, problems)
    load_kinds(ctx, load_order())
    published = {n for kind in KINDS if kind.published_numbers for n in kind.published_numbers(ctx)}
    check_personal_data(data_dir, {phones.digits(n) for n in published}, internal_folders(), problems)
    if problems.errors or settings is None:
        raise DataError(problems)
    records: dict[str, object] = {}
    for name, value in ctx.records.items():  # an internal log keeps its figures only
        keep = BY_NAME[name].keep
        records[name] = keep(value) if keep else value
    return Site(
        settings=settings, grid=ctx.grid, today=day, data_dir=data_dir, records=records,
        warnings=tuple(problems.warnings), parent=parent,
    )
