"""From the site object to pages and files: every kind's pages, then what
covers all of them, then the page shell's files; the templates' shared
helpers and the joined stylesheet. Knows nothing of MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from types import SimpleNamespace
from typing import Any

from .core import dates
from .core.ahead import Ahead
from .core.pages import (
    PRINT_CSS,
    PRINT_DOCUMENT_CSS,
    STYLESHEET,
    Asset,
    Page,
    SiteOutput,
    media_url,
    package_asset,
    package_text,
)
from .core.render import Renderer
from .core.reuse import Reuse
from .kind import Build, Kind, Site
from .kinds import KINDS
from .province.load import COUNTY_EXPORT
from .shell.pages import shell_assets

# Above every page of a site whose data is the sample (site.yml sample: true).
SAMPLE_BANNER = (
    '<p class="cj-sample" role="note">示例数据：人名、电话均为虚构，请勿拨打</p>'
)


def links(kinds: tuple[Kind, ...] = KINDS) -> Any:
    """Every page address templates link to (url.<name>), from each kind's links."""
    found: dict[str, Any] = {"print_css": PRINT_CSS, "print_document_css": PRINT_DOCUMENT_CSS}
    for kind in kinds:
        taken = found.keys() & kind.links.keys()
        if taken:
            raise ValueError(f"{kind.name} names links another kind named: {sorted(taken)}")
        found.update(kind.links)
    return SimpleNamespace(**found)


def terms(kinds: tuple[Kind, ...] = KINDS) -> dict[str, str]:
    """Every term a page may explain (Kind.terms), each defined by one kind."""
    found: dict[str, str] = {}
    for kind in kinds:
        taken = found.keys() & kind.terms.keys()
        if taken:
            raise ValueError(f"{kind.name} explains terms another kind explains: {sorted(taken)}")
        found.update(kind.terms)
    return found


def template_packages(kinds: tuple[Kind, ...] = KINDS) -> list[str]:
    """The kinds with templates, each named "<kind>/<file>" (core's come too)."""
    return [kind.name for kind in kinds if kind.templates]


def template_globals(kinds: tuple[Kind, ...], shared: dict[str, Any]) -> dict[str, Any]:
    """The helpers every template may use, and ``shared``."""
    return {"dates": dates, "media_url": media_url, "terms": terms(kinds), **shared}


def make_renderer(kinds: tuple[Kind, ...], shared: dict[str, Any]) -> Renderer:
    """Every kind's templates, with the helpers every template may use and ``shared``."""
    return Renderer(template_packages(kinds), template_globals(kinds, shared))


def make_build(site: Site, kinds: tuple[Kind, ...] = KINDS, session: dict[str, Any] | None = None) -> Build:
    """What the kinds' pages see. With ``session`` (`cunjing serve`), the
    templates compiled for the build before serve this one too."""
    url = links(kinds)
    shared: dict[str, Any] = {"site": site.settings, "grid": site.grid, "today": site.today, "url": url}
    for kind in kinds:
        if kind.template_globals is not None:
            shared.update(kind.template_globals(site))
    renderer = session.get("renderer") if session is not None else None
    if isinstance(renderer, Renderer) and renderer.kinds == template_packages(kinds):
        renderer.share(template_globals(kinds, shared))
    else:
        renderer = make_renderer(kinds, shared)
        if session is not None:
            session["renderer"] = renderer
    return Build(site, renderer, kinds, url, session=session)


def build_site(
    site: Site,
    kinds: tuple[Kind, ...] = KINDS,
    write: Callable[[Asset], Asset] | None = None,
    keep: Callable[[Page], Page] | None = None,
    reuse: Reuse | None = None,
    session: dict[str, Any] | None = None,
) -> SiteOutput:
    """Every page and file of the county. With ``write`` (an AssetWriter), each
    file goes to the output as soon as its kind has made it, and the output lists
    what ``write`` returned for it; likewise each page with ``keep`` (a PageSpool).
    With ``reuse``, parts whose data did not change are taken from the build
    before; ``session``: see make_build."""
    build = make_build(site, kinds, session)
    try:
        out = _pages(build, write, keep, reuse)
    finally:
        for started in build.ahead.values():
            started.cancel()

    def add(part: SiteOutput) -> None:
        out.extend(part.made(write, keep, reuse))

    # What covers every page and file (old village ids, the 404 page), in list order.
    for kind in kinds:
        if kind.finish is not None:
            add(kind.finish(build, out))
    if site.parent is not None:  # what the province's own pages read of this county
        add(SiteOutput(assets=[county_export(build, kinds)]))
    # The page shell's script and the service worker, whose cache is named from all of the above.
    add(SiteOutput(assets=shell_assets(out, build.links.find, build.links.find_index)))
    return out


def _pages(
    build: Build, write: Callable[[Asset], Asset] | None, keep: Callable[[Page], Page] | None, reuse: Reuse | None,
) -> SiteOutput:
    """The shared files, then every kind's pages in list order. What a kind
    computes ahead (Kind.ahead) starts now, beside the build, except in a serve
    session (which remembers the build before instead); a kind whose result is
    not ready when its turn comes is made after the others, and its output keeps
    its place in the list."""
    for kind in build.kinds:
        if kind.ahead is not None:
            build.ahead[kind.name] = Ahead(partial(kind.ahead, build), beside=build.session is None)
    parts = [SiteOutput(assets=[
        stylesheet(build.kinds),
        package_asset("core", "print.css", PRINT_CSS),
        package_asset("core", "print-document.css", PRINT_DOCUMENT_CSS),
    ]).made(write, keep, reuse)]
    waiting: list[tuple[int, Kind]] = []
    for kind in build.kinds:
        if kind.pages is None:
            continue
        started = build.ahead.get(kind.name)
        if started is not None and not started.ready():
            waiting.append((len(parts), kind))
            parts.append(SiteOutput())
        else:
            parts.append(kind.pages(build).made(write, keep, reuse))
    for slot, kind in waiting:
        assert kind.pages is not None
        parts[slot] = kind.pages(build).made(write, keep, reuse)
    out = SiteOutput()
    for part in parts:
        out.extend(part)
    return out


def changed_scopes(before: Site, now: Site, kinds: tuple[Kind, ...] = KINDS) -> frozenset[str] | None:
    """The scope keys whose data differs between two loads of the same county
    (see core.reuse), or None when any page may show what changed."""
    if (before.settings, before.today, before.data_dir, before.parent, before.records.keys()) != (
        now.settings, now.today, now.data_dir, now.parent, now.records.keys()
    ):
        return None
    changed: set[str] = set()
    for kind in kinds:
        old, new = before.records.get(kind.name), now.records.get(kind.name)
        if old == new:
            continue
        found = kind.changes(before, now) if kind.changes is not None else None
        if found is None:
            return None
        changed |= found
    return frozenset(changed)


def county_export(build: Build, kinds: tuple[Kind, ...] = KINDS) -> Asset:
    """county.json: each kind's export (Kind.export) by kind name."""
    data = {kind.name: kind.export(build) for kind in kinds if kind.export is not None}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Asset(dest=COUNTY_EXPORT, content=text.encode("utf-8"))


def stylesheet(kinds: tuple[Kind, ...] = KINDS) -> Asset:
    """One stylesheet for residents: the core's, then each kind's, in list order."""
    parts = [package_text("core", "core.css")]
    parts += [package_text(kind.name, kind.stylesheet) for kind in kinds if kind.stylesheet]
    return Asset(dest=STYLESHEET, content="\n".join(parts).encode("utf-8"))
