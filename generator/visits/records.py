"""The visit log on the site object: rows while loading (for the reports'
figures), only the aggregates once the site is assembled."""

from __future__ import annotations

from ..kind import Records
from .log import Visit, VisitStats

VISIT_ROWS: Records[list[Visit]] = Records("visits")  # while loading only
VISITS: Records[VisitStats] = Records("visits")
