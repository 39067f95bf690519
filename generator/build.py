"""From the site object to pages and files: the one place that lists every
kind's pages, the templates' shared helpers and the joined stylesheet.
Knows nothing of MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .actions import urls as actions_urls
from .actions.pages import action_pages
from .core import dates
from .core.pages import (
    PRINT_CSS,
    PRINT_DOCUMENT_CSS,
    STYLESHEET,
    Asset,
    SiteOutput,
    absolute_url,
    media_url,
    package_asset,
    package_text,
)
from .core.render import Renderer
from .core.settings import site_url
from .directory import urls as directory_urls
from .directory.aliases import alias_files
from .directory.contacts import contact_cards
from .directory.pages import directory_pages
from .directory.photos import photo_url
from .directory.printables import printables
from .events import urls as events_urls
from .events.calendar import calendar_assets
from .events.pages import events_pages
from .feedback.pages import feedback_assets
from .feeds.pages import feeds
from .find import urls as find_urls
from .find.pages import find_pages
from .hubs.notfound import not_found_page
from .hubs.pages import home_page, place_pages
from .law import urls as law_urls
from .law.pages import law_pages
from .notices import urls as notices_urls
from .notices.pages import notice_pages
from .reports import urls as reports_urls
from .reports.pages import report_pages
from .safety import urls as safety_urls
from .safety.pages import safety_index
from .shell.pages import shell_assets
from .site import Site
from .stats import urls as stats_urls
from .stats.pages import stats_page

# Packages with templates (each under its own name, e.g. "directory/village.html").
TEMPLATE_PACKAGES = (
    "directory", "find", "feeds", "reports", "notices", "visits", "law", "events", "hubs",
    "safety", "feedback", "actions", "stats",
)
# One stylesheet for residents, joined from each kind's CSS in this order.
STYLES = (
    ("core", "core.css"), ("directory", "directory.css"), ("find", "find.css"), ("feeds", "feeds.css"),
    ("reports", "reports.css"), ("notices", "notices.css"), ("visits", "visits.css"),
    ("law", "law.css"), ("events", "events.css"),
    ("safety", "safety.css"), ("feedback", "feedback.css"), ("actions", "actions.css"), ("stats", "stats.css"),
)


# Above every page of a site whose data is the sample (site.yml sample: true).
SAMPLE_BANNER = (
    '<p class="cj-sample" role="note">示例数据：本站的人名、电话、警号均为虚构，'
    "仅用于演示，请勿拨打。</p>"
)


@dataclass(frozen=True)
class Urls:
    """Every page address templates link to, each from its kind's urls module."""

    find: str = find_urls.FIND
    find_index: str = find_urls.INDEX_DIR
    find_script: str = find_urls.SCRIPT
    print_css: str = PRINT_CSS
    print_document_css: str = PRINT_DOCUMENT_CSS
    posts: str = directory_urls.POSTS
    reports: str = reports_urls.REPORTS
    notices: str = notices_urls.NOTICES
    law: str = law_urls.LAW
    events: str = events_urls.EVENTS
    calendar_all: str = events_urls.CALENDAR_ALL
    safety: str = safety_urls.SAFETY
    actions: str = actions_urls.ACTIONS
    stats: str = stats_urls.STATS

    post = staticmethod(directory_urls.post)
    village = staticmethod(directory_urls.village)
    officer = staticmethod(directory_urls.officer)
    village_board = staticmethod(directory_urls.village_board)
    officer_cards = staticmethod(directory_urls.officer_cards)
    officer_vcard = staticmethod(directory_urls.officer_vcard)
    post_vcard = staticmethod(directory_urls.post_vcard)
    reports_of_post = staticmethod(reports_urls.reports_of_post)
    lecture = staticmethod(law_urls.lecture)
    lecture_ics = staticmethod(law_urls.lecture_ics)
    township = staticmethod(directory_urls.township)


def make_renderer(site: Site) -> Renderer:
    base = site_url(site.settings)

    def calendar_links(ics: str) -> tuple[str, str]:
        """(webcal:// subscribe link, https:// address) of a calendar feed."""
        url = absolute_url(base, ics)
        return "webcal://" + url.split("://", 1)[1], url

    return Renderer(TEMPLATE_PACKAGES, {
        "site": site.settings,
        "grid": site.grid,
        "today": site.today,
        "dates": dates,
        "url": Urls(),
        "photo_url": photo_url,
        "media_url": media_url,
        "calendar_links": calendar_links,
    })


def build_site(site: Site) -> SiteOutput:
    renderer = make_renderer(site)
    grid, settings, today = site.grid, site.settings, site.today
    out = SiteOutput()
    out.pages.append(home_page(site, renderer))
    out.extend(directory_pages(grid, site.data_dir, renderer))
    out.pages.extend(place_pages(site, renderer))
    out.assets.append(stylesheet())
    out.assets.append(package_asset("core", "print.css", PRINT_CSS))
    out.assets.append(package_asset("core", "print-document.css", PRINT_DOCUMENT_CSS))
    out.extend(find_pages(grid, renderer))
    out.assets.extend(contact_cards(grid, settings))
    out.assets.extend(printables(grid, settings, renderer))
    out.extend(report_pages(grid, settings, today, renderer, site.reports))
    out.extend(notice_pages(grid, settings, today, renderer, site.notices))
    out.assets.extend(feeds(grid, settings, today, renderer, site.reports, site.notices, site.actions))
    out.extend(law_pages(grid, today, renderer, site.law, training_attendees(site)))
    out.extend(events_pages(grid, today, renderer, site.calendar))
    out.assets.extend(calendar_assets(grid, settings, site.calendar.entries))
    out.pages.append(safety_index(grid, site.safety, renderer))
    out.assets.extend(feedback_assets(settings, grid, site.data_dir))
    out.extend(action_pages(today, renderer, site.actions))
    out.pages.append(stats_page(
        grid, today, renderer, site.visits, site.requests, site.evaluations, site.stations,
    ))
    # Last: they cover what every kind generated.
    out.assets.extend(alias_files(grid, renderer, out))  # old village ids, every per-village URL
    out.assets.append(not_found_page(settings, renderer, out))  # /404.html, any depth or sub-path
    # The page shell's script and the service worker, whose cache is named from all of the above.
    out.assets.extend(shell_assets(out, find_urls.FIND, find_urls.INDEX_DIR))
    return out


def stylesheet() -> Asset:
    css = "\n".join(package_text(package, name) for package, name in STYLES)
    return Asset(dest=STYLESHEET, content=css.encode("utf-8"))


def training_attendees(site: Site) -> dict[str, list[tuple[str, str, str]]]:
    """Lecture slug -> (mediator, village name, village URL) of those who attended:
    law/ shows them without knowing the safety records."""
    return {
        slug: [
            (mediator.name, site.grid.village_by_id[village].name, directory_urls.village(village))
            for mediator, village in found
        ]
        for slug, found in site.safety.trained().items()
    }
