"""The Chinese "page not found" page, /404.html, outside the theme.

A web server sends it for any missing URL (nginx's ``error_page``), at that
URL, however deep: relative links would point into nowhere. Its links are
absolute from site_url's path, and a small inline script re-roots them when
the site is served under another sub-path (found from the site's top-level
folders in the address, or by asking which leading part has this 404.html). It loads nothing else (inline
style, no theme files), so it stays small and works without JavaScript.

It looks like the shell's pages: their header with 大字, their 20 px base, from
the shell's own inline stylesheet (the same text, so the same CSP hash).
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from ..core.pages import Asset, SiteOutput, url_of
from ..core.preview import NOT_FOUND
from ..core.settings import SiteConfig, site_url
from ..kind import Build, ProvinceBuild
from ..shell.pages import theme_dir

# Top-level folders that come from the theme, not from the sections.
THEME_FOLDERS = ("assets", "search")


def site_root(settings: SiteConfig) -> str:
    """Path of the site on its host, from site_url: '/luxi/' (or '/')."""
    path = urlsplit(site_url(settings)).path or "/"
    return path if path.endswith("/") else path + "/"


def top_level_folders(output: SiteOutput) -> list[str]:
    paths = [url_of(page.src) for page in output.pages] + [asset.dest for asset in output.assets]
    folders = {path.split("/", 1)[0] for path in paths if "/" in path}
    return sorted(folders | set(THEME_FOLDERS))


@cache
def shell_css() -> Markup:
    """The shell's inline stylesheet exactly as main.html includes it (MkDocs' Jinja
    environment drops the file's last newline), so its CSP hash is the shell's."""
    env = Environment(loader=FileSystemLoader(theme_dir()))
    return Markup(env.get_template("cunjing-shell.css").render())


def not_found_page(build: Build, output: SiteOutput) -> SiteOutput:
    html = build.renderer.env.get_template("places/not_found.html").render(
        here="", root=site_root(build.site.settings), sections=top_level_folders(output),
        shell_css=shell_css(), province=False,
    )
    return SiteOutput(assets=[Asset(dest=NOT_FOUND, content=html.encode("utf-8"))])


# The province root's own top-level folders, beside its counties'.
PROVINCE_FOLDERS = ("find", "stats", "feeds")


def province_not_found(build: ProvinceBuild) -> SiteOutput:
    """The province root's 404 page: its links are the province's own
    (a missing page inside a county gets that county's 404.html)."""
    sections = sorted({*(c.id for c in build.counties), *PROVINCE_FOLDERS, *THEME_FOLDERS})
    html = build.renderer.env.get_template("places/not_found.html").render(
        here="", root=site_root(build.settings), sections=sections, shell_css=shell_css(), province=True,
    )
    return SiteOutput(assets=[Asset(dest=NOT_FOUND, content=html.encode("utf-8"))])
