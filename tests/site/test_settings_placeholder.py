"""Real data (sample: false) may not point QR codes at an example or local address."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check, check_fails, edit


@pytest.mark.parametrize("url", ["https://cunjing.example.org/luxi/", "https://example.com/", "http://localhost:8000/"])
def test_sample_false_with_a_placeholder_site_url_is_refused(data: Path, url: str) -> None:
    edit(data, "site.yml", "site_url: https://cunjing.example.org/luxi/", f"site_url: {url}")
    edit(data, "site.yml", "sample: true", "sample: false")
    check_fails(data, file="site.yml", line=5, field="site_url", words="示例或本机地址")


def test_sample_false_with_a_real_site_url_passes(data: Path) -> None:
    edit(data, "site.yml", "site_url: https://cunjing.example.org/luxi/", "site_url: https://cunjing.luxi.gov.cn/")
    edit(data, "site.yml", "sample: true", "sample: false")
    check(data, code=0)


def test_the_supervision_line_defaults_to_12389_and_is_checked(data: Path) -> None:
    from generator.core.settings import SiteConfig

    assert SiteConfig(title="县", county="县", authority="县公安局").supervision == "12389"
    site = data / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + 'supervision: "1238"\n', encoding="utf-8")
    line = len(site.read_text(encoding="utf-8").splitlines())
    check_fails(data, file="site.yml", line=line, field="supervision", words="监督电话“1238”格式不正确")
