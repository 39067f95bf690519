"""The directory's own pages: /posts/ (the townships, a jump list), one page
per township (its posts by station, their villages and officers), officers'
photos, vCards (contacts.py) and printables (printables.py). Former village
ids: aliases.py. The post, village and officer pages are in places/.

/posts/ lists townships only and each township page only its own posts, so no
page grows with the size of the grid (a province has about 90 villages a township).
"""

from __future__ import annotations

from ..core.pages import SiteOutput, package_asset, src_of
from ..kind import Build
from . import urls
from .contacts import contact_cards
from .photos import DEFAULT_PHOTO, photo_assets
from .printables import printables


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
        posts = posts_of[township]
        stations = list(dict.fromkeys(p.station for p in posts))  # grid order: by pinyin
        out.pages.append(renderer.page(
            "directory/posts_township.html", src_of(urls.township(slug)), f"{township}的警务室",
            township=township, stations=[(s, [p for p in posts if p.station == s]) for s in stations],
            post_count=len(posts), villages=sum(len(p.villages) for p in posts),
            village_list=grid.villages_in(township),
        ))
    out.assets.extend(photo_assets(grid, build.site.data_dir))
    out.assets.append(package_asset("directory", "officer.svg", DEFAULT_PHOTO))
    out.assets.extend(contact_cards(grid, settings))
    out.assets.extend(printables(build))
    return out
