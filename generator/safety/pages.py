"""平安建设: the block on village pages and /safety/ (each village's status by township)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup

from ..core.pages import Page, src_of
from ..core.render import Renderer
from ..directory.grid import Grid
from ..directory.schema import Village
from ..law.schema import Lecture
from . import urls
from .model import SafetyBook, six_rows
from .schema import Safety


@dataclass(frozen=True)
class Row:
    village: Village
    record: Safety


def safety_block(
    renderer: Renderer, book: SafetyBook, lectures: Sequence[Lecture], village: Village, here: str,
    patrol_rule: str | None, next_patrols: Sequence[tuple[datetime, datetime]], patrol_ics: str | None,
) -> Markup:
    """The village's 平安建设 block; empty when the village has no safety file.

    ``next_patrols`` are the coming patrols (start, end) from the calendar;
    ``patrol_rule`` is the repeat rule in words.
    """
    record = book.of(village.id)
    if record is None:
        return Markup("")
    titles = {item.slug: item.title for item in lectures}
    return renderer.text(
        "safety/block.html", here=here, record=record, village=village, six=six_rows(record), titles=titles,
        patrol_rule=patrol_rule, next_patrols=list(next_patrols), patrol_ics=patrol_ics,
    )


def safety_index(grid: Grid, book: SafetyBook, renderer: Renderer) -> Page:
    townships = []
    for township in grid.townships():
        rows = [
            Row(village, record) for village in grid.villages_in(township)
            if (record := book.of(village.id)) is not None
        ]
        if rows:
            townships.append((township, rows))
    shown = [row for _, rows in townships for row in rows]
    return renderer.page(
        "safety/safety_index.html", src_of(urls.SAFETY), "平安建设", townships=townships,
        total=len(grid.villages), shown=len(shown),
        pingan=sum(1 for row in shown if row.record.pingan is not None),
        patrols=sum(1 for row in shown if row.record.patrol is not None),
        mediators=sum(len(row.record.mediators) for row in shown),
    )
