"""Load work reports: data/reports/<slug>.md (front matter: schema.Report), or
<slug>.docx from Word (the fields table: FORM).

The file name is the slug, and part of the page's web address. Figures may be
written out, or taken from the visit log (``stats: from_visits``) and/or the
request log (``stats: from_requests``; counts below 3 shown as "<3").
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from datetime import date

from ..core.documents import Where
from ..core.docx import Form
from ..directory.grid import Grid
from ..documents.entry import Documents
from ..documents.load import load_documents, not_yet, places_of
from ..kind import Load
from ..requests.log import Request, masked
from ..requests.log import period_figures as request_figures
from ..requests.records import REQUEST_LOG
from ..visits.log import Visit, period_figures
from ..visits.records import VISIT_ROWS
from .model import ReportEntry
from .schema import (
    FROM_REQUESTS,
    FROM_VISITS,
    REQUEST_STAT_LABELS,
    STAT_LABELS,
    VISIT_STAT_LABELS,
    Report,
)
from .urls import RESERVED_SLUGS

# A Word report's table: the figures by their Chinese names (走访户数 | 120), and
# any other row with a number is a figure of the report's own (帮扶困难群众 | 3).
FORM = Form(extra={label: ("stats", key) for key, label in STAT_LABELS.items()}, other=("stats",))


def load_reports(ctx: Load) -> Documents[ReportEntry]:
    visits = VISIT_ROWS.of(ctx)
    requests = REQUEST_LOG.of(ctx).rows

    def check(slug: str, record: Report, body: str, where: Where) -> ReportEntry | None:
        return _check_report(slug, record, body, where, ctx.grid, ctx.today, visits, requests)

    return load_documents(ctx, "reports", "报告", Report, check, RESERVED_SLUGS, FORM)


def _check_report(
    slug: str,
    record: Report,
    body: str,
    where: Where,
    grid: Grid,
    today: date,
    visits: Sequence[Visit],
    requests: Sequence[Request],
) -> ReportEntry | None:
    ok = True
    post = None
    if record.post is not None:
        post = grid.post_ids.resolve(
            record.post, lambda message: where.add(("post",), message), "全县的报告请删掉 post 这一行。"
        )
        ok = post is not None
    start, end = record.period.from_, record.period.to
    if start > end:
        ok = False
        where.add(
            ("period", "from"),
            f"报告期开始日期 {start.isoformat()} 在结束日期 {end.isoformat()} 之后。",
        )
    if record.date > today:
        not_yet(where, "date", "日期", record.date, today)

    sources = record.stats if isinstance(record.stats, tuple) else ()
    from_visits = FROM_VISITS in sources
    from_requests = FROM_REQUESTS in sources
    stats: list[tuple[str, int | str]] = []
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
    elif ok and from_visits:
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
    if ok and from_requests:
        counted = request_figures(requests, record.post, start, end)
        if counted.received == 0:
            where.add(
                ("stats",),
                "报告期内群众诉求台账（data/requests/）里没有"
                + ("这个警务室的" if record.post else "")
                + "记录，受理、化解、反馈都会显示为 0，请核对。",
                "warning",
            )
        numbers = {"received": counted.received, "resolved": counted.resolved, "answered": counted.answered}
        # Counts below 3 are masked: nobody may be recognised from a report.
        stats += [(label, masked(numbers[key])) for key, label in REQUEST_STAT_LABELS.items()]
    if not ok:
        return None
    return ReportEntry(
        slug=slug,
        title=record.title,
        date=record.date,
        post=post.id if post else None,
        scope=f"{post.township} · {post.name}" if post else "全县",
        posts=(post.id,) if post else (),
        villages=(),
        places=places_of(grid, (post.id,) if post else (), ()),
        period_from=start,
        period_to=end,
        stats=tuple(stats),
        from_visits=from_visits,
        from_requests=from_requests,
        body=body,
    )
