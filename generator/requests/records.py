"""The request log on the site object: rows while loading (for the reports'
figures), only the aggregates once the site is assembled."""

from __future__ import annotations

from dataclasses import dataclass

from ..kind import Records
from .log import Request, RequestStats


@dataclass(frozen=True)
class RequestLog:
    rows: list[Request]  # never on the site object
    stats: RequestStats


REQUEST_LOG: Records[RequestLog] = Records("requests")  # while loading only
REQUESTS: Records[RequestStats] = Records("requests")
