"""/law/ lists each lecture once; its categories (类别) and topics (主题) are chips
linking to small pages, /law/kinds/<pinyin>/ and /law/topics/<pinyin>/, each
listing that view's lectures once. Checked against data/lectures/ read with
PyYAML, not with the generator's model."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from conftest import SAMPLE, check
from helpers import front_matter

KINDS = ("法制讲座", "广播讲座", "以案说法", "调解员培训")  # the order the schema gives


def lectures() -> dict[str, dict[str, Any]]:
    return {p.stem: front_matter(p) for p in sorted((SAMPLE / "lectures").glob("*.md"))}


def of_kind(kind: str) -> set[str]:
    return {slug for slug, meta in lectures().items() if meta["kind"] == kind}


def of_topic(topic: str) -> set[str]:
    return {slug for slug, meta in lectures().items() if topic in (meta.get("topics") or [])}


class Links(HTMLParser):
    """The links of a page's content (inside <article>), as site-relative URLs;
    chips with their label, count and whether they mark the page shown."""

    def __init__(self, here: str) -> None:
        super().__init__()
        self.here = here
        self.inside = False
        self.links: list[str] = []
        self.chips: list[tuple[str, str, bool]] = []  # (url, text, current)
        self._chip: list[object] | None = None
        self._in_chips = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "article":
            self.inside = True
        if not self.inside:
            return
        if tag == "ul" and ("cj-chips" in (found.get("class") or "").split() or self._in_chips):
            self._in_chips += 1
        if tag == "a" and found.get("href"):
            href = found["href"] or ""
            url = href if re.match(r"[a-z]+:", href) or href.startswith("#") else (
                posixpath.normpath(posixpath.join(self.here, href)) + ("/" if href.endswith("/") else "")
            )
            url = "" if url in ("./", "./.") else url.removeprefix("./")
            self.links.append(url)
            if self._in_chips:
                self._chip = [url, "", found.get("aria-current") == "page"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.inside = False
        elif tag == "ul" and self._in_chips:
            self._in_chips -= 1
        elif tag == "a" and self._chip is not None:
            url, text, current = self._chip
            self.chips.append((str(url), str(text).strip(), bool(current)))
            self._chip = None

    def handle_data(self, data: str) -> None:
        if self._chip is not None:
            self._chip[1] = str(self._chip[1]) + data


def links_of(site: Path, url: str) -> Links:
    parser = Links(url)
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


def lecture_links(page: Links) -> list[str]:
    """The page's links to lecture pages, as lecture slugs (repeats kept)."""
    slugs = lectures()
    return [m.group(1) for url in page.links if (m := re.fullmatch(r"law/([a-z0-9-]+)/", url)) and m.group(1) in slugs]


def chip_parts(text: str) -> tuple[str, int]:
    """A chip's name and the count beside it: "反电诈4" -> ("反电诈", 4)."""
    m = re.fullmatch(r"(\D+?)\s*(\d+)", text)
    assert m, text
    return m.group(1), int(m.group(2))


def views(site: Path) -> dict[str, tuple[str, int]]:
    """/law/'s category and topic chips: name -> (page URL, count)."""
    out = {}
    for url, text, _ in links_of(site, "law/").chips:
        name, count = chip_parts(text)
        out[name] = (url, count)
    return out


def test_law_index_links_each_lecture_once(site: Path) -> None:
    found = Counter(lecture_links(links_of(site, "law/")))
    assert set(found) == set(lectures()), set(lectures()) ^ set(found)
    assert [slug for slug, n in found.items() if n != 1] == []


def test_law_index_has_a_chip_for_every_category_and_topic_with_its_count(site: Path) -> None:
    chips = views(site)
    data = lectures()
    assert chips.pop("全部") == ("law/", len(data))
    kinds = [k for k in KINDS if of_kind(k)]
    topics = sorted({t for meta in data.values() for t in (meta.get("topics") or [])})
    assert set(chips) == set(kinds) | set(topics)
    for kind in kinds:
        assert re.fullmatch(r"law/kinds/[a-z0-9-]+/", chips[kind][0]), chips[kind]
        assert chips[kind][1] == len(of_kind(kind)), kind
    for topic in topics:
        assert re.fullmatch(r"law/topics/[a-z0-9-]+/", chips[topic][0]), chips[topic]
        assert chips[topic][1] == len(of_topic(topic)), topic
    # Addresses from the pinyin of the name, as townships get theirs.
    assert chips["以案说法"][0] == "law/kinds/yianshuofa/"
    assert chips["调解员培训"][0] == "law/kinds/tiaojieyuanpeixun/"
    assert chips["反电诈"][0] == "law/topics/fandianzha/"
    assert chips["矛盾纠纷调解"][0] == "law/topics/maodunjiufentiaojie/"
    assert len({url for url, _ in chips.values()}) == len(chips)


@pytest.mark.parametrize("kind", KINDS)
def test_each_category_page_lists_exactly_its_lectures_once(site: Path, kind: str) -> None:
    url, _ = views(site)[kind]
    page = links_of(site, url)
    found = Counter(lecture_links(page))
    assert set(found) == of_kind(kind)
    assert all(n == 1 for n in found.values()), found
    html = (site / url / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{kind}</h1>" in html and f"<title>{kind} - 法制宣传 - " in html


def test_each_topic_page_lists_exactly_its_lectures_once(site: Path) -> None:
    topics = sorted({t for meta in lectures().values() for t in (meta.get("topics") or [])})
    assert len(topics) >= 5
    for topic in topics:
        url, _ = views(site)[topic]
        found = Counter(lecture_links(links_of(site, url)))
        assert set(found) == of_topic(topic), topic
        assert all(n == 1 for n in found.values()), (topic, found)
    # A lecture with two topics is on both pages.
    assert "weichengnianren-xuexiao" in of_topic("反电诈") & of_topic("未成年人保护")


def test_view_pages_are_reached_from_law_and_lead_back_and_to_each_other(site: Path) -> None:
    chips = views(site)
    for name, (url, _) in chips.items():
        assert (site / url / "index.html").is_file(), url
        page = links_of(site, url)
        marked = [chip for chip in page.chips if chip[2]]
        assert [(u, chip_parts(t)[0]) for u, t, _ in marked] == [(url, name)]
        assert {u for u, _, _ in page.chips} == {u for u, _ in chips.values()}
        assert "law/" in page.links
    assert next(chip for chip in links_of(site, "law/").chips if chip[2])[0] == "law/"


def groups(site: Path, url: str) -> dict[str, list[str]]:
    """A page's lecture slugs under 近期讲座, 往期讲座 and 文章和案例 (absent: empty)."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    up = "../" * url.count("/")
    out = {}
    for anchor in ("upcoming", "past", "articles"):
        start = html.find(f'<h2 id="{anchor}">')
        end = html.find("<h2", start + 1)
        part = html[start:end if end > 0 else None] if start >= 0 else ""
        out[anchor] = [
            posixpath.basename(href.rstrip("/"))
            for href in re.findall(r'class="cj-law__title" href="([^"]+)"', part)
        ]
        assert all(href.startswith(up[3:]) for href in re.findall(r'class="cj-law__title" href="([^"]+)"', part))
    return out


def test_view_pages_keep_upcoming_past_and_articles_in_the_order_of_law(site: Path) -> None:
    everything = groups(site, "law/")
    assert all(everything.values())
    for name, (url, _) in views(site).items():
        if url == "law/":
            continue
        for anchor, slugs in groups(site, url).items():
            assert slugs == [s for s in everything[anchor] if s in slugs], (name, anchor)


def test_lecture_pages_link_to_their_topics_and_category(site: Path) -> None:
    chips = views(site)
    for slug, meta in lectures().items():
        page = links_of(site, f"law/{slug}/")
        for topic in meta.get("topics") or []:
            assert chips[str(topic)][0] in page.links, (slug, topic)
        assert chips[str(meta["kind"])][0] in page.links, slug


def test_view_pages_are_in_the_sitemap(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for url, _ in views(site).values():
        assert f"<loc>https://cunjing.example.org/luxi/{url}</loc>" in sitemap, url


@pytest.mark.parametrize("name", ["kinds", "topics"])
def test_a_lecture_may_not_take_the_name_of_the_views(data: Path, name: str) -> None:
    source = data / "lectures/baohuling-anli.md"
    source.rename(data / f"lectures/{name}.md")
    err = check(data)
    assert f"data/lectures/{name}.md" in err and "留作网站自己的页面使用" in err, err
