"""Work reports: /reports/ (newest first, static filter pages by township and
post, so no JavaScript is needed), /reports/<slug>/, the printable
/print/reports/<slug>/, and the post's latest reports on post and village pages."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..core.markup import body_text
from ..core.pages import Page, SiteOutput, src_of
from ..core.printfit import print_density
from ..directory.schema import Post
from ..documents.pages import (
    document_block,
    document_media,
    document_page,
    document_printable,
    feed_items,
)
from ..kind import Build, FeedItem, Place
from . import urls
from .model import REPORTS, ReportEntry

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


def report_pages(build: Build) -> SiteOutput:
    grid, renderer = build.site.grid, build.renderer
    out = SiteOutput()
    docs = REPORTS.of(build.site)
    reports = list(docs)
    slugs = grid.township_slugs
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

    def index(url: str, title: str, items: list[ReportEntry], post: Post | None = None) -> Page:
        return renderer.page(
            "reports/reports_index.html", src_of(url), title,
            heading=title, reports=items, filters=filters,
            feeds=build.links.feeds(post.id if post else None),
            feed_label=f"{post.name}的工作报告和安全提示" if post else "工作报告和安全提示",
        )

    out.pages.append(index(urls.REPORTS, "工作报告", reports))
    if filters.county:
        out.pages.append(index(urls.COUNTY, "全县工作报告", [r for r in reports if r.post is None]))
    for township in townships:
        ids = {p.id for p in grid.posts_in(township)}
        out.pages.append(index(
            urls.reports_of_township(slugs[township]), f"{township}工作报告",
            [r for r in reports if r.post in ids],
        ))
    for post in grid.posts:
        if post.id in with_reports:
            out.pages.append(index(
                urls.reports_of_post(post.id), f"{post.name}工作报告",
                [r for r in reports if r.post == post.id], post,
            ))
    for report in reports:
        owner = grid.post_by_id[report.post] if report.post else None
        feeds = build.links.feeds(owner.id if owner else None)
        out.pages.append(document_page(
            build, report, "reports/report.html", True, report=report, post=owner, feeds=feeds,
        ))
        out.assets.append(document_printable(
            build, report, "reports/print_report.html", report.print_url,
            print_density(report.title, body_text(report.body), len(report.stats), 1 if owner else 0),
            report=report, post=owner,
        ))
    out.assets.extend(document_media(docs))
    return out


def _post_reports(build: Build, place: Place, found: list[ReportEntry]) -> Markup:
    """The latest reports of the post, on its page (with its feeds) and on its villages' pages."""
    assert place.post is not None
    return build.renderer.text(
        "reports/block_post.html",
        here=place.here, post=place.post, reports=found[:LATEST_ON_POST_PAGES],
        more=len(found) > LATEST_ON_POST_PAGES,
        feeds=build.links.feeds(place.post.id) if place.page == "post" else None,
    )


# The block is the post's own reports (its heading names the post): county-wide
# reports have their own page, /reports/county/.
REPORTS_BLOCK = document_block("reports", ("post", "village"), REPORTS, _post_reports, county_wide=False)


def report_feed(build: Build) -> list[FeedItem]:
    return feed_items(
        build, REPORTS.of(build.site), "reports/feed_report.html", "report",
        lambda r: r.title, lambda r: "工作报告",
    )
