"""The directory's own pages: /posts/ (the townships, a jump list), one page
per township (its posts by station, their villages and officers), officers'
photos, vCards (contacts.py) and printables (printables.py). Former village
ids: aliases.py. The post, village and officer pages are in places/.

/posts/ lists townships only and each township page only its own posts, so no
page grows with the size of the grid (a province has about 90 villages a township).
"""

from __future__ import annotations

from ..core.pages import Page, SiteOutput, package_asset, src_of
from ..core.render import Renderer
from ..kind import Build
from . import urls
from .contacts import contact_cards
from .grid import Grid
from .photos import DEFAULT_PHOTO, photo_assets
from .printables import printables
from .schema import Post

# A township page's own HTML at most this long (the page shell adds about 7 KB):
# a larger township goes on over more pages of whole posts, so no page grows with
# a township's size.
MAX_TOWNSHIP_HTML = 50_000


def township_parts(posts: list[Post], parts: int) -> list[list[Post]]:
    """The township's posts, in order, cut into ``parts`` pages of about as many
    villages each (a post is never cut)."""
    share = -(-sum(len(p.villages) for p in posts) // parts)
    out: list[list[Post]] = [[]]
    count = 0
    for post in posts:
        if out[-1] and count + len(post.villages) > share and len(out) < parts:
            out.append([])
            count = 0
        out[-1].append(post)
        count += len(post.villages)
    return out


def township_pages(renderer: Renderer, grid: Grid, township: str, slug: str) -> list[Page]:
    """A township's page (more than one for a large township): its posts by station,
    their villages and officers; the first page also names every village."""
    posts = grid.posts_in(township)
    stations = list(dict.fromkeys(p.station for p in posts))  # grid order: by pinyin
    in_order = [p for s in stations for p in posts if p.station == s]

    def render(parts: list[list[Post]]) -> list[Page]:
        pages = [(n, urls.township(slug, n)) for n in range(1, len(parts) + 1)]
        out = []
        for (n, url), part in zip(pages, parts, strict=True):
            title = f"{township}的警务室" if n == 1 else f"{township}的警务室（第 {n} 页）"
            out.append(renderer.page(
                "directory/posts_township.html", src_of(url), title,
                township=township, stations=[(s, mine) for s in stations if (mine := [p for p in part if p.station == s])],
                post_count=len(posts), villages=sum(len(p.villages) for p in posts),
                village_list=grid.villages_in(township) if n == 1 else [], page_no=n, pages=pages,
            ))
        return out

    count = 1
    while True:
        pages = render(township_parts(in_order, count))
        if count >= len(in_order) or all(len(p.html.encode()) <= MAX_TOWNSHIP_HTML for p in pages):
            return pages
        count += 1


def directory_pages(build: Build) -> SiteOutput:
    grid, renderer, settings = build.site.grid, build.renderer, build.site.settings
    out = SiteOutput()
    slugs = grid.township_slugs
    posts_of = {township: grid.posts_in(township) for township in slugs}
    out.pages.append(renderer.page(
        "directory/posts_index.html", src_of(urls.POSTS), "警务室",
        townships=[(t, urls.township(slug), posts_of[t]) for t, slug in slugs.items()],
    ))
    for township, slug in slugs.items():
        out.pages.extend(township_pages(renderer, grid, township, slug))
    out.assets.extend(photo_assets(grid, build.site.data_dir))
    out.assets.append(package_asset("directory", "officer.svg", DEFAULT_PHOTO))
    out.coming.append(contact_cards(grid, settings))
    out.coming.append(printables(build))
    return out
