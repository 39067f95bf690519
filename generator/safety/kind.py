"""平安建设: each village's 六位一体, mediators, patrols and 平安 status."""

from __future__ import annotations

from ..core.xlsx import Sheet
from ..kind import Kind, Load, Schema
from ..law.load import LAW
from . import urls
from .load import load_safety
from .model import SAFETY, SafetyBook
from .pages import SAFETY_BLOCK, safety_pages
from .schema import Safety
from .workbook import MEDIATORS, SIX, safety_sheets
from .workbook import SAFETY as SAFETY_SHEET


def _load(ctx: Load) -> SafetyBook:
    return load_safety(ctx.data_dir, ctx.grid, LAW.of(ctx).lectures, ctx.problems)


def _sheets(ctx: Load) -> tuple[list[Sheet], str]:
    book = SAFETY.of(ctx)
    return safety_sheets(book), f"{len(book.records)} 个村（社区）的平安建设"


KIND = Kind(
    name="safety",
    title="平安建设",
    summary="/safety/（各村的平安建设情况）和村页面上的平安建设：六位一体、调解员、治安巡逻（巡逻也进活动日历）",
    folder="safety",
    folder_note=(
        "这里放各村（社区）的平安建设（每个村一个 .yml 文件，文件名是村的编号，如 changan.yml）："
        "平安称号、治安巡逻队、调解员、六位一体。也可以写在 Excel 名册的三个平安建设工作表里（两者只留一份）。\n"
    ),
    needs=("directory", "law"),
    uses=("events",),
    load=_load,
    published_numbers=lambda ctx: SAFETY.of(ctx).published_numbers(),
    schemas=(Schema("safety.schema.json", Safety, "data/safety/<村（社区）编号>.yml：一个村（社区）的平安建设", ("village",)),),
    pages=safety_pages,
    blocks=(SAFETY_BLOCK,),
    sheets=_sheets,
    sheet_names=(SAFETY_SHEET, MEDIATORS, SIX),
    templates=True,
    stylesheet="safety.css",
    nav=(7, "平安建设", urls.SAFETY),
    links={"safety": urls.SAFETY},
    terms={"六位一体": (
        "治保（治安保卫）、调解、巡逻、帮教（帮助刑满释放等人员回归社会）、普法、流动人口管理，"
        "六件事村里各有人负责，一起抓。"
    )},
)
