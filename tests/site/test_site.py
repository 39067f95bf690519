"""A full build of the sample county: pages, links, weight, no other hosts."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from conftest import CONFIG, SAMPLE, TODAY, cunjing, html_pages
from helpers import sample

POSTS = sorted(SAMPLE.glob("posts/*.yml"))


def sample_records() -> tuple[list[dict], list[dict], list[dict]]:
    posts = [yaml.safe_load(p.read_text(encoding="utf-8")) | {"id": p.stem} for p in POSTS]
    villages = [v for p in posts for v in p["villages"]]
    officers = [o for p in posts for o in p["officers"]]
    return posts, villages, officers


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.loads: list[tuple[str, str]] = []  # (tag, URL) the browser fetches
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "action", "poster", "data"):
                self.links.append((tag, name, value))
            if name == "srcset":
                for part in value.split(","):
                    self.links.append((tag, name, part.strip().split(" ")[0]))
            if name == "id":
                self.ids.add(value)
        found = dict(attrs)
        rel = (found.get("rel") or "").lower()
        if tag == "link" and not {"canonical", "alternate"} & set(rel.split()) and found.get("href"):
            self.loads.append((tag, found["href"] or ""))
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed", "track") and found.get("src"):
            self.loads.append((tag, found["src"] or ""))
        if tag == "object" and found.get("data"):
            self.loads.append((tag, found["data"] or ""))


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_post_village_and_officer_has_a_page(site: Path) -> None:
    posts, villages, officers = sample_records()
    assert len(posts) == 42
    for post in posts:
        page = (site / "posts" / post["id"] / "index.html").read_text(encoding="utf-8")
        assert post["name"] in page and post["address"] in page
    for village in villages:
        page = (site / "v" / village["id"] / "index.html").read_text(encoding="utf-8")
        assert village["name"] in page
    for officer in officers:
        page = (site / "officers" / officer["id"] / "index.html").read_text(encoding="utf-8")
        assert officer["name"] in page and officer["badge"] in page
    assert (site / "posts" / "index.html").exists() and (site / "index.html").exists()


def test_village_page_puts_its_officer_first_with_a_call_link(site: Path) -> None:
    page = (site / "v/changan/index.html").read_text(encoding="utf-8")
    officer = page.index("李建国")
    assert officer < page.index("所属警务室") < page.index("辅警和协管员")
    assert 'href="tel:08730610102"' in page  # the officer
    assert 'href="tel:08730610101"' in page  # the post
    assert 'href="tel:110"' in page


def test_every_phone_number_is_a_tel_link(site: Path) -> None:
    posts, _, officers = sample_records()
    numbers = {p["phone"] for p in posts} | {o["phone"] for o in officers}
    numbers |= {s["phone"] for p in posts for s in p.get("staff", [])}
    shown = set()
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        for _tag, _attr, value in parse(path).links:
            if value.startswith("tel:"):
                assert re.fullmatch(r"tel:(0\d{9,11}|1\d{10}|1[0-2]\d)", value), (path, value)
        # A number shown in text is always inside a tel: link (or an sms: link, for 短信);
        # call controls show it with a break point after the dash.
        text = text.replace("-<wbr>", "-")
        for number in re.findall(r"0873-0\d{6}", text):
            digits = number.replace("-", "")
            assert f'href="tel:{digits}"' in text or f'href="sms:{digits}' in text, (path, number)
            shown.add(number)
    assert numbers <= shown


def test_nothing_is_fetched_from_another_host(site: Path) -> None:
    for path in html_pages(site):
        for tag, value in parse(path).loads:
            assert not urlsplit(value).netloc, (path, tag, value)
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]*)\)", css.read_text(encoding="utf-8")):
            assert "//" not in url or url.strip("'\"").startswith("data:"), (css, url)


def test_internal_links_resolve(site: Path) -> None:
    base = urlsplit(yaml.safe_load((SAMPLE / "site.yml").read_text(encoding="utf-8"))["site_url"])
    for path in html_pages(site):
        for tag, attr, value in parse(path).links:
            parts = urlsplit(value)
            if parts.scheme == base.scheme and parts.netloc == base.netloc and parts.path.startswith(base.path):
                parts = urlsplit(value[len(f"{base.scheme}://{base.netloc}"):])  # canonical
            elif parts.scheme or parts.netloc or value.startswith(("#", "mailto:", "tel:")):
                continue
            if parts.path.startswith("/"):  # 404.html uses site-absolute links
                target = (site / parts.path.removeprefix(base.path)).resolve()
            else:
                target = (path.parent / unquote(parts.path)).resolve()
            if value.endswith("/") or target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{path.relative_to(site)}: {tag} {attr}={value}"


def test_pages_stay_light(site: Path) -> None:
    sizes = {p: p.stat().st_size for p in html_pages(site)}
    largest = max(sizes, key=sizes.__getitem__)
    assert sizes[largest] < 60_000, (largest, sizes[largest])


def test_nav_lists_only_top_level_sections(site: Path) -> None:
    page = (site / "posts/zhongshu-changan/index.html").read_text(encoding="utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index("</nav>")]
    assert "zhongshu-chaoyang" not in nav and "/v/" not in nav
    assert "警务室" in nav and "关于本站" in nav


def test_the_sitemap_lists_every_page_once(site: Path) -> None:
    # Most generated pages are rendered by the plugin itself, not by MkDocs: a
    # search engine must still find each of them, and only them (no printable,
    # no redirect, no 404 page).
    root = yaml.safe_load((SAMPLE / "site.yml").read_text(encoding="utf-8"))["site_url"]
    tree = ET.parse(site / "sitemap.xml")
    locs = [e.text or "" for e in tree.getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    pages = [
        path for path in html_pages(site) if path.name == "index.html" and 'class="cj-skip"' in path.read_text(encoding="utf-8")
    ]
    urls = [root + (path.parent.relative_to(site).as_posix() + "/").removeprefix("./") for path in pages]
    assert len(locs) == len(set(locs))
    assert sorted(locs) == sorted(urls)
    assert root + "v/chongyang/" in locs and root + "about/" in locs


def test_sample_banner_on_every_page(site: Path) -> None:
    for path in html_pages(site):
        if path.name == "index.html" and "<meta http-equiv=\"refresh\"" in path.read_text(encoding="utf-8"):
            continue
        if path.name == "404.html":
            continue
        assert "示例数据" in path.read_text(encoding="utf-8"), path


def test_alias_redirects_to_the_permanent_page(site: Path) -> None:
    page = (site / "v/zhongyang/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../chongyang/"' in page
    assert '<a href="../chongyang/">' in page


def test_home_page_has_village_list_emergency_and_figures(site: Path) -> None:
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "找我的民警" in page and 'href="tel:110"' in page
    assert 'href="v/changan/"' in page
    for figure in ("42</strong> 个警务室", "123</strong> 个村（社区）", "62</strong> 名社区（驻村）民警", "125</strong> 名辅警和协管员"):
        assert figure in page


def test_posts_index_lists_townships_each_page_its_stations(site: Path) -> None:
    page = (site / "posts/index.html").read_text(encoding="utf-8")
    # /posts/ is a jump list of townships: it does not grow with the posts.
    assert 'class="cj-post"' not in page
    towns = re.findall(r'<a href="townships/([a-z0-9-]+)/">([^<]+)<span', page)
    assert [name for _, name in towns] == sample().townships()
    total = 0
    for slug, name in towns:
        township = (site / "posts/townships" / slug / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{name}</h1>" in township
        total += township.count('class="cj-post"')
        ids = re.findall(r' id="([^"]+)"', township)
        assert len(ids) == len(set(ids)), (slug, ids)  # no duplicate ids
    assert total == 42
    town = (site / "posts/townships/zhongshuzhen/index.html").read_text(encoding="utf-8")
    assert town.index(">城区派出所</h2>") < town.index(">中枢派出所</h2>")


def test_generated_pages_are_not_written_into_docs(site: Path) -> None:
    docs = CONFIG.parent / "docs"
    assert not (docs / "posts").exists() and not (docs / "v").exists()


def test_data_values_are_escaped(data: Path, tmp_path: Path) -> None:
    post = data / "posts/zhongshu-changan.yml"
    text = post.read_text(encoding="utf-8")
    text = text.replace("name: 长安社区警务室", 'name: "<script>alert(1)</script>长安"')
    text = text.replace("bio: 2009年", 'bio: "<img src=x onerror=alert(2)> **粗** [x](javascript:alert(3)) {{ 1+1 }}"\n    # ')
    post.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    run = cunjing("build", "--data", data, "-d", out, "--today", TODAY)
    assert run.code == 0, run.text
    officer = (out / "officers/li-jianguo/index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in officer and "&lt;img src=x onerror=alert(2)&gt;" in officer
    assert "{{ 1+1 }}" in officer and "<strong>粗</strong>" not in officer
    assert 'href="javascript:' not in officer
    page = (out / "posts/zhongshu-changan/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;长安" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and "<script>" not in title.group(1)


def test_a_hand_written_file_named_like_a_generated_one_is_refused(tmp_path: Path) -> None:
    """Generated files go straight to the output: one of docs/ at the same
    address (here the county's feed, and the posts page) is named, not overwritten."""
    project = tmp_path / "project"
    shutil.copytree(CONFIG.parent / "docs", project / "docs")
    shutil.copy(CONFIG, project / "mkdocs.yml")
    for rel, text in (("feeds/all.atom.xml", "<feed/>"), ("posts/index.md", "# 警务室")):
        (project / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / rel).write_text(text, encoding="utf-8")
        out = tmp_path / "site"
        run = cunjing("build", "-f", project / "mkdocs.yml", "--data", SAMPLE, "-d", out, "--today", TODAY)
        assert run.code == 1 and "Traceback" not in run.text, run.text
        assert f"docs/{rel} 与自动生成的页面同名" in run.err and not out.exists()
        (project / "docs" / rel).unlink()


def test_a_hand_written_page_may_link_to_generated_pages_by_their_md_path(tmp_path: Path) -> None:
    """MkDocs checks a docs/ page's .md links (strict: a missing one fails the build);
    a village's page and a report outside the nav are still found and linked."""
    project = tmp_path / "project"
    shutil.copytree(CONFIG.parent / "docs", project / "docs")
    shutil.copy(CONFIG, project / "mkdocs.yml")
    report = sorted(p.stem for p in (SAMPLE / "reports").glob("*.md"))[0]
    (project / "docs" / "guide").mkdir()
    (project / "docs" / "guide" / "links.md").write_text(
        f"# 怎样找民警\n\n[重阳村](../v/chongyang.md)、[报告](../reports/{report}.md#top)\n\n[本站][about]\n\n"
        "[about]: ../about.md\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    run = cunjing("build", "-f", project / "mkdocs.yml", "--data", SAMPLE, "-d", out, "--today", TODAY)
    assert run.code == 0, run.text
    page = (out / "guide/links/index.html").read_text(encoding="utf-8")
    assert 'href="../../v/chongyang/"' in page and f'href="../../reports/{report}/#top"' in page
    assert "<title>重阳村的民警" in (out / "v/chongyang/index.html").read_text(encoding="utf-8")


def test_failed_build_leaves_previous_site_untouched(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert cunjing("build", "--data", data, "-d", out, "--today", TODAY).code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (data / "posts/zhongshu-changan.yml").write_text("name: [\n", encoding="utf-8")
    run = cunjing("build", "--data", data, "-d", out, "--today", TODAY)
    assert run.code == 1 and "保持原样" in run.err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]


def test_plain_mkdocs_build_works_and_watches_data() -> None:
    from mkdocs.config import load_config

    config = load_config(str(CONFIG))
    config = config.plugins.on_config(config)
    assert any(Path(w).resolve() == SAMPLE.resolve() for w in config.watch)
    assert config.theme["font"] is False
