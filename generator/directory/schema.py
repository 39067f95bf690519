"""data/posts/<post-id>.yml: one police post (警务室), its villages and people."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..core.records import Id, Phone, Record, Text
from ..core.settings import Feedback
from ..core.timing import LocalDate, Repeat, TimeOfDay

# 五员: the duties a community officer holds in the village.
Duty = Literal["政策法律宣传员", "安全防范引导员", "社情民意信息员", "矛盾纠纷调解员", "稳定工作联络员"]
DUTIES: tuple[str, ...] = get_args(Duty)
VillageKind = Literal["行政村", "社区"]
StaffRole = Literal["辅警", "治安协管员", "流动人口协管员"]


class Location(Record):
    lat: float = Field(title="纬度", ge=-90, le=90)
    lon: float = Field(title="经度", ge=-180, le=180)


class Village(Record):
    """A village (行政村) or community (社区); its URL /v/<id>/ never changes."""

    id: Id = Field(title="村（社区）编号")
    name: Text = Field(title="村（社区）名称")
    kind: VillageKind = Field(title="类型")
    population: int = Field(title="人口", gt=0)
    groups: list[Text] = Field(default_factory=list, title="村民小组/小区")
    officers: list[Id] = Field(title="责任民警", description="本警务室民警的编号")
    aliases: list[Id] = Field(default_factory=list, title="曾用编号", description="旧网址继续跳转到本页")


class Officer(Record):
    """A community officer (社区/驻村民警)."""

    id: Id = Field(title="民警编号")
    name: Text = Field(title="姓名")
    rank: Text = Field(title="警衔/职务")
    badge: str = Field(title="警号", pattern=r"^[0-9A-Za-z]{4,12}$")
    phone: Phone = Field(title="电话")
    photo: str | None = Field(None, title="照片", description="data/ 下的图片路径")
    village_role: Text | None = Field(None, title="两委职务")
    duties: list[Duty] = Field(default_factory=list, title="五员职责")
    bio: Text | None = Field(None, title="简介")


class Staff(Record):
    """Auxiliary police and coordinators who work beside the officers."""

    name: Text = Field(title="姓名")
    role: StaffRole = Field(title="岗位")
    phone: Phone = Field(title="电话")
    villages: list[Id] = Field(default_factory=list, title="负责村（社区）")


class Reception(Record):
    """Regular reception hours at the post (警民相约警务室): a repeat rule and times of day."""

    repeat: Repeat = Field(title="重复规则", description="例如 FREQ=WEEKLY;BYDAY=WE（每周三）")
    start: TimeOfDay = Field(title="开始时间", description="HH:MM，例如 09:00")
    end: TimeOfDay = Field(title="结束时间", description="HH:MM，例如 11:30")
    since: LocalDate | None = Field(
        None, title="从哪天起", description="YYYY-MM-DD；隔周、隔月接待时用来确定从哪一次算起"
    )

    @model_validator(mode="after")
    def _sensible(self) -> Reception:
        if self.end <= self.start:
            raise PydanticCustomError(
                "cj_order", "结束时间 {end} 应晚于开始时间 {start}。",
                {"end": self.end.strftime("%H:%M"), "start": self.start.strftime("%H:%M")},
            )
        if "COUNT=" in self.repeat:
            raise PydanticCustomError(
                "cj_rrule", "接待时间是长期的，重复规则里不要写 COUNT（次数）。"
            )
        return self


class Post(Record):
    """A police post (警务室). Its id is the file name (posts/<id>.yml)."""

    id: Id = Field(title="警务室编号（即文件名）")
    name: Text = Field(title="警务室名称")
    township: Text = Field(title="乡镇")
    station: Text = Field(title="派出所")
    address: Text = Field(title="地址")
    phone: Phone = Field(title="电话")
    hours: Text = Field(title="办公时间")
    location: Location | None = Field(None, title="位置")
    villages: list[Village] = Field(title="负责村（社区）", min_length=1)
    officers: list[Officer] = Field(title="民警")
    staff: list[Staff] = Field(default_factory=list, title="辅警和协管员")
    reception: Reception | None = Field(None, title="警民相约警务室", description="固定接待群众的时间")
    feedback: Feedback | None = Field(
        None, title="意见反馈", description="本警务室的反映渠道；不写的项目用 site.yml 里的"
    )
