"""Work reports: /reports/ (newest first, static filter pages by township and
post, so no JavaScript is needed), /reports/<slug>/, the printable
/print/reports/<slug>/, and the latest reports on post and village pages."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from markupsafe import Markup

from ..core.markup import render_markdown
from ..core.pages import Asset, Page, SiteOutput, absolute_url, src_of
from ..core.printfit import print_density
from ..core.qr import qr_svg
from ..core.render import Renderer
from ..core.settings import SiteConfig, site_url
from ..directory.grid import Grid
from ..directory.schema import Post
from ..directory.towns import township_slugs
from ..feeds.urls import feed_links
from . import urls
from .model import ReportEntry, published_reports

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


def report_pages(
    grid: Grid, settings: SiteConfig, today: date, renderer: Renderer, all_reports: tuple[ReportEntry, ...]
) -> SiteOutput:
    out = SiteOutput()
    reports = published_reports(all_reports, today)
    slugs = township_slugs(grid)
    with_reports = {r.post for r in reports}
    townships = [t for t in grid.townships() if any(p.id in with_reports for p in grid.posts_in(t))]
    filters = Filters(
        everything=Filter("全部", urls.REPORTS),
        county=Filter("全县报告", urls.COUNTY) if None in with_reports else None,
        townships=[Filter(t, urls.reports_of_township(slugs[t])) for t in townships],
        posts=[
            (t, [Filter(p.name, urls.reports_of_post(p.id)) for p in grid.posts_in(t) if p.id in with_reports])
            for t in townships
        ],
    )

    def index(url: str, title: str, heading: str, items: list[ReportEntry], post: Post | None = None) -> Page:
        return renderer.page(
            "reports/reports_index.html", src_of(url), title,
            heading=heading, reports=items, filters=filters,
            feeds=feed_links(post.id if post else None),
            feed_label=f"{post.name}的工作报告和安全提示" if post else "工作报告和安全提示",
        )

    out.pages.append(index(urls.REPORTS, "工作报告", "工作报告", reports))
    if filters.county:
        out.pages.append(index(
            urls.COUNTY, "全县工作报告", "全县工作报告",
            [r for r in reports if r.post is None],
        ))
    for township in townships:
        ids = {p.id for p in grid.posts_in(township)}
        out.pages.append(index(
            urls.reports_of_township(slugs[township]), f"{township}工作报告", f"{township}工作报告",
            [r for r in reports if r.post in ids],
        ))
    for post in grid.posts:
        if post.id in with_reports:
            out.pages.append(index(
                urls.reports_of_post(post.id), f"{post.name}工作报告", f"{post.name}工作报告",
                [r for r in reports if r.post == post.id], post,
            ))
    for report in reports:
        owner = grid.post_by_id[report.post] if report.post else None
        out.pages.append(report_page(renderer, report, owner))
        out.assets.append(report_printable(settings, renderer, report, owner))
    return out


def report_page(renderer: Renderer, report: ReportEntry, post: Post | None) -> Page:
    return replace(renderer.page(
        "reports/report.html", src_of(report.url), report.title,
        report=report, post=post, body=render_markdown(report.body),
        feeds=feed_links(post.id if post else None),
    ), read_aloud=True)


def report_printable(settings: SiteConfig, renderer: Renderer, report: ReportEntry, post: Post | None) -> Asset:
    online = absolute_url(site_url(settings), report.url)
    return renderer.standalone(
        "reports/print_report.html", report.print_url, report.title,
        report=report, post=post, body=render_markdown(report.body),
        online=report.url, online_absolute=online, qr=qr_svg(online, scale=3),
        density=print_density(report.title, report.body, len(report.stats), 1 if post else 0),
    )


def post_reports(
    renderer: Renderer, reports: tuple[ReportEntry, ...], today: date, post: Post, here: str, feeds: bool
) -> Markup:
    """The latest reports of a post, on its page (with its feeds) and on its villages' pages."""
    found = published_reports(reports, today, post.id)
    return renderer.text(
        "reports/block_post.html",
        here=here, post=post, reports=found[:LATEST_ON_POST_PAGES],
        more=len(found) > LATEST_ON_POST_PAGES,
        feeds=feed_links(post.id) if feeds else None,
    )
