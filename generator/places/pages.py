"""The place pages: home (/), post (/posts/<id>/), village (/v/<id>/) and
officer (/officers/<id>/).

Each shows the blocks other kinds offer for its kind of place (Kind.blocks);
its template places each block by name. The README's table "where each part
of the village page comes from" names the folder of every block.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from markupsafe import Markup

from ..core.pages import Page, Part, SiteOutput, src_of, url_of
from ..directory import urls
from ..directory.grid import post_scope
from ..directory.schema import Post
from ..kind import Build, Place

HOME = ""
# Up to this many villages the home page lists them all under their townships;
# a larger grid gets the townships only (each links to its own page), so the
# home page never grows with the grid.
HOME_VILLAGES_MAX = 400


def blocks(build: Build, place: Place) -> dict[str, Markup]:
    """Every block offered for this kind of place, by name."""
    return {
        block.name: block.make(build, place)
        for kind in build.kinds for block in kind.blocks if place.page in block.places
    }


def _page(build: Build, template: str, place: Place, title: str, **context: Any) -> Page:
    return build.renderer.page(template, src_of(place.here), title, **context, **blocks(build, place))


def place_pages(build: Build) -> SiteOutput:
    """The home page and every post's, village's and officer's page, made one by
    one (SiteOutput.coming): there is one for every village and officer. Each
    post's pages are parts of its scope, which a rebuild may take unchanged."""
    return SiteOutput(coming=[_place_pages(build)])


def _place_pages(build: Build) -> Iterator[Page | Part]:
    grid = build.site.grid
    home = Place("home", url_of(src_of(HOME)))
    yield _page(
        build, "places/home.html", home, build.site.settings.title, townships=grid.townships(),
        towns={t: urls.township(slug) for t, slug in grid.township_slugs.items()},
        all_villages=len(grid.village_by_id) <= HOME_VILLAGES_MAX,
    )

    def post_page(post: Post) -> Iterator[Page]:
        place = Place("post", urls.post(post.id), post=post)
        yield _page(build, "places/post.html", place, post.name, post=post)

    def village_pages(post: Post) -> Iterator[Page]:
        for village in post.villages:
            place = Place("village", urls.village(village.id), post=post, village=village)
            yield _page(
                build, "places/village.html", place, f"{village.name}的民警", village=village, post=post,
            )

    def officer_pages(post: Post) -> Iterator[Page]:
        for officer in post.officers:
            place = Place("officer", urls.officer(officer.id), post=post, officer=officer)
            yield _page(
                build, "places/officer.html", place, f"{officer.name}（{post.name}）", officer=officer, post=post,
            )

    # Posts, then villages, then officers, each in grid order.
    for name, make in (("post", post_page), ("villages", village_pages), ("officers", officer_pages)):
        for post in grid.posts:
            yield Part(f"places:{name}:{post.id}", frozenset((post_scope(post.id),)), partial(make, post))
