"""Load a county's data directory into a validated County, or report problems.

    data/site.yml         -> SiteConfig
    data/posts/<id>.yml   -> Post (the file stem is the post id)

Every problem in every file is collected before giving up, so an editor
fixes everything in one pass.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from .agenda_load import load_agenda
from .bulletin_load import load_bulletins
from .county import County
from .files import display_path
from .guard import check_personal_data
from .messages import validate_document
from .problems import DataError, Problems
from .schema import Post, SiteConfig
from .siteurl import require_site_url
from .validate import check_posts
from .yamlio import Document, load_yaml_file

# Loaders of the content sections beyond the grid (reports, lectures …).
# Each reads its own files, validates them against the county and stores
# its records on the County; problems go to the shared Problems.
SectionLoader = Callable[[Path, County, Problems], None]
SECTION_LOADERS: list[SectionLoader] = [
    # find, contacts and printables (issue 3)
    require_site_url,

    # reports, notices and visits (issue 4)
    load_bulletins,

    # lectures and events (issue 5)
    load_agenda,
]

_PLACEHOLDER_SITE = SiteConfig(title="-", county="-", authority="-")


def build_date(today: date | str | None = None) -> date:
    """The date a build is "as of": --today, else SOURCE_DATE_EPOCH, else the clock."""
    if isinstance(today, date):
        return today
    if today:
        return date.fromisoformat(today)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def load_county(data_dir: Path, today: date | str | None = None) -> County:
    """Load and validate everything; raise DataError listing every problem."""
    problems = Problems()
    if not data_dir.is_dir():
        problems.add(display_path(data_dir), None, None, "找不到数据文件夹。")
        raise DataError(problems)

    site = _load_site(data_dir, problems)
    unchecked: set[str] = set()
    posts = _load_posts(data_dir, problems, unchecked)
    check_posts(posts, data_dir, problems)

    # Later sections see the county even when the core data has errors, so
    # an editor gets every problem in one run.
    county = County(
        site=site or _PLACEHOLDER_SITE,
        posts=[p for p, _ in posts],
        data_dir=data_dir,
        today=build_date(today),
        unchecked_ids=unchecked,
    )
    for load_section in SECTION_LOADERS:
        load_section(data_dir, county, problems)
    check_personal_data(data_dir, county, problems)
    if problems.errors or site is None:
        raise DataError(problems)
    county.warnings = problems.warnings
    return county


def _load_site(data_dir: Path, problems: Problems) -> SiteConfig | None:
    path = data_dir / "site.yml"
    if not path.is_file():
        problems.add(display_path(path), None, None, "缺少网站设置文件 site.yml。")
        return None
    doc = load_yaml_file(path, display_path(path), problems)
    if doc is None:
        return None
    site: SiteConfig | None = validate_document(SiteConfig, doc, problems)
    return site


def ids_written(stem: str, data: Any) -> set[str]:
    """Every post, village (also former) and officer id written in a post file's data."""
    found = {stem}
    if not isinstance(data, dict):
        return found
    for group, keys in (("villages", ("id", "aliases")), ("officers", ("id",))):
        items = data.get(group)
        for item in items if isinstance(items, list) else []:
            for key in keys if isinstance(item, dict) else ():
                value = item.get(key)
                found.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    return found


def _load_posts(
    data_dir: Path, problems: Problems, unchecked: set[str]
) -> list[tuple[Post, Document]]:
    """Load every post file; ids written in files that fail go to ``unchecked``."""
    folder = data_dir / "posts"
    files = sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        problems.add(
            display_path(folder), None, None,
            "没有警务室数据：posts 文件夹里应有每个警务室一个 .yml 文件。",
        )
        return []
    posts = []
    stems: dict[str, str] = {}
    for path in files:
        display = display_path(path)
        if path.stem in stems:
            problems.add(
                display, None, None,
                f"警务室编号“{path.stem}”重复：{stems[path.stem]} 也用了这个文件名。",
            )
            continue
        stems[path.stem] = display
        doc = load_yaml_file(path, display, problems)
        if doc is None:
            unchecked.add(path.stem)
            continue
        data = doc.data
        if isinstance(data, dict):
            if "id" in data:
                problems.add(
                    display, doc.line_of(("id",)), "id",
                    "警务室编号就是文件名，不要另写 id 字段（要改编号请改文件名）。",
                )
                unchecked.update(ids_written(path.stem, data))
                continue
            data = {"id": path.stem, **data}
        post = validate_document(Post, doc, problems, data)
        if post is not None:
            posts.append((post, doc))
        else:
            unchecked.update(ids_written(path.stem, data))
    return posts


__all__ = ["SECTION_LOADERS", "SectionLoader", "build_date", "display_path", "load_county"]
