"""The place pages: home (/), post (/posts/<id>/), village (/v/<id>/) and
officer (/officers/<id>/).

Each shows the blocks other kinds offer for its kind of place (Kind.blocks);
its template places each block by name. The README's table "where each part
of the village page comes from" names the folder of every block.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from ..core.pages import Page, SiteOutput, src_of, url_of
from ..directory import urls
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
    one (SiteOutput.coming): there is one for every village and officer."""
    return SiteOutput(coming=[_place_pages(build)])


def _place_pages(build: Build) -> Iterator[Page]:
    grid = build.site.grid
    home = Place("home", url_of(src_of(HOME)))
    yield _page(
        build, "places/home.html", home, build.site.settings.title, townships=grid.townships(),
        towns={t: urls.township(slug) for t, slug in grid.township_slugs.items()},
        all_villages=len(grid.village_by_id) <= HOME_VILLAGES_MAX,
    )
    for post in grid.posts:
        place = Place("post", urls.post(post.id), post=post)
        yield _page(build, "places/post.html", place, post.name, post=post)
    for post, village in grid.iter_villages():
        place = Place("village", urls.village(village.id), post=post, village=village)
        yield _page(
            build, "places/village.html", place, f"{village.name}的民警", village=village, post=post,
        )
    for officer in grid.officers:
        post = grid.post_of_officer[officer.id]
        place = Place("officer", urls.officer(officer.id), post=post, officer=officer)
        yield _page(
            build, "places/officer.html", place, f"{officer.name}（{post.name}）", officer=officer, post=post,
        )
