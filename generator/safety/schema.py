"""data/safety/<village-id>.yml: what a village has built for its safety (平安建设).

The file stem is the village id (former ids resolve). Only people who serve
are named here: the patrol team's leader, the mediators and the 六位一体
roster. Nothing about the people helped (帮教 subjects, parties to a dispute)
has a place: a patrol team's members are a count, and every unknown key is
refused. Phones written here are published numbers.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from ..core.records import Id, Phone, Record, Text
from ..core.timing import LocalDate, LocalDateTime, Repeat

# 六位一体: the six jobs of a village's safety mechanism, in the order shown.
SixRole = Literal["治保", "调解", "巡逻", "帮教", "普法", "流动人口管理"]
SIX_ROLES: tuple[str, ...] = get_args(SixRole)


class Pingan(Record):
    """The village's 平安村寨 / 平安社区 title."""

    title: Text = Field(title="称号", description="例如 平安村寨、平安社区")
    year: int = Field(title="年份", ge=1990, le=2100)
    by: Text = Field(title="授予单位", description="例如 泸西县平安建设领导小组")


class Schedule(Record):
    """When the patrol goes out: the first patrol, repeated by an RRULE as in events."""

    start: LocalDateTime = Field(title="开始时间", description="YYYY-MM-DD HH:MM，北京时间；写第一次巡逻")
    end: LocalDateTime = Field(title="结束时间", description="YYYY-MM-DD HH:MM；写第一次巡逻")
    repeat: Repeat | None = Field(
        None, title="重复规则", description="例如 FREQ=WEEKLY;BYDAY=FR（每周五）、FREQ=MONTHLY;BYDAY=1SA（每月第一个星期六）"
    )
    until: LocalDate | None = Field(None, title="重复到哪天为止", description="YYYY-MM-DD，含这一天")


class Patrol(Record):
    """The volunteer patrol team (治安义务巡逻队). Members are a count, never names."""

    name: Text = Field(title="巡逻队名称", description="例如 长安社区治安义务巡逻队")
    leader: Text = Field(title="队长", description="姓名，例如 社区民警或村干部")
    phone: Phone | None = Field(None, title="队长电话", description="公布的电话")
    members: int = Field(title="队员人数", ge=1, le=1000, description="只写人数，不写队员姓名")
    made_of: list[Text] = Field(default_factory=list, title="队员组成", description="例如 复退军人、党员、团员")
    areas: list[Text] = Field(default_factory=list, title="巡逻地点", description="例如 重点部位、街道、院落")
    schedule: Schedule | None = Field(None, title="巡逻时间")


class Mediator(Record):
    """A people's mediator (人民调解员) of the village."""

    name: Text = Field(title="姓名")
    role: Text = Field(title="职务", description="例如 调解委员会主任、调解员")
    phone: Phone | None = Field(None, title="电话", description="公布的电话")
    trained: list[Id] = Field(
        default_factory=list, title="参加的培训", description="data/lectures/ 里类别为调解员培训的讲座编号（文件名）"
    )


class SixMember(Record):
    """Who holds one of the six jobs: a person or a body."""

    who: Text = Field(title="负责人或组织", description="例如 村治保会 李某某")
    phone: Phone | None = Field(None, title="电话", description="公布的电话")


class Safety(Record):
    """One village's 平安建设. Its id is the file name (safety/<village-id>.yml)."""

    village: Id = Field(title="村（社区）编号（即文件名）")
    pingan: Pingan | None = Field(None, title="平安村寨（社区）称号")
    patrol: Patrol | None = Field(None, title="治安义务巡逻队")
    mediators: list[Mediator] = Field(default_factory=list, title="人民调解员")
    six: dict[SixRole, SixMember] = Field(
        default_factory=dict, title="六位一体",
        description="治保、调解、巡逻、帮教、普法、流动人口管理，各写负责人或组织",
    )
