"""The site's own address (site.yml site_url), needed by QR codes and contact cards.

QR codes on village and officer pages and on the printed notice boards,
and the web address inside each vCard, are absolute URLs: without site_url
they cannot be made, so a missing site_url is an error for editors.
"""

from __future__ import annotations

from pathlib import Path

from .county import County
from .files import display_path
from .problems import Problems
from .yamlio import load_yaml_file

MISSING = (
    "缺少网站地址 site_url。村（社区）页面、民警页面和打印的公示牌上的二维码，"
    "以及联系卡里的网址，都要用网站的完整网址。请在 data/site.yml 里写上，"
    "例如 site_url: https://example.org/luxi/"
)


def require_site_url(data_dir: Path, county: County, problems: Problems) -> None:
    """Section loader: report a missing site_url (other site.yml errors are reported already)."""

    if county.site.site_url:
        return
    path = data_dir / "site.yml"
    if not path.is_file():
        return  # "缺少网站设置文件" is reported by the core loader
    display = display_path(path)
    doc = load_yaml_file(path, display, Problems())
    if doc is None or not isinstance(doc.data, dict):
        return  # unreadable: reported by the core loader
    value = doc.data.get("site_url")
    if value not in (None, ""):
        return  # present but malformed: reported by SiteConfig
    line = doc.line_of(("site_url",)) if "site_url" in doc.data else None
    problems.add(display, line, "site_url", MISSING)


def site_url(county: County) -> str:
    """The validated site_url (require_site_url guarantees it for a loaded county)."""
    url = county.site.site_url
    if not url:
        raise ValueError("site_url is missing; load_county() should have reported it")
    return url
