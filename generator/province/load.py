"""A province folder: its site.yml and counties/<county-id>/, each a county's
data folder. Recognised by its counties/ folder; nothing here knows MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, field_validator

from ..core.files import display_path
from ..core.messages import validate_document
from ..core.problems import DataError, Problems
from ..core.records import EmergencyPhone, Record, Text
from ..core.settings import Feedback, SiteConfig
from ..core.yamlio import load_yaml_file

COUNTIES = "counties"
# Written into each county's folder of the built site: what the province's own pages read.
COUNTY_EXPORT = "county.json"
COUNTY_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Names the province's own pages and files take at the site root.
RESERVED = frozenset({"assets", "find", "stats", "search", "media", "feed", "sitemap"})


class ProvinceConfig(Record):
    title: Text = Field(title="网站名称", description="例如 红河州一村一警")
    authority: Text = Field(title="主办单位", description="例如 红河州公安局")
    site_url: str = Field(title="网站地址", description="完整网址，例如 https://example.org/honghe/；各县在它下面的 <县编号>/")
    emergency: EmergencyPhone = Field("110", title="报警电话")
    sample: bool = Field(False, title="示例数据", description="为 true 时每页显示“示例数据”提示")
    feedback: Feedback = Field(default_factory=Feedback, title="意见反馈")

    def as_site(self) -> SiteConfig:
        """The settings the province's own pages are rendered with (page shell, footer)."""
        return SiteConfig(
            title=self.title, county=self.title, authority=self.authority, site_url=self.site_url,
            emergency=self.emergency, sample=self.sample, feedback=self.feedback,
        )

    @field_validator("site_url")
    @classmethod
    def _absolute_url(cls, value: str) -> str:
        checked = SiteConfig._absolute_url(value)  # the county rule: https://…, ends in /
        assert checked is not None
        return checked


@dataclass(frozen=True)
class County:
    """One county of a province: its id (its folder name and its address) and data folder."""

    id: str
    data_dir: Path


@dataclass(frozen=True)
class Parent:
    """What a county takes from its province: its expected address and the way up."""

    county_id: str
    site_url: str  # the province's site_url + <county-id>/
    title: str  # the province site's title, for the link up
    home: str  # the province home's absolute address


@dataclass(frozen=True)
class Province:
    data_dir: Path
    settings: ProvinceConfig
    counties: tuple[County, ...]

    def county(self, county_id: str) -> County | None:
        return next((c for c in self.counties if c.id == county_id), None)

    def parent(self, county: County) -> Parent:
        return Parent(
            county_id=county.id, site_url=self.settings.site_url + county.id + "/",
            title=self.settings.title, home=self.settings.site_url,
        )


def is_province(data_dir: Path) -> bool:
    return (data_dir / COUNTIES).is_dir()


def load_province(data_dir: Path) -> Province:
    """The province's site.yml and its counties' folders; DataError lists every problem."""
    problems = Problems()
    path = data_dir / "site.yml"
    display = display_path(path)
    settings: ProvinceConfig | None = None
    if not path.is_file():
        problems.add(display, None, None, "缺少省（州）网站设置文件 site.yml。")
    else:
        doc = load_yaml_file(path, display, problems)
        if doc is not None:
            settings = validate_document(ProvinceConfig, doc, problems)
    counties: list[County] = []
    folder = data_dir / COUNTIES
    for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
        if not entry.is_dir() or entry.name.startswith("."):
            continue
        where = display_path(entry)
        if not COUNTY_ID.fullmatch(entry.name):
            problems.add(
                where, None, None,
                f"县的文件夹名“{entry.name}”就是这个县的网址，只能用小写字母、数字和短横线，例如 luxi、mile。",
            )
            continue
        if entry.name in RESERVED:
            problems.add(
                where, None, None,
                f"县的文件夹名“{entry.name}”和省（州）网站自己的页面同名，请换一个，例如加上县名的拼音。",
            )
            continue
        counties.append(County(entry.name, entry))
    if not counties and folder.is_dir():
        problems.add(display_path(folder), None, None, "counties 文件夹里还没有县。每个县一个文件夹，里面是这个县的全部数据。")
    if problems.errors or settings is None:
        raise DataError(problems)
    return Province(data_dir=data_dir, settings=settings, counties=tuple(counties))
