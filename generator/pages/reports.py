"""Work reports: /reports/ (newest first, static filter pages by township and
post, so no JavaScript is needed), /reports/<slug>/, the printable
/print/reports/<slug>/, and the latest reports on post and village pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from pypinyin import lazy_pinyin

from ..bulletin import ReportEntry, published_reports
from ..county import County
from ..markup import render_markdown
from ..schema import Post, Village
from .base import Asset, Page, SiteOutput, absolute_url
from .bulletin_fmt import context, print_density
from .feeds import feed_links
from .qr import qr_svg
from .render import Renderer

LATEST_ON_POST_PAGES = 3


@dataclass(frozen=True)
class Filter:
    label: str
    url: str


@dataclass(frozen=True)
class Filters:
    """Links to the static filter pages: county-wide, by township, by post."""

    everything: Filter
    county: Filter | None
    townships: list[Filter]
    posts: list[tuple[str, list[Filter]]]  # (township, its posts)


def township_slugs(county: County) -> dict[str, str]:
    """A URL slug for each township, from its pinyin (中枢镇 -> zhongshuzhen)."""
    out: dict[str, str] = {}
    for township in county.townships():
        base = re.sub(r"[^a-z0-9]+", "-", "".join(lazy_pinyin(township)).lower()).strip("-") or "t"
        slug, n = base, 2
        while slug in out.values():
            slug, n = f"{base}-{n}", n + 1
        out[township] = slug
    return out


def report_pages(county: County, renderer: Renderer) -> SiteOutput:
    out = SiteOutput()
    reports = published_reports(county)
    slugs = township_slugs(county)
    with_reports = {r.post for r in reports}
    townships = [t for t in county.townships() if any(p.id in with_reports for p in county.posts_in(t))]
    filters = Filters(
        everything=Filter("全部", "reports/"),
        county=Filter("全县报告", "reports/county/") if None in with_reports else None,
        townships=[Filter(t, f"reports/townships/{slugs[t]}/") for t in townships],
        posts=[
            (t, [Filter(p.name, f"reports/posts/{p.id}/") for p in county.posts_in(t) if p.id in with_reports])
            for t in townships
        ],
    )

    def index(src: str, title: str, heading: str, items: list[ReportEntry], post: Post | None = None) -> Page:
        return renderer.page(
            "reports_index.html", src, title,
            **context(
                county, heading=heading, reports=items, filters=filters,
                feeds=feed_links(county, post),
                feed_label=f"{post.name}的工作报告和安全提示" if post else "工作报告和安全提示",
            ),
        )

    out.pages.append(index("reports/index.md", "工作报告", "工作报告", reports))
    if filters.county:
        out.pages.append(index(
            "reports/county.md", "全县工作报告", "全县工作报告",
            [r for r in reports if r.post is None],
        ))
    for township in townships:
        ids = {p.id for p in county.posts_in(township)}
        out.pages.append(index(
            f"reports/townships/{slugs[township]}.md", f"{township}工作报告", f"{township}工作报告",
            [r for r in reports if r.post in ids],
        ))
    for post in county.posts:
        if post.id in with_reports:
            out.pages.append(index(
                f"reports/posts/{post.id}.md", f"{post.name}工作报告", f"{post.name}工作报告",
                [r for r in reports if r.post == post.id], post,
            ))
    for report in reports:
        out.pages.append(report_page(county, renderer, report))
        out.assets.append(report_printable(county, renderer, report))
    return out


def _post(county: County, report: ReportEntry) -> Post | None:
    return county.post_by_id[report.post] if report.post else None


def report_page(county: County, renderer: Renderer, report: ReportEntry) -> Page:
    post = _post(county, report)
    return renderer.page(
        "report.html", f"reports/{report.slug}.md", report.title,
        **context(
            county, report=report, post=post, body=render_markdown(report.body),
            feeds=feed_links(county, post),
        ),
    )


def report_printable(county: County, renderer: Renderer, report: ReportEntry) -> Asset:
    site_url = county.site.site_url
    online = absolute_url(site_url, report.url) if site_url else None
    post = _post(county, report)
    return renderer.standalone(
        "print_report.html", report.print_url, report.title,
        **context(
            county, report=report, post=post, body=render_markdown(report.body),
            online=report.url, online_absolute=online, qr=qr_svg(online, scale=3) if online else None,
            density=print_density(report.title, report.body, len(report.stats), 1 if post else 0),
        ),
    )


def reports_panel(renderer: Renderer, county: County, subject: Any, here: str) -> Markup:
    """The latest reports of a post, on its page and on each of its villages' pages."""
    if isinstance(subject, Village):
        post = county.post_of_village[subject.id]
    elif isinstance(subject, Post):
        post = subject
    else:
        return Markup("")
    reports = published_reports(county, post.id)
    return renderer.text(
        "panel_reports.html",
        **context(
            county, here=here, post=post, reports=reports[:LATEST_ON_POST_PAGES],
            more=len(reports) > LATEST_ON_POST_PAGES,
            feeds=feed_links(county, post) if isinstance(subject, Post) else None,
        ),
    )
