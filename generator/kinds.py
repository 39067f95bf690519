"""The one list of content kinds. Adding a kind is a package with a
``kind.py`` exporting ``KIND`` (see kind.py) and one line here.

The order is the order of the residents' stylesheet, of the pages in the
output, and of loading (a kind's ``needs`` are loaded before it).
"""

from __future__ import annotations

from .actions.kind import KIND as ACTIONS
from .directory.kind import KIND as DIRECTORY
from .evaluations.kind import KIND as EVALUATIONS
from .events.kind import KIND as EVENTS
from .feedback.kind import KIND as FEEDBACK
from .feeds.kind import KIND as FEEDS
from .find.kind import KIND as FIND
from .kind import Kind
from .law.kind import KIND as LAW
from .notices.kind import KIND as NOTICES
from .places.kind import KIND as PLACES
from .reports.kind import KIND as REPORTS
from .requests.kind import KIND as REQUESTS
from .safety.kind import KIND as SAFETY
from .stations.kind import KIND as STATIONS
from .stats.kind import KIND as STATS
from .visits.kind import KIND as VISITS

KINDS: tuple[Kind, ...] = (
    DIRECTORY,
    FIND,
    FEEDS,
    REPORTS,
    NOTICES,
    VISITS,
    LAW,
    EVENTS,
    SAFETY,
    FEEDBACK,
    ACTIONS,
    STATS,
    EVALUATIONS,
    REQUESTS,
    STATIONS,
    PLACES,
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}


def load_order(kinds: tuple[Kind, ...] = KINDS) -> list[Kind]:
    """The kinds with a loader, each after the kinds it needs (in list order otherwise)."""
    by_name = {kind.name: kind for kind in kinds}
    out: list[Kind] = []
    seen: set[str] = set()

    def visit(kind: Kind) -> None:
        if kind.name in seen:
            return
        seen.add(kind.name)
        for name in kind.needs:
            visit(by_name[name])
        if kind.load is not None:
            out.append(kind)

    for kind in kinds:
        visit(kind)
    return out
