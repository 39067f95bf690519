"""The footer a government site needs on every page kind (shell, print and 404
pages): 主办单位, a contact line, the 网站标识码 and the ICP and 公安机关 filing
numbers linking to their registers (links only); placeholders marked 示例 in the
sample; `cunjing check` warns when a real site lacks them. The home page's
<title> names the site once."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from bench.pagekinds import PAGE_KINDS

from conftest import check, edit, has, line_of
from helpers import build, text_of

FILED = [k for k in PAGE_KINDS if k.browser]


def footer_of(site: Path, file: str) -> str:
    html = (site / file).read_text(encoding="utf-8")
    # The site's footer (a printed report also has its own, with its QR code).
    found = re.findall(r'<footer class="(?:md-footer cj-footer|cj-print__footer|cj-footer)">(.*?)</footer>', html, re.S)
    assert len(found) == 1, file
    return found[0]


@pytest.mark.parametrize("kind", FILED, ids=lambda k: k.id)
def test_every_page_kind_carries_the_footer(site: Path, kind: object) -> None:
    footer = footer_of(site, kind.file)  # type: ignore[attr-defined]
    text = re.sub(r"\s+", "", unescape(text_of(footer)))
    assert "主办单位：泸西县公安局" in text
    assert "联系电话：0873-0660000" in text
    assert "网站标识码：0000000000（示例）" in text
    assert '<a href="https://beian.miit.gov.cn/" rel="external noopener noreferrer">滇ICP备00000000号</a>（示例）' in footer
    assert (
        '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000" rel="external noopener noreferrer">'
        "滇公网安备00000000000000号</a>（示例）"
    ) in footer


def test_print_pages_and_the_404_page_have_it_too(site: Path) -> None:
    kinds = {k.file for k in FILED}
    assert "404.html" in kinds and any(k.startswith("print/") for k in kinds)


def test_home_title_names_the_site_once(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<title>(.*?)</title>", html) == ["泸西县一村一警"]
    village = (site / "v/changan/index.html").read_text(encoding="utf-8")
    assert "<title>长安社区的民警 - 泸西县一村一警</title>" in village


def real_site(data: Path) -> Path:
    path = edit(data, "site.yml", "sample: true", "sample: false")
    edit(data, "site.yml", "site_url: https://cunjing.example.org/luxi/", "site_url: https://www.luxi.gov.cn/cunjing/")
    return path


def test_check_warns_when_a_real_site_lacks_its_filings(data: Path) -> None:
    path = real_site(data)
    for line in ['site_code: "0000000000"\n', "icp_record: 滇ICP备00000000号\n", "police_record: 滇公网安备00000000000000号\n"]:
        edit(data, "site.yml", line, "")
    err = check(data, code=0)
    first = line_of(path, "title:")
    for field, label in [("site_code", "网站标识码"), ("icp_record", "ICP备案号"), ("police_record", "公安机关备案号")]:
        has(err, file="site.yml", line=first, field=field, words=label, level="警告")


def test_no_warning_for_the_sample_or_a_complete_real_site(data: Path) -> None:
    assert "备案号" not in check(data, code=0)
    real_site(data)
    assert "备案号" not in check(data, code=0)


def test_a_real_site_shows_its_numbers_unmarked_and_escaped(data: Path, tmp_path: Path) -> None:
    real_site(data)
    edit(data, "site.yml", "icp_record: 滇ICP备00000000号", "icp_record: '滇ICP备12345678号-1<b>'")
    edit(data, "site.yml", "police_record: 滇公网安备00000000000000号", "police_record: 滇公网安备 53032702000123号")
    edit(data, "site.yml", "authority: 泸西县公安局", "authority: '泸西县公安局 & <i>宣传科</i>'")
    site = build(data, tmp_path / "site")
    for file in ["index.html", "print/v/changan/index.html", "404.html"]:
        footer = footer_of(site, file)
        assert "示例" not in footer and "<b>" not in footer and "<i>" not in footer
        assert "主办单位：泸西县公安局 &amp; &lt;i&gt;宣传科&lt;/i&gt;" in footer
        assert ">滇ICP备12345678号-1&lt;b&gt;</a>" in footer
        assert 'href="https://beian.mps.gov.cn/#/query/webSearch?code=53032702000123"' in footer
