"""安全提示: safety notices, current ones on the pages of the places they concern."""

from __future__ import annotations

from ..documents.pages import document_changes
from ..kind import Command, Kind, Schema
from . import urls
from .load import load_notices
from .model import NOTICES
from .new import new_arguments, new_notice
from .pages import NOTICES_BLOCK, notice_feed, notice_pages
from .schema import Notice

KIND = Kind(
    name="notices",
    title="安全提示",
    summary="/notices/（当前的在前，过期的归档）、每条提示的网页和打印版，首页、警务室和村页面上的当前提示",
    folder="notices",
    folder_note="这里放安全提示（.md 或 Word .docx 文件）。新建一篇：cunjing new notice --post 警务室编号（用 Word 写加 --docx）\n",
    needs=("directory",),
    load=load_notices,
    changes=document_changes(NOTICES),
    schemas=(Schema("notice.schema.json", Notice, "data/notices/*.md 开头的信息：安全提示"),),
    count=lambda site: f"{len(NOTICES.of(site).all)} 条安全提示",
    pages=notice_pages,
    blocks=(NOTICES_BLOCK,),
    feed=notice_feed,
    new=Command("notice", "新建一条安全提示（用模板，不会覆盖已有文件）", new_arguments, new_notice),
    templates=True,
    stylesheet="notices.css",
    nav=(4, "安全提示", urls.NOTICES),
    links={"notices": urls.NOTICES, "notice": urls.notice, "notice_printable": urls.notice_printable},
)
