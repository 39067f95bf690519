"""找民警 across a province: each county exports its villages and officers
(what its own index holds), the province indexes them all at its root with
the same keys, ranking and shards; a result names its county, so villages of
one name in several counties are told apart. Without JavaScript: county, then
the county's own 找民警 (its townships)."""

from __future__ import annotations

from typing import Any

from ..core.pages import Asset, SiteOutput, package_asset, src_of
from ..core.phones import tel_href
from ..directory.photos import DEFAULT_PHOTO
from ..kind import Build, ProvinceBuild
from .index import LIMIT, Entry, OfficerRecord, entries_of, index_of
from .pages import photo_or_none
from .shards import split_index
from .urls import FIND, INDEX_DIR, SCRIPT


def find_export(build: Build) -> dict[str, Any]:
    grid = build.site.grid
    return {
        "villages": [
            [e.id, e.name, int(e.community), list(e.groups), e.township, e.post, list(e.officers)]
            for e in entries_of(grid)
        ],
        "officers": [[o.id, o.name, o.phone, photo_or_none(o) or ""] for o in grid.officers],
    }


def province_find(build: ProvinceBuild) -> SiteOutput:
    names = {county_id: export["county"] for county_id, export in build.of("directory")}
    entries: list[Entry] = []
    officers: dict[str, OfficerRecord] = {}
    for county_id, export in build.of("find"):
        for officer_id, name, phone, photo in export["officers"]:
            officers[f"{county_id}/{officer_id}"] = OfficerRecord(
                id=officer_id, name=name, phone=phone, tel=tel_href(phone),
                photo=f"{county_id}/{photo}" if photo else "", county=county_id,
            )
        for village_id, name, community, groups, township, post, its_officers in export["villages"]:
            entries.append(Entry(
                id=village_id, name=name, community=bool(community), groups=tuple(groups), township=township,
                post=post, officers=tuple(f"{county_id}/{o}" for o in its_officers), county=county_id,
            ))
    shards = split_index(index_of(entries, officers, names))
    out = SiteOutput()
    out.pages.append(
        build.renderer.page(
            "find/province.html", src_of(FIND), "找民警",
            manifest=shards.manifest_json(), default_photo=DEFAULT_PHOTO, limit=LIMIT,
            counties=[(county_id, names[county_id]) for county_id, _ in build.of("directory")],
        )
    )
    for name in sorted(shards.files):
        out.assets.append(Asset(dest=INDEX_DIR + name, content=shards.files[name]))
    out.assets.append(package_asset("find", "find.js", SCRIPT))
    return out
