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

# A township page lists at most this many villages (whole posts; a larger
# township goes on over more pages), so no page grows with a township's size.
TOWNSHIP_PAGE_VILLAGES = 60


def township_parts(posts: list[Post]) -> list[list[Post]]:
    """The township's posts, in order, cut into pages of at most
    TOWNSHIP_PAGE_VILLAGES villages (a post is never cut)."""
    parts: list[list[Post]] = [[]]
    count = 0
    for post in posts:
        if parts[-1] and count + len(post.villages) > TOWNSHIP_PAGE_VILLAGES:
            parts.append([])
            count = 0
        parts[-1].append(post)
        count += len(post.villages)
    return parts


def township_pages(renderer: Renderer, grid: Grid, township: str, slug: str) -> list[Page]:
    """A township's page (more than one for a large township): its posts by station,
    their villages and officers; the first page also names every village."""
    posts = grid.posts_in(township)
    stations = list(dict.fromkeys(p.station for p in posts))  # grid order: by pinyin
    parts = township_parts([p for s in stations for p in posts if p.station == s])
    pages = [(n, urls.township(slug, n)) for n in range(1, len(parts) + 1)]
    out = []
    for (n, url), part in zip(pages, parts, strict=True):
        title = f"{township}的警务室" if n == 1 else f"{township}的警务室（第 {n} 页）"
        out.append(renderer.page(
            "directory/posts_township.html", src_of(url), title,
            township=township, stations=[(s, [p for p in part if p.station == s]) for s in stations
                                         if any(p.station == s for p in part)],
            post_count=len(posts), villages=sum(len(p.villages) for p in posts),
            village_list=grid.villages_in(township) if n == 1 else [], page_no=n, pages=pages,
        ))
    return out


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
    out.assets.extend(contact_cards(grid, settings))
    out.assets.extend(printables(build))
    return out
