"""data/lectures/<slug>.md: a law-education lecture, broadcast, case study or training.

The front matter describes it; the Markdown body is its text (the lecture, the
case and its legal analysis, or the transcript of its audio). Without
``start``/``end`` it is an article to read, not an event.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from ..core.records import Id, Record, Text
from ..core.timing import LocalDateTime

LectureKind = Literal["法制讲座", "广播讲座", "以案说法", "调解员培训"]
LECTURE_KINDS: tuple[str, ...] = ("法制讲座", "广播讲座", "以案说法", "调解员培训")


class Material(Record):
    """A file handed out with a lecture (PDF, picture, slides), under data/."""

    file: str = Field(title="文件", description="data/ 下的路径，例如 materials/fanzha.pdf")
    title: Text | None = Field(None, title="名称", description="不写时用文件名")


def _material(value: object) -> object:
    """A material may be written as just its path."""
    return {"file": value} if isinstance(value, str) else value


class Lecture(Record):
    slug: Id = Field(title="编号（即文件名）")
    title: Text = Field(title="标题")
    kind: LectureKind = Field(title="类别")
    start: LocalDateTime | None = Field(None, title="开始时间", description="YYYY-MM-DD HH:MM，北京时间")
    end: LocalDateTime | None = Field(None, title="结束时间", description="YYYY-MM-DD HH:MM，北京时间")
    venue: Text | None = Field(None, title="地点")
    speaker: Text | None = Field(None, title="主讲人", description="民警编号，或者姓名")
    posts: list[Id] = Field(default_factory=list, title="警务室", description="警务室编号；不写警务室和村即全县")
    villages: list[Id] = Field(default_factory=list, title="村（社区）", description="村（社区）编号")
    topics: list[Text] = Field(default_factory=list, title="主题", description="例如 反电诈、禁毒、交通安全")
    materials: list[Annotated[Material, BeforeValidator(_material)]] = Field(
        default_factory=list, title="资料", description="data/ 下的 PDF、图片、幻灯片"
    )
    audio: str | None = Field(None, title="录音", description="data/ 下的 mp3 或 m4a 文件")
    body: str = Field("", title="正文")

    @property
    def is_event(self) -> bool:
        return self.start is not None and self.end is not None
