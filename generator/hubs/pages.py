"""The pages that gather every kind: home (/), post (/posts/<id>/), village
(/v/<id>/) and officer (/officers/<id>/).

Each page lists, here and only here, the blocks it shows from other kinds
(notices, the calendar, reports, visit figures, contacts); its template
places each block by name.
"""

from __future__ import annotations

from markupsafe import Markup

from ..actions.pages import home_actions, post_actions, village_actions
from ..core import dates
from ..core.pages import Page, src_of, url_of
from ..core.render import Renderer
from ..directory import urls
from ..directory.schema import Officer, Post, Village
from ..directory.share import officer_share, post_share, village_share
from ..directory.towns import township_slugs
from ..events.blocks import home_events, post_events, village_events
from ..events.model import entry_by_key, upcoming
from ..feedback.pages import feedback_block
from ..notices.pages import home_notices, post_notices, village_notices
from ..reports.pages import post_reports
from ..safety.model import patrol_key
from ..safety.pages import safety_block
from ..site import Site
from ..stats.pages import post_stats
from ..visits.pages import post_visits, village_visits

HOME = ""
# Up to this many villages the home page lists them all under their townships;
# a larger grid gets the townships only (each links to its own page), so the
# home page never grows with the grid.
HOME_VILLAGES_MAX = 400


def place_pages(site: Site, renderer: Renderer) -> list[Page]:
    """Every post's, village's and officer's page."""
    grid = site.grid
    pages = [post_page(site, renderer, post) for post in grid.posts]
    pages += [village_page(site, renderer, post, village) for post, village in grid.iter_villages()]
    pages += [officer_page(site, renderer, officer) for officer in grid.officers]
    return pages


def home_page(site: Site, renderer: Renderer) -> Page:
    here = url_of(src_of(HOME))
    return renderer.page(
        "hubs/home.html", src_of(HOME), site.settings.title, townships=site.grid.townships(),
        towns={t: urls.township(slug) for t, slug in township_slugs(site.grid).items()},
        all_villages=len(site.grid.village_by_id) <= HOME_VILLAGES_MAX,
        notices=home_notices(renderer, site.notices, site.today, here),
        events=home_events(renderer, site.today, site.calendar.entries, here),
        actions=home_actions(renderer, site.actions, site.today, here),
    )


def post_page(site: Site, renderer: Renderer, post: Post) -> Page:
    here = urls.post(post.id)
    return renderer.page(
        "hubs/post.html", src_of(here), post.name, post=post,
        share=post_share(renderer, post, here),
        notices=post_notices(renderer, site.notices, site.today, post, here),
        events=post_events(renderer, site.today, site.calendar.entries, post, here),
        reports=post_reports(renderer, site.reports, site.today, post, here, feeds=True),
        visits=post_visits(renderer, site.visits, site.today, post, here),
        feedback=feedback_block(renderer, site.settings, post, post.name, here),
        actions=post_actions(renderer, site.actions, site.today, post, here),
        stats=post_stats(
            renderer, site.today, site.visits, site.requests, site.evaluations, post, here,
        ),
    )


def village_page(site: Site, renderer: Renderer, post: Post, village: Village) -> Page:
    here = urls.village(village.id)
    return renderer.page(
        "hubs/village.html", src_of(here), f"{village.name}的民警", village=village, post=post,
        share=village_share(renderer, site.grid, site.settings, village, here),
        notices=village_notices(renderer, site.notices, site.today, village, post, here),
        events=village_events(renderer, site.grid, site.today, site.calendar.entries, village, here),
        reports=post_reports(renderer, site.reports, site.today, post, here, feeds=False),
        visits=village_visits(renderer, site.visits, site.today, village, here),
        safety=village_safety(site, renderer, village, here),
        feedback=feedback_block(renderer, site.settings, post, village.name, here),
        actions=village_actions(renderer, site.actions, site.today, village, post, here),
    )


def officer_page(site: Site, renderer: Renderer, officer: Officer) -> Page:
    here = urls.officer(officer.id)
    post = site.grid.post_of_officer[officer.id]
    return renderer.page(
        "hubs/officer.html", src_of(here), f"{officer.name}（{post.name}）", officer=officer, post=post,
        share=officer_share(renderer, site.settings, officer, here),
        feedback=feedback_block(renderer, site.settings, post, f"{post.name} {officer.name}", here),
    )


PATROLS_SHOWN = 3


def village_safety(site: Site, renderer: Renderer, village: Village, here: str) -> Markup:
    """The 平安建设 block, with the next patrols taken from the calendar."""
    key = patrol_key(village.id)
    entry = entry_by_key(site.calendar.entries, key)
    coming = upcoming([entry], site.today)[:PATROLS_SHOWN] if entry else []
    rule = dates.rule_text(entry.rule, entry.start, entry.end) if entry else None
    return safety_block(
        renderer, site.safety, site.law.lectures, village, here, rule,
        [(o.start, o.end) for o in coming], entry.ics if entry else None,
    )
