"""平安建设: the block on village pages and /safety/ (each village's status by township)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..core import dates
from ..core.pages import Page, SiteOutput, src_of
from ..directory.schema import Village
from ..events.model import CALENDAR, upcoming
from ..kind import Block, Build, Place
from ..law.load import LAW
from . import urls
from .model import SAFETY, patrol_key, six_rows
from .schema import Safety

PATROLS_SHOWN = 3


@dataclass(frozen=True)
class Row:
    village: Village
    record: Safety


def safety_block(build: Build, place: Place) -> Markup:
    """The village's 平安建设 block, with its next patrols from the calendar;
    empty when the village has no safety file."""
    village = place.village
    assert village is not None
    record = SAFETY.of(build.site).of(village.id)
    if record is None:
        return Markup("")
    entry = CALENDAR.of(build.site).entry(patrol_key(village.id))
    coming = upcoming([entry], build.site.today)[:PATROLS_SHOWN] if entry else []
    titles = {item.slug: item.title for item in LAW.of(build.site).lectures}
    return build.renderer.text(
        "safety/block.html", here=place.here, record=record, village=village, six=six_rows(record),
        titles=titles,
        patrol_rule=dates.rule_text(entry.rule, entry.start, entry.end) if entry else None,
        next_patrols=[(o.start, o.end) for o in coming],
        patrol_ics=entry.ics if entry else None,
    )


SAFETY_BLOCK = Block("safety", frozenset(("village",)), safety_block)


def safety_pages(build: Build) -> SiteOutput:
    grid, book = build.site.grid, SAFETY.of(build.site)
    townships = []
    for township in grid.townships():
        rows = [
            Row(village, record) for village in grid.villages_in(township)
            if (record := book.of(village.id)) is not None
        ]
        if rows:
            townships.append((township, rows))
    shown = [row for _, rows in townships for row in rows]
    page: Page = build.renderer.page(
        "safety/safety_index.html", src_of(urls.SAFETY), "平安建设", townships=townships,
        total=len(grid.villages), shown=len(shown),
        pingan=sum(1 for row in shown if row.record.pingan is not None),
        patrols=sum(1 for row in shown if row.record.patrol is not None),
        mediators=sum(len(row.record.mediators) for row in shown),
    )
    return SiteOutput(pages=[page])
