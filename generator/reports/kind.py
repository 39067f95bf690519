"""工作报告: work reports to the people, per post or county-wide."""

from __future__ import annotations

from ..documents.pages import document_changes
from ..kind import Command, Kind, Schema
from . import urls
from .load import load_reports
from .model import REPORTS
from .new import new_arguments, new_report
from .pages import REPORTS_BLOCK, report_feed, report_pages
from .schema import Report

KIND = Kind(
    name="reports",
    title="工作报告",
    summary="/reports/、每份报告的网页和打印版，警务室和村页面上的最新报告",
    folder="reports",
    folder_note="这里放工作报告（.md 或 Word .docx 文件）。新建一篇：cunjing new report --post 警务室编号（用 Word 写加 --docx）\n",
    needs=("directory", "visits", "requests"),
    load=load_reports,
    changes=document_changes(REPORTS),
    schemas=(Schema("report.schema.json", Report, "data/reports/*.md 开头的信息：工作报告"),),
    count=lambda site: f"{len(REPORTS.of(site).all)} 份工作报告",
    pages=report_pages,
    blocks=(REPORTS_BLOCK,),
    feed=report_feed,
    new=Command("report", "新建一篇工作报告（用模板，不会覆盖已有文件）", new_arguments, new_report),
    templates=True,
    stylesheet="reports.css",
    nav=(3, "工作报告", urls.REPORTS),
    links={
        "reports": urls.REPORTS,
        "reports_of_post": urls.reports_of_post,
        "reports_county": urls.COUNTY,
        "reports_of_township": urls.reports_of_township,
        "report": urls.report,
        "report_printable": urls.report_printable,
    },
)
