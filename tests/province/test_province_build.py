"""A province folder: checked and built county by county, each county under
SITE/<county-id>/ with its address from the province and a link up, the
province home at the root; a bad county refuses the whole build cleanly."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
from pathlib import Path

import pytest
from provinces import COUNTIES, make_province

from conftest import cunjing

TODAY = "2026-12-01"


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_province(tmp_path_factory.mktemp("province") / "p", COUNTIES)


@pytest.fixture(scope="module")
def built(province: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    site = tmp_path_factory.mktemp("built") / "site"
    run = cunjing("build", "--data", province, "-d", site, "--today", TODAY, "--jobs", "2")
    assert run.code == 0, run.text
    return site, run.out


def test_every_county_is_built_under_its_id_with_its_address_and_a_link_up(built: tuple[Path, str]) -> None:
    site, out = built
    for county_id, (name, _villages, _seed) in COUNTIES.items():
        county = site / county_id
        assert (county / "index.html").is_file() and (county / "index.html.gz").is_file()
        assert (county / "sw.js").is_file() and (county / "404.html").is_file()
        # The county's address is the province's + <id>/ (its site.yml leaves it out).
        vcard = next((county / "contacts").rglob("*.vcf")).read_text(encoding="utf-8")
        assert f"https://example.org/hecheng/{county_id}/" in vcard
        page = (county / "v" / "v1" / "index.html").read_text(encoding="utf-8")
        assert '<p class="cj-footer__up"><a href="../../../">合成州一村一警（全部县）</a></p>' in page
        assert json.loads((county / "county.json").read_text(encoding="utf-8"))["directory"]["county"] == name
        # One line per county as it finishes: id, name, pages, seconds.
        assert re.search(rf"✓ {county_id}（{name}）：\d+ 个页面，[\d.]+ 秒(，\d+ 个警告)?", out), out
    assert "3 个县" in out
    # Problems are counted on the county's line (the synthetic alpha has two posts over the standard).
    assert re.search(r"✓ alpha（甲县）：\d+ 个页面，[\d.]+ 秒，2 个警告", out), out


def test_the_province_home_links_every_county_in_pinyin_order(built: tuple[Path, str]) -> None:
    site, _ = built
    home = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<li><a href="([a-z]+)/">([^<]+)</a></li>', home)
    assert links == [("gamma", "丙县"), ("alpha", "甲县"), ("beta", "乙县")]  # bing, jia, yi
    assert home.index('href="tel:110"') < home.index('href="gamma/"')
    assert "共 3 个县（市、区）、33 个村（社区）" in home
    # Each county's own pages link up to this home, which exists.
    assert (site / "alpha" / "v" / "v1" / "../../../index.html").resolve() == (site / "index.html").resolve()


def test_county_by_county_gives_the_same_bytes(province: Path, built: tuple[Path, str], tmp_path: Path) -> None:
    site, _ = built
    other = tmp_path / "site"
    for county_id in json.loads(cunjing("counties", "--data", province).out):
        run = cunjing("build", "--data", province, "--county", county_id, "-d", other / county_id, "--today", TODAY)
        assert run.code == 0, run.text
    run = cunjing("build", "--data", province, "--province-pages", "-d", other, "--today", TODAY)
    assert run.code == 0, run.text
    compare = filecmp.dircmp(site, other)

    def differ(c: filecmp.dircmp[str]) -> list[str]:
        found = c.left_only + c.right_only + c.diff_files + c.funny_files
        return found + [f for sub in c.subdirs.values() for f in differ(sub)]

    assert differ(compare) == []
    for path in site.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (other / path.relative_to(site)).read_bytes(), path


def test_root_pages_need_every_county_built(province: Path, tmp_path: Path) -> None:
    run = cunjing("build", "--data", province, "--province-pages", "-d", tmp_path / "site", "--today", TODAY)
    assert run.code == 1
    assert "alpha、beta、gamma" in run.err and "cunjing build --county" in run.err
    assert "Traceback" not in run.text


def test_a_bad_county_refuses_the_build_and_leaves_the_live_site(province: Path, tmp_path: Path) -> None:
    bad = tmp_path / "p"
    shutil.copytree(province, bad)
    post = bad / "counties" / "beta" / "posts" / "p1.yml"
    post.write_text(post.read_text(encoding="utf-8").replace("phone: 0873-", "phone: 0873x", 1), encoding="utf-8")
    (bad / "counties" / "gamma" / "site.yml").write_text(
        (bad / "counties" / "gamma" / "site.yml").read_text(encoding="utf-8") + "site_url: https://example.org/other/\n",
        encoding="utf-8",
    )
    live = tmp_path / "site"
    live.mkdir()
    (live / "index.html").write_text("live", encoding="utf-8")
    run = cunjing("build", "--data", bad, "-d", live, "--today", TODAY, "--jobs", "2")
    assert run.code == 1, run.text
    assert "Traceback" not in run.text
    assert re.search(r"counties/beta/posts/p1\.yml:\d+: 错误：字段 phone", run.err), run.err
    assert re.search(r"counties/gamma/site\.yml:\d+: 错误：字段 site_url：.*https://example\.org/hecheng/gamma/", run.err)
    assert "2 个县的数据有错误（beta、gamma）" in run.err
    assert sorted(p.name for p in live.iterdir()) == ["index.html"]
    assert (live / "index.html").read_text(encoding="utf-8") == "live"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]
    # check lists the problems per county and says which counties are fine.
    checked = cunjing("check", "--data", bad, "--today", TODAY)
    assert checked.code == 1
    assert "【alpha】甲县：数据可以使用" in checked.out and "【beta】数据有错误" in checked.out
    assert checked.out.count("counties/beta/posts/p1.yml") == 1
    assert "3 个县，2 个县的数据有错误" in checked.err


def test_a_county_folder_name_is_its_address(province: Path, tmp_path: Path) -> None:
    bad = tmp_path / "p"
    shutil.copytree(province, bad)
    (bad / "counties" / "alpha").rename(bad / "counties" / "Alpha County")
    run = cunjing("check", "--data", bad)
    assert run.code == 1 and "Traceback" not in run.text
    assert "Alpha County" in run.err and "小写字母、数字和短横线" in run.err


def test_the_province_feeds_carry_every_countys_items_named_by_county(built: tuple[Path, str]) -> None:
    import feedparser

    site, _ = built
    for name in ("all.atom.xml", "all.rss.xml"):
        feed = feedparser.parse((site / "feeds" / name).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        got = {e.title: e.link for e in feed.entries}
        # Editors' text stays text: < and & come through as written.
        assert got == {
            f"{county}：【提示】{county}防溺水 <提醒> & 预警":
                f"https://example.org/hecheng/{county_id}/notices/2026-11-{county_id}/"
            for county_id, (county, _v, _s) in COUNTIES.items()
        }, got
        for link in got.values():  # each entry's page exists in its county
            assert (site / link.removeprefix("https://example.org/hecheng/") / "index.html").is_file()


def test_the_province_stats_sum_each_county_and_link_to_its_stats(built: tuple[Path, str]) -> None:
    from helpers import table_rows

    site, _ = built
    page = (site / "stats" / "index.html").read_text(encoding="utf-8")
    rows = table_rows(page, "各县每名民警服务人数（数据表）")
    assert [r[0] for r in rows] == ["丙县", "甲县", "乙县"]
    for county_id, row in zip(["gamma", "alpha", "beta"], rows, strict=True):
        export = json.loads((site / county_id / "county.json").read_text(encoding="utf-8"))["stats"]
        assert row[1:] == [str(export["posts"]), str(export["over"]), f"{export['population']:,}",
                           str(export["officers"]), f"{export['per_officer']:,}"]
        assert f'<a href="../{county_id}/stats/">' in page
        assert (site / county_id / "stats" / "index.html").is_file()


def test_the_root_has_its_404_page_a_sitemap_of_every_county_and_its_service_worker(built: tuple[Path, str]) -> None:
    import xml.etree.ElementTree as ET

    site, _ = built
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/hecheng/find/" data-to="find/">找民警：不知道在哪个县也能找' in missing
    assert "/hecheng/posts/" not in missing  # a county's sections are in its own 404.html
    assert 'data-sections="alpha assets beta feeds find gamma search stats"' in missing
    assert '<a href="/hecheng/alpha/posts/"' in (site / "alpha" / "404.html").read_text(encoding="utf-8")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.parse(site / "sitemap-index.xml").getroot().findall("s:sitemap/s:loc", ns)]
    assert locs == [f"https://example.org/hecheng/{p}sitemap.xml" for p in ("", "alpha/", "beta/", "gamma/")]
    for loc in locs:
        assert loc is not None and (site / loc.removeprefix("https://example.org/hecheng/")).is_file()
    worker = (site / "sw.js").read_text(encoding="utf-8")
    shards = sorted(p.relative_to(site).as_posix() for p in (site / "find" / "i").glob("*.json"))
    assert shards and f"var INDEX = {json.dumps(shards, separators=(',', ':'))};" in worker
