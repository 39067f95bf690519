"""A township of many villages goes on over several pages of whole posts, each
under 60 KB with the page shell, so its page stays small on a phone: every post and village
is on exactly one page, the first page still names every village, and the pages
link each other. The sample's townships are small and keep one page."""

from __future__ import annotations

import re
from pathlib import Path

from bench.synthetic import synthetic_grid, write_data
from generator.build import build_site
from generator.core.pages import Page, url_of
from generator.directory.pages import MAX_TOWNSHIP_HTML
from generator.site import load_site

from conftest import TODAY


def township_pages(pages: list[Page]) -> dict[str, Page]:
    return {p.url: p for p in pages if p.url.startswith("posts/townships/")}


def test_a_large_township_is_split_by_whole_posts(tmp_path: Path) -> None:
    write_data(synthetic_grid(150), tmp_path / "data")  # one township of 150 villages
    site = load_site(tmp_path / "data", TODAY)
    (township,) = site.grid.township_slugs
    slug = site.grid.township_slugs[township]
    pages = township_pages(build_site(site).pages)
    first = f"posts/townships/{slug}/"
    every = [first] + [f"{first}{n}/" for n in range(2, len(pages) + 1)]
    assert len(pages) >= 2 and sorted(pages) == sorted(every)

    seen_posts: list[str] = []
    for n, url in enumerate(every, 1):
        html = pages[url].html
        posts = re.findall(r'<section class="cj-post" aria-labelledby="p-([^"]+)">', html)
        villages = re.findall(r'class="cj-town-villages__name" href="[^"]*/v/([^/"]+)/"', html)
        assert villages and len(html.encode()) <= MAX_TOWNSHIP_HTML < 60_000 - 8_000
        seen_posts += posts
        # Each page names the others, itself marked as the current one.
        assert re.search(rf'<a href="[^"]*" aria-current="page">第 {n} 页</a>', html)
        assert html.count("页</a></li>") == len(every)
        if n > 1:
            assert f"{township}（第 {n} 页）" in html and 'id="town-villages"' not in html
            assert pages[url].title == f"{township}的警务室（第 {n} 页）"
    grid_posts = [p.id for p in site.grid.posts_in(township)]
    assert sorted(seen_posts) == sorted(grid_posts) and len(seen_posts) == len(set(seen_posts))
    # The first page's index still names every village of the township.
    chips = re.findall(r'<li><a href="[^"]*/v/([^/"]+)/">', pages[first].html)
    assert sorted(chips) == sorted(v.id for v in site.grid.villages_in(township))


def test_sample_townships_keep_one_page(site: Path) -> None:
    towns = sorted(p.parent.name for p in (site / "posts" / "townships").glob("*/index.html"))
    assert len(towns) == 8
    assert not list((site / "posts" / "townships").glob("*/*/index.html"))
    html = (site / "posts" / "townships" / towns[0] / "index.html").read_text(encoding="utf-8")
    assert "分页" not in html and 'rel="next"' not in html
    assert url_of("posts/townships/x/2.md") == "posts/townships/x/2/"
