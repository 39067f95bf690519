"""立项整改: /actions/ grouped by status (整改中 first) and township, one page
per item, the latest on their posts' and villages' pages, entries in the
Atom and RSS feeds (read with feedparser), and validation messages."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser

from conftest import check_fails, edit, line_of
from helpers import SITE_URL, action_day, action_posts, actions, posts, text_of

ORDER = ("整改中", "已立项", "已办结")


def test_sample_has_a_dozen_actions_in_every_state() -> None:
    docs = actions()
    assert len(docs) >= 12
    assert {d.meta["status"] for d in docs} == set(ORDER)
    assert {"恳谈会", "意见箱"} <= {d.meta["source"] for d in docs}


def test_index_groups_by_status_then_township(site: Path) -> None:
    html = (site / "actions/index.html").read_text(encoding="utf-8")
    heads = re.findall(r'<h2 id="s\d">(.*?)（(\d+) 件）</h2>', html)
    assert [h for h, _ in heads] == list(ORDER)
    docs = actions()
    for status, count in heads:
        assert int(count) == sum(1 for d in docs if d.meta["status"] == status)
    grid = posts()
    sections = {part.split("（", 1)[0].split(">", 1)[1]: part for part in html.split('<h2 id="s')[1:]}
    for doc in docs:
        section = sections[doc.meta["status"]]
        for post in action_posts(doc):
            township = grid[post]["township"]
            block = section[section.index(f">{township}</h3>"):]
            block = block[: block.index("</ul>")]
            assert f'href="{doc.slug}/"' in block, (doc.slug, township)


def test_each_action_page_and_its_posts_pages(site: Path) -> None:
    for doc in actions():
        page = (site / f"actions/{doc.slug}/index.html").read_text(encoding="utf-8")
        assert doc.meta["title"] in page and doc.meta["source"] in text_of(page)
        if doc.meta["status"] == "已办结":
            done = doc.meta["done"]
            assert f"{done.year}年{done.month}月{done.day}日" in page
    # The post pages show their latest three, newest news first.
    for post in posts():
        mine = [d for d in actions() if post in action_posts(d)]
        html = (site / f"posts/{post}/index.html").read_text(encoding="utf-8")
        if not mine:
            assert 'id="actions"' not in html
            continue
        mine.sort(key=lambda d: (-action_day(d).toordinal(), d.slug))
        block = html[html.index('id="actions"'):]
        block = block[: block.index("</section>")]
        shown = re.findall(r'href="\.\./\.\./actions/([a-z0-9-]+)/"', block)
        assert shown == [d.slug for d in mine[:3]], post
    village = (site / "v/wenbi/index.html").read_text(encoding="utf-8")
    assert "文笔社区背街小巷夜间照明不足" in village
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="actions"' in home


def test_actions_are_in_the_feeds(site: Path) -> None:
    everything = feedparser.parse((site / "feeds/all.atom.xml").read_bytes())
    rss = feedparser.parse((site / "feeds/all.rss.xml").read_bytes())
    links = {e.link for e in everything.entries}
    assert links == {e.link for e in rss.entries}
    for doc in actions():
        url = f"{SITE_URL}actions/{doc.slug}/"
        assert url in links
        entry = next(e for e in everything.entries if e.link == url)
        assert entry.title == f"【{doc.meta['status']}】{doc.meta['title']}"
        assert entry.tags[0].term == "立项整改"
        for post in action_posts(doc):
            feed = feedparser.parse((site / f"feeds/posts/{post}.atom.xml").read_bytes())
            assert url in {e.link for e in feed.entries}, (doc.slug, post)


def test_done_is_required_when_finished(data: Path) -> None:
    file = "actions/xiangshui-shuitang.md"
    path = edit(data, file, "done: 2026-07-02\n", "")
    check_fails(data, file=file, line=line_of(path, "status: 已办结"), field="status（进展）", words="请加一行 done:")


def test_unknown_post_and_bad_source(data: Path) -> None:
    file = "actions/jinma-gongzi.md"
    path = edit(data, file, "post: jinma-jinma", "post: jinma-jinmaa")
    check_fails(data, file=file, line=line_of(path, "jinma-jinmaa"), field="post（警务室编号）",
                words="是否想写“jinma-jinma”")
    path = edit(data, file, "source: 来电来信", "source: 电话")
    check_fails(data, file=file, line=line_of(path, "source: 电话"), field="source（来源）", words="恳谈会")


def test_done_before_raised(data: Path) -> None:
    file = "actions/dongmen-zaoyin.md"
    path = edit(data, file, "done: 2026-08-20", "done: 2026-07-20")
    check_fails(data, file=file, line=line_of(path, "done: 2026-07-20"), field="done（办结日期）", words="早于立项日期")
