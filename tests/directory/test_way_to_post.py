"""到警务室: the post and village pages link the phone's map app (geo:), 高德 and
百度 with the post's coordinates as WGS-84 and its name as the label, escaped;
nothing is loaded from those hosts. Without a location, the address to copy.
The 派出所's phone and address from stations.yml on post and township pages."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from conftest import SAMPLE, edit, open_page
from helpers import build, posts


class Links(HTMLParser):
    """The hrefs of a page's 到警务室 section, and its address text."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.address: list[str] = []
        self.inside = 0
        self.in_text = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section" and found.get("class") == "cj-way":
            self.inside = 1
        elif self.inside and tag == "section":
            self.inside += 1
        if self.inside and tag == "a":
            self.hrefs.append(found.get("href") or "")
        if self.inside and tag == "span" and found.get("class") == "cj-way__text":
            self.in_text = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.in_text = False
        if self.inside and tag == "section":
            self.inside -= 1

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.address.append(data)


def way(site: Path, url: str) -> Links:
    parser = Links()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


def assert_map_links(found: Links, name: str, address: str, lat: float, lon: float) -> None:
    geo, amap, baidu = found.hrefs
    head, _, query = geo.partition("?")
    assert head == f"geo:{lat},{lon}"
    assert unquote(query) == f"q={lat},{lon}({name})"
    a = urlsplit(amap)
    assert (a.scheme, a.netloc, a.path) == ("https", "uri.amap.com", "/marker")
    assert parse_qs(a.query) == {"position": [f"{lon},{lat}"], "name": [name], "coordinate": ["wgs84"]}
    b = urlsplit(baidu)
    assert (b.scheme, b.netloc, b.path) == ("https", "api.map.baidu.com", "/marker")
    assert parse_qs(b.query) == {
        "location": [f"{lat},{lon}"], "title": [name], "content": [address],
        "coord_type": ["wgs84"], "output": ["html"],
    }
    assert "".join(found.address) == address


def test_every_post_and_village_page_shows_the_way_to_its_post(site: Path) -> None:
    for post_id, post in posts().items():
        pages = [f"posts/{post_id}/"] + [f"v/{v['id']}/" for v in post["villages"]]
        for url in pages:
            found = way(site, url)
            if "location" in post:
                loc = post["location"]
                assert_map_links(found, post["name"], post["address"], loc["lat"], loc["lon"])
            else:
                assert found.hrefs == [] and "".join(found.address) == post["address"], url


def test_names_are_url_encoded_and_html_escaped(data: Path, tmp_path: Path) -> None:
    name = '长安&社区"<b>警务室'
    edit(data, "posts/zhongshu-changan.yml", "name: 长安社区警务室", f"name: '{name}'")
    edit(data, "posts/zhongshu-changan.yml", "address: 中枢镇长安社区居委会一楼", "address: 中枢镇#1 & <i>居委会</i>")
    site = build(data, tmp_path / "site")
    for url in ["posts/zhongshu-changan/", "v/changan/"]:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert "<b>" not in html and "<i>居委会" not in html
        assert_map_links(way(site, url), name, "中枢镇#1 & <i>居委会</i>", 24.5321, 103.7664)


def test_without_a_location_the_address_is_text_to_copy(site: Path) -> None:
    post = posts()["baishui-dazhai"]
    assert "location" not in post
    html = (site / "posts/baishui-dazhai/index.html").read_text(encoding="utf-8")
    assert "amap.com" not in html and "geo:" not in html
    assert f'<span class="cj-way__text">{post["address"]}</span>' in html


def test_station_phone_and_address_on_post_and_township_pages(site: Path) -> None:
    stations = {s["name"]: s for s in yaml.safe_load((SAMPLE / "stations.yml").read_text(encoding="utf-8"))["stations"]}
    zhongshu, baishui = stations["中枢派出所"], stations["白水派出所"]
    assert "address" not in baishui and "phone" not in stations["金马派出所"]
    for url in ["posts/zhongshu-changan/", "posts/townships/zhongshuzhen/"]:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        number = zhongshu["phone"].replace("-", "-<wbr>")
        assert f'<a class="cj-tel" href="tel:{zhongshu["phone"].replace("-", "")}"><span class="cj-num">{number}</span></a>' in html
        assert f"地址：{zhongshu['address']}" in html
    baishui_post = next(i for i, p in posts().items() if p["station"] == "白水派出所")
    html = (site / f"posts/{baishui_post}/index.html").read_text(encoding="utf-8")
    assert f'tel:{baishui["phone"].replace("-", "")}' in html
    jinma_post = next(i for i, p in posts().items() if p["station"] == "金马派出所")
    assert 'class="cj-station"' not in (site / f"posts/{jinma_post}/index.html").read_text(encoding="utf-8")


def test_station_phone_is_checked(data: Path) -> None:
    from conftest import check_fails, line_of

    path = edit(data, "stations.yml", "phone: 0873-0662110", "phone: 12345")
    check_fails(data, file="stations.yml", line=line_of(path, "phone: 12345"), field="stations 第1项 → phone", words="12345")


def test_the_way_is_tapped_in_chromium_and_nothing_loads_from_map_hosts(browser: Any, served: str) -> None:
    context, page, requests = open_page(browser, served + "v/changan/", javascript=False)
    try:
        # Folded: one tap on 到警务室 (no JavaScript needed) shows the map links.
        page.locator("summary:has(#way-zhongshu-changan)").click()
        section = page.get_by_role("region", name="到警务室")
        for name in ["用手机地图打开", "高德地图", "百度地图"]:
            link = section.get_by_role("link", name=name)
            box = link.bounding_box()
            assert box and box["height"] >= 44 and box["width"] >= 88, name
        assert section.get_by_role("link", name="用手机地图打开").get_attribute("href", timeout=2000).startswith("geo:24.5321,103.7664?")
    finally:
        context.close()
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests), requests
