"""Section loader for reports, notices and the visit log (issue 4).

    data/reports/<slug>.md   -> ReportEntry  (front matter: schema.report.Report)
    data/notices/<slug>.md   -> NoticeEntry  (front matter: schema.notice.Notice)
    data/visits/*.csv        -> VisitStats   (aggregates only; rows are dropped)

The file name is the slug, and part of the page's web address.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from .bulletin import NoticeEntry, ReportEntry
from .county import County
from .files import data_files, display_path
from .messages import validate_document
from .problems import Problems, Severity, field_path
from .schema.notice import Notice
from .schema.report import FROM_VISITS, STAT_LABELS, VISIT_STAT_LABELS, Report
from .visits import Visit, aggregate, period_figures, read_visits
from .yamlio import MarkdownDocument, load_markdown_file

# Report slugs that would clash with the filter pages under /reports/.
RESERVED_REPORT_SLUGS = frozenset({"posts", "townships", "county", "index"})
# Left by `cunjing new` in what the editor still has to write.
PLACEHOLDER = "【请填写"


def load_bulletins(data_dir: Path, county: County, problems: Problems) -> None:
    visits = read_visits(data_dir, county, problems)
    county.visit_stats = aggregate(visits)
    county.reports = _load_reports(data_dir, county, problems, visits)
    county.notices = _load_notices(data_dir, county, problems)


class _Where:
    """Reports problems of one Markdown file, naming field paths with their titles."""

    def __init__(self, md: MarkdownDocument, problems: Problems, titles: dict[str, str]) -> None:
        self.md = md
        self.problems = problems
        self.titles = titles

    def add(self, path: tuple[str | int, ...], message: str, severity: Severity = "error") -> None:
        name = field_path(path)
        title = self.titles.get(str(path[0])) if path else None
        if title and len(path) == 1:
            name = f"{name}（{title}）"
        self.problems.add(self.md.meta.display, self.md.meta.line_of(path), name or None, message, severity)


def _markdown_files(folder: Path, what: str, problems: Problems) -> Iterator[tuple[Path, str]]:
    for path in data_files(folder, (".md",), what, problems):
        yield path, display_path(path)


def _placeholders(md: MarkdownDocument, problems: Problems) -> bool:
    """Report every text a `cunjing new` template left unfilled; True if any."""
    found = False

    def walk(value: Any, path: tuple[str | int, ...]) -> None:
        nonlocal found
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (*path, i))
        elif isinstance(value, str) and PLACEHOLDER in value:
            found = True
            problems.add(
                md.meta.display, md.meta.line_of(path), field_path(path) or None,
                f"这里还是模板的提示文字“{value}”，请改成实际内容"
                + ("（只写数字；不需要的项目把整行删掉）。" if path[:1] == ("stats",) else "。"),
            )

    walk(md.meta.data, ())
    for offset, line in enumerate(md.body.split("\n")):
        if PLACEHOLDER in line:
            found = True
            problems.add(
                md.meta.display, md.body_line + offset, "正文",
                f"正文里还有模板的提示文字“{line.strip()}”，请改成实际内容。",
            )
    return found


def _body(md: MarkdownDocument, problems: Problems) -> str | None:
    if not md.body.strip():
        problems.add(
            md.meta.display, md.body_line, "正文",
            "正文是空的。请在第二个 --- 下面写正文。",
        )
        return None
    return md.body


def _guess(value: str, known: list[str]) -> str:
    guess = difflib.get_close_matches(value, known, n=1)
    return f"是否想写“{guess[0]}”？" if guess else ""


# -- reports -----------------------------------------------------------------

_REPORT_TITLES = {name: info.title or name for name, info in Report.model_fields.items()}


R = TypeVar("R", bound=BaseModel)


def _read(
    path: Path, display: str, model: type[R], problems: Problems
) -> tuple[R, MarkdownDocument, str] | None:
    """A report or notice file: its checked front matter, the document and its body."""
    md = load_markdown_file(path, display, problems)
    if md is None or _placeholders(md, problems):
        return None
    record: R | None = validate_document(model, md.meta, problems)
    body = _body(md, problems)
    if record is None or body is None:
        return None
    return record, md, body


def _load_reports(
    data_dir: Path, county: County, problems: Problems, visits: list[Visit]
) -> list[ReportEntry]:
    out: list[ReportEntry] = []
    for path, display in _markdown_files(data_dir / "reports", "报告", problems):
        if path.stem in RESERVED_REPORT_SLUGS:
            problems.add(
                display, None, None,
                f"文件名“{path.stem}”留作网站自己的页面使用，请换一个文件名，例如加上日期。",
            )
            continue
        read = _read(path, display, Report, problems)
        if read is None:
            continue
        record, md, body = read
        entry = _check_report(path.stem, record, body, md, county, problems, visits)
        if entry is not None:
            out.append(entry)
    return sorted(out, key=lambda e: (-e.date.toordinal(), e.slug))


def _check_report(
    slug: str,
    record: Report,
    body: str,
    md: MarkdownDocument,
    county: County,
    problems: Problems,
    visits: list[Visit],
) -> ReportEntry | None:
    where = _Where(md, problems, _REPORT_TITLES)
    ok = True
    if record.post is not None and record.post not in county.post_by_id:
        ok = False
    if record.post is not None and record.post not in county.post_by_id and record.post not in county.unchecked_ids:
        where.add(
            ("post",),
            f"没有编号为“{record.post}”的警务室。{_guess(record.post, list(county.post_by_id))}"
            "全县的报告请删掉 post 这一行。",
        )
    start, end = record.period.from_, record.period.to
    if start > end:
        ok = False
        where.add(
            ("period", "from"),
            f"报告期开始日期 {start.isoformat()} 在结束日期 {end.isoformat()} 之后。",
        )
    if record.date > county.today:
        where.add(
            ("date",),
            f"日期 {record.date.isoformat()} 在生成日期 {county.today.isoformat()} 之后，"
            "到那一天才会在网站上发布。",
            "warning",
        )

    from_visits = record.stats == FROM_VISITS
    stats: list[tuple[str, int]] = []
    if isinstance(record.stats, dict):
        figures = record.stats
        received, resolved = figures.get("disputes_received"), figures.get("disputes_resolved")
        if received is not None and resolved is not None and resolved > received:
            ok = False
            where.add(
                ("stats", "disputes_resolved"),
                f"调解化解（{resolved}）比受理矛盾纠纷（{received}）还多，请核对。",
            )
        for key in figures:
            if key not in STAT_LABELS:
                guess = difflib.get_close_matches(key, list(STAT_LABELS), n=1, cutoff=0.75)
                if guess:
                    where.add(
                        ("stats", key),
                        f"“{key}”不是常用项目，会原样显示。是否想写“{guess[0]}”"
                        f"（{STAT_LABELS[guess[0]]}）？",
                        "warning",
                    )
        stats = [(label, figures[key]) for key, label in STAT_LABELS.items() if key in figures]
        stats += [(key, value) for key, value in figures.items() if key not in STAT_LABELS]
    elif ok:
        total = period_figures(visits, record.post, start, end)
        if total.visits == 0:
            where.add(
                ("stats",),
                "报告期内走访记录（data/visits/）里没有"
                + ("这个警务室的" if record.post else "")
                + "记录，走访数据都会显示为 0，请核对。",
                "warning",
            )
        values = {
            "visits": total.households,
            "issues_found": total.issues_found,
            "issues_resolved": total.issues_resolved,
        }
        stats = [(label, values[key]) for key, label in VISIT_STAT_LABELS.items()]
    if not ok:
        return None
    return ReportEntry(
        slug=slug,
        title=record.title,
        date=record.date,
        post=record.post,
        period_from=start,
        period_to=end,
        stats=tuple(stats),
        from_visits=from_visits,
        body=body,
    )


# -- notices -----------------------------------------------------------------

_NOTICE_TITLES = {name: info.title or name for name, info in Notice.model_fields.items()}


def _load_notices(data_dir: Path, county: County, problems: Problems) -> list[NoticeEntry]:
    out: list[NoticeEntry] = []
    for path, display in _markdown_files(data_dir / "notices", "通知", problems):
        read = _read(path, display, Notice, problems)
        if read is None:
            continue
        notice, md, body = read
        entry = _check_notice(path.stem, notice, body, md, county, problems)
        if entry is not None:
            out.append(entry)
    return sorted(out, key=lambda e: (-e.date.toordinal(), e.slug))


def _check_notice(
    slug: str, record: Notice, body: str, md: MarkdownDocument, county: County, problems: Problems
) -> NoticeEntry | None:
    where = _Where(md, problems, _NOTICE_TITLES)
    ok = True
    posts: list[str] = []
    for i, post in enumerate(record.posts):
        if post not in county.post_by_id:
            ok = False
            if post not in county.unchecked_ids:
                where.add(("posts", i), f"没有编号为“{post}”的警务室。{_guess(post, list(county.post_by_id))}")
        elif post not in posts:
            posts.append(post)
    villages: list[str] = []
    for i, ref in enumerate(record.villages):
        village = county.village_by_id.get(ref) or county.alias_of.get(ref)
        if village is None:
            ok = False
            if ref not in county.unchecked_ids:
                where.add(
                    ("villages", i),
                    f"没有编号为“{ref}”的村（社区）。{_guess(ref, list(county.village_by_id))}",
                )
        elif village.id not in villages:
            villages.append(village.id)
    if record.expires is not None and record.expires < record.date:
        ok = False
        where.add(
            ("expires",),
            f"有效期至 {record.expires.isoformat()} 早于发布日期 {record.date.isoformat()}。",
        )
    if not ok:
        return None
    return NoticeEntry(
        slug=slug,
        title=record.title,
        date=record.date,
        level=record.level,
        posts=tuple(posts),
        villages=tuple(villages),
        expires=record.expires,
        body=body,
    )
