"""Addresses of work reports (工作报告)."""

from __future__ import annotations

REPORTS = "reports/"
COUNTY = "reports/county/"
# Report slugs that would clash with the filter pages under /reports/.
RESERVED_SLUGS = frozenset({"posts", "townships", "county", "index"})


def report(slug: str) -> str:
    return f"reports/{slug}/"


def report_printable(slug: str) -> str:
    return f"print/reports/{slug}/"


def reports_of_township(township_slug: str) -> str:
    return f"reports/townships/{township_slug}/"


def reports_of_post(post_id: str) -> str:
    return f"reports/posts/{post_id}/"
