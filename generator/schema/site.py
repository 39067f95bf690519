"""data/site.yml: the county-wide settings."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from .base import EmergencyPhone, Phone, Record, Text


class Feedback(Record):
    """Default contact channels for residents' opinions (意见建议)."""

    phone: Phone | None = Field(None, title="意见反馈电话")
    email: str | None = Field(None, title="意见反馈邮箱", pattern=r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")


class SiteConfig(Record):
    title: Text = Field(title="网站名称")
    county: Text = Field(title="县名")
    authority: Text = Field(title="主办单位", description="例如 泸西县公安局")
    site_url: str | None = Field(
        None, title="网站地址", description="完整网址，例如 https://example.org/luxi/（生成二维码和订阅源时需要）"
    )
    emergency: EmergencyPhone = Field("110", title="报警电话")
    sample: bool = Field(False, title="示例数据", description="为 true 时每页显示“示例数据”提示")
    feedback: Feedback = Field(default_factory=Feedback, title="意见反馈")

    @field_validator("site_url")
    @classmethod
    def _absolute_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith(("https://", "http://")) or " " in value or "<" in value:
            raise PydanticCustomError(
                "cj_url", "网站地址必须是以 https:// 开头的完整网址，例如 https://example.org/luxi/。"
            )
        return value if value.endswith("/") else value + "/"
