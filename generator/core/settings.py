"""data/site.yml: the county-wide settings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from markupsafe import Markup
from pydantic import AfterValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from . import phones
from .files import IMAGE_TYPES, display_path, resolve_data_file
from .messages import validate_document
from .problems import Problems, field_path
from .records import EmergencyPhone, Phone, Record, Text, _refuse_fullwidth
from .yamlio import load_yaml_file


def _check_supervision(value: str) -> str:
    """监督电话: a five-digit service line (12389, the police's) or a landline.
    Not a mobile: a personal number is no supervision line (and the personal-data
    guard would refuse it)."""
    _refuse_fullwidth(value)
    digits = phones.digits(value)
    if re.fullmatch(r"1[0-9]{4}", digits):
        return digits
    normal = phones.normalise(value)
    if normal is None or phones.is_mobile(value):
        raise PydanticCustomError(
            "cj_phone", "监督电话“{value}”格式不正确：一般写 12389（公安机关投诉举报电话），"
            "也可以写固定电话，区号加号码，如 0873-6621234。", {"value": value},
        )
    return normal


SupervisionPhone = Annotated[str, AfterValidator(_check_supervision)]


class Feedback(Record):
    """Default contact channels for residents' opinions (意见建议)."""

    phone: Phone | None = Field(None, title="意见反馈电话")
    email: str | None = Field(None, title="意见反馈邮箱", pattern=r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
    sms: Phone | None = Field(None, title="短信号码", description="群众发短信反映情况的号码")
    wechat_qr: str | None = Field(
        None, title="微信二维码", description="data/ 下的图片，例如 feedback/wechat-luxi.png"
    )
    survey_url: str | None = Field(
        None, title="问卷网址", description="三访三评或县里组织的其他问卷，必须以 https:// 开头"
    )
    mailbox: Text | None = Field(None, title="意见箱位置", description="例如 长安社区居委会门口")

    @field_validator("survey_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and (not value.startswith("https://") or any(c in value for c in " <>\"'")):
            raise PydanticCustomError(
                "cj_url", "问卷网址“{value}”必须是以 https:// 开头的完整网址（不能用 http://），"
                "例如 https://survey.example.org/sanfang。", {"value": value},
            )
        return value


class SiteConfig(Record):
    title: Text = Field(title="网站名称")
    county: Text = Field(title="县名")
    authority: Text = Field(title="主办单位", description="例如 泸西县公安局")
    site_url: str | None = Field(
        None, title="网站地址", description="完整网址，例如 https://example.org/luxi/（生成二维码和订阅源时需要）"
    )
    emergency: EmergencyPhone = Field("110", title="报警电话")
    supervision: SupervisionPhone = Field(
        "12389", title="监督电话", description="群众投诉、监督公安民警的电话，印在公示牌上；默认 12389"
    )
    sample: bool = Field(False, title="示例数据", description="为 true 时每页显示“示例数据”提示")
    feedback: Feedback = Field(default_factory=Feedback, title="意见反馈")
    # What a government site shows at the foot of every page (政府网站发展指引).
    site_code: Text | None = Field(None, title="网站标识码", description="政府网站的网站标识码，例如 5303270001")
    icp_record: Text | None = Field(None, title="ICP备案号", description="例如 滇ICP备12345678号")
    police_record: Text | None = Field(
        None, title="公安机关备案号", description="例如 滇公网安备53032702000123号（链接按其中的数字查询）"
    )

    def footer(self) -> Markup:
        """The footer lines of every page (see footer_html)."""
        return footer_html(self)

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


ICP_SITE = "https://beian.miit.gov.cn/"
POLICE_SITE = "https://beian.mps.gov.cn/#/query/webSearch?code="
FILING_FIELDS = {"site_code": "网站标识码", "icp_record": "ICP备案号", "police_record": "公安机关备案号"}


def footer_html(settings: SiteConfig) -> Markup:
    """The footer lines every page carries (shell, print and 404 pages): who runs
    the site, how to reach them and its filings, each filing a link to its
    public register; in the sample, marked as examples."""
    mark = Markup("（示例）") if settings.sample else ""
    lines = [Markup("主办单位：{}").format(settings.authority)]
    contact = []
    if settings.feedback.phone:
        # A call control like every phone number (48 px on screen: core.css).
        contact.append(Markup('联系电话：<a class="cj-footer__tel" href="tel:{}"><span class="cj-num">{}</span></a>').format(
            re.sub(r"\D", "", settings.feedback.phone), settings.feedback.phone))
    if settings.feedback.email:
        contact.append(Markup('电子邮箱：<a href="mailto:{0}">{0}</a>').format(settings.feedback.email))
    lines.append(Markup(" · ").join(contact) if contact else Markup("联系方式：请到{}或各警务室").format(settings.authority))
    filings = []
    if settings.site_code:
        filings.append(Markup("网站标识码：{}{}").format(settings.site_code, mark))
    if settings.icp_record:
        filings.append(Markup('<a href="{}" rel="external noopener noreferrer">{}</a>{}').format(
            ICP_SITE, settings.icp_record, mark))
    if settings.police_record:
        code = re.sub(r"\D", "", settings.police_record)
        filings.append(Markup('<a href="{}{}" rel="external noopener noreferrer">{}</a>{}').format(
            POLICE_SITE, code, settings.police_record, mark))
    if filings:
        lines.append(Markup(" · ").join(filings))
    return Markup("").join(Markup('<p class="cj-footer__line">{}</p>\n').format(line) for line in lines)


MISSING_SITE_URL = (
    "缺少网站地址 site_url。村（社区）页面、民警页面和打印的公示牌上的二维码，"
    "以及联系卡里的网址，都要用网站的完整网址。请在 data/site.yml 里写上，"
    "例如 site_url: https://example.org/luxi/"
)


def load_settings(data_dir: Path, problems: Problems, site_url: str | None = None) -> SiteConfig | None:
    """data/site.yml, checked; a missing site_url is an error (QR codes need it).

    ``site_url``: the address a county of a province has (the province's
    site_url + <county-id>/); its site.yml may leave it out or must agree.
    """
    path = data_dir / "site.yml"
    display = display_path(path)
    if not path.is_file():
        problems.add(display, None, None, "缺少网站设置文件 site.yml。")
        return None
    doc = load_yaml_file(path, display, problems)
    if doc is None:
        return None
    if site_url is not None and isinstance(doc.data, dict):
        written = doc.data.get("site_url")
        if written in (None, ""):
            doc.data["site_url"] = site_url
        elif str(written).rstrip("/") + "/" != site_url:
            problems.add(
                display, doc.line_of(("site_url",)), "site_url",
                f"这个县属于省（州）网站，网址一定是 {site_url}（省网站地址加县的文件夹名）。"
                f"现在写的是 {written}。请删掉这一行（自动使用上面的网址），或改成上面的网址。",
            )
            return None
    settings: SiteConfig | None = validate_document(SiteConfig, doc, problems)
    if settings is not None and settings.feedback.wechat_qr is not None:
        found = resolve_data_file(data_dir, settings.feedback.wechat_qr, IMAGE_TYPES)
        if isinstance(found, str):
            problems.add(display, doc.line_of(("feedback", "wechat_qr")), field_path(("feedback", "wechat_qr")), found)
    data = doc.data if isinstance(doc.data, dict) else None
    if data is not None and data.get("site_url") in (None, ""):
        # Written but empty: its own line; missing: the file's mapping, as for other required fields.
        line = doc.line_of(("site_url",))
        problems.add(display, line, "site_url", MISSING_SITE_URL)
        return None
    if settings is not None and not settings.sample and settings.site_url:
        host = (urlsplit(settings.site_url).hostname or "").lower()
        if host in PLACEHOLDER_HOSTS or host.endswith(tuple("." + h for h in PLACEHOLDER_HOSTS)):
            problems.add(
                display, doc.line_of(("site_url",)), "site_url",
                f"网站地址 {settings.site_url} 是示例或本机地址，但 sample 已设为 false（正式数据）。"
                "二维码和公示牌会指向这个地址，群众扫码打不开。请改成本县网站的真实网址。",
            )
            return None
    if settings is not None and not settings.sample:
        for name, label in FILING_FIELDS.items():
            if not getattr(settings, name):
                problems.add(
                    display, doc.line_of((name,)) or doc.line_of(()) or 1, name,
                    f"没有写{label} {name}。政府网站每一页的页脚都要有{label}，没有它网站不能上线；"
                    "请向县政府网站主管部门或备案时的经办人要来，写进 data/site.yml。",
                    "warning",
                )
    return settings


# Hosts that are never a county's real site: examples and this computer.
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")


def site_url(settings: SiteConfig) -> str:
    """The site's absolute address; load_settings() guarantees it for loaded settings."""
    if not settings.site_url:
        raise ValueError("site_url is missing; load_settings() should have reported it")
    return settings.site_url
