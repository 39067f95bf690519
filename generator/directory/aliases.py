"""Old village ids keep every per-village URL working, not only /v/<old>/.

A village renamed through ``aliases`` was printed on notice boards and
subscribed to in phone calendars under its old id. For every page or file
the kinds generate under the village's path segment (the village page, its
printable notice board, its calendar feed, and any added later), the old id
gets:

* HTML pages: a small redirect page (meta refresh, works without JavaScript);
* any other file (e.g. ``calendar/v/<old>.ics``): the same bytes, because
  calendar clients do not follow an HTML refresh, and a copy works on any
  static host without server rules.

Officers have no ``aliases`` in the data, so their URLs have no old forms.
"""

from __future__ import annotations

import html
import re

from ..core.pages import Asset, SiteOutput, relurl, url_of
from ..kind import Build
from . import urls
from .schema import Village


def _segment(village_id: str) -> str:
    """The village's address without its final slash: the path segment its files share."""
    return urls.village(village_id).rstrip("/")


def _village_path(village_id: str) -> re.Pattern[str]:
    """The village's path segment, whole, followed by ``/`` or a file suffix."""
    return re.compile(rf"(?:^|(?<=/)){re.escape(_segment(village_id))}(?=/|\.[A-Za-z0-9]+$)")


def _directory_url(dest: str) -> str:
    return dest[: -len("index.html")] if dest.endswith("index.html") else dest


def _title(asset: Asset) -> str | None:
    """The <title> of a generated HTML document, as plain text."""
    found = re.search(rb"<title>(.*?)</title>", asset.data(), re.S)
    return html.unescape(found.group(1).decode("utf-8")).strip() if found else None


def alias_files(build: Build, output: SiteOutput) -> SiteOutput:
    """Redirects and copies at each village's old ids; paths already generated are kept."""
    grid, renderer = build.site.grid, build.renderer
    taken = {asset.dest for asset in output.assets}
    taken |= {url_of(page.src) + "index.html" for page in output.pages}
    out = SiteOutput()

    def add(asset: Asset) -> None:
        if asset.dest not in taken:
            taken.add(asset.dest)
            out.assets.append(asset)

    def redirect(old_url: str, new_url: str, label: str, village: Village) -> Asset:
        return renderer.standalone(
            "directory/redirect.html", old_url, label,
            target=relurl(old_url, new_url), village=village, label=label,
        )

    for alias, village in sorted(grid.alias_of.items()):
        pattern = _village_path(village.id)
        old = _segment(alias)
        for page in output.pages:
            new_url = url_of(page.src)
            if pattern.search(new_url):
                old_url = pattern.sub(old, new_url, count=1)
                add(redirect(old_url, new_url, page.title, village))
        for asset in list(output.assets):
            if not pattern.search(asset.dest):
                continue
            dest = pattern.sub(old, asset.dest, count=1)
            if asset.dest.endswith("index.html"):
                new_url, old_url = _directory_url(asset.dest), _directory_url(dest)
                add(redirect(old_url, new_url, _title(asset) or village.name, village))
            else:
                add(Asset(dest=dest, content=asset.content, source=asset.source))
    return out
