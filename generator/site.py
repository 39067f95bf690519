"""The site object: the grid and every kind's records, loaded and checked in
one place that lists the kinds once.

    data/site.yml            -> settings                 (core.settings)
    data/posts/<id>.yml      -> the grid                 (directory)
    data/visits/*.csv        -> visit figures, no rows   (visits)
    data/reports/*.md        -> work reports             (reports)
    data/notices/*.md        -> safety notices           (notices)
    data/lectures/*.md       -> law education            (law)
    data/events/*.yml        -> the calendar             (events)
    data/safety/<village>.yml -> 平安建设                 (safety; patrols join the calendar)
    feedback in site.yml and post files -> 我要反映      (feedback)
    data/requests/*.csv|xlsx -> request figures, no rows (requests)
    data/actions/*.md        -> 立项整改                  (actions)
    data/evaluations/*.yml   -> 三访三评 results          (evaluations)
    data/stations.yml        -> stations' strength       (directory.stations)

Every problem in every file is collected before giving up, so an editor
fixes everything in one pass. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .actions.load import load_actions
from .actions.model import ActionEntry
from .core import phones
from .core.dates import build_date
from .core.files import display_path
from .core.guard import check_personal_data
from .core.problems import DataError, Problem, Problems
from .core.settings import SiteConfig, load_settings
from .directory.grid import Grid
from .directory.load import load_grid
from .directory.stations import Station, load_stations
from .evaluations.load import load_evaluations
from .evaluations.model import EvaluationRound
from .events.load import Calendar, load_calendar
from .feedback.model import published_numbers as feedback_numbers
from .law.load import Law, load_law
from .notices.load import load_notices
from .notices.model import NoticeEntry
from .reports.load import load_reports
from .reports.model import ReportEntry
from .requests.log import RequestStats, alarm, read_requests
from .requests.log import aggregate as aggregate_requests
from .safety.load import load_safety
from .safety.model import SafetyBook
from .visits.log import VisitStats, aggregate, read_visits

# Folders under data/ that are internal: read by the build, never published
# (the personal-data guard does not scan them; their rows never reach pages).
INTERNAL_DIRS = ("visits", "requests")


@dataclass(frozen=True)
class Site:
    settings: SiteConfig
    grid: Grid
    today: date
    data_dir: Path
    visits: VisitStats  # aggregates only, never rows
    reports: tuple[ReportEntry, ...]  # newest first
    notices: tuple[NoticeEntry, ...]  # newest first
    law: Law
    calendar: Calendar
    safety: SafetyBook = field(default_factory=SafetyBook)
    requests: RequestStats = field(default_factory=RequestStats)  # aggregates only, never rows
    actions: tuple[ActionEntry, ...] = ()  # latest news first
    evaluations: tuple[EvaluationRound, ...] = ()  # oldest first
    stations: tuple[Station, ...] = ()
    warnings: tuple[Problem, ...] = ()


def load_site(data_dir: Path, today: date | str | None = None) -> Site:
    """Load and check everything; raise DataError listing every problem."""
    problems = Problems()
    if not data_dir.is_dir():
        problems.add(display_path(data_dir), None, None, "找不到数据文件夹。")
        raise DataError(problems)
    day = build_date(today)
    settings = load_settings(data_dir, problems)
    # Every kind is checked even when the grid has errors, so an editor gets
    # every problem in one run; ids from broken post files are not repeated.
    grid = load_grid(data_dir, problems)
    visits = read_visits(data_dir, grid, day, problems)
    requests = read_requests(data_dir, grid, day, problems)
    request_stats = aggregate_requests(requests, day)
    alarm(request_stats, grid, problems)
    reports = load_reports(data_dir, grid, day, visits, problems, requests=requests)
    notices = load_notices(data_dir, grid, problems)
    law = load_law(data_dir, grid, problems)
    safety = load_safety(data_dir, grid, law.lectures, problems)
    calendar = load_calendar(data_dir, grid, law.lectures, problems, safety.records)
    actions = load_actions(data_dir, grid, day, problems)
    evaluations = load_evaluations(data_dir, grid, problems)
    stations = load_stations(data_dir, grid, problems)
    published = grid.published_numbers()
    if settings is not None:  # the site's and the posts' feedback numbers
        published |= feedback_numbers(settings, grid)
    published |= safety.published_numbers()
    check_personal_data(data_dir, {phones.digits(n) for n in published}, INTERNAL_DIRS, problems)
    if problems.errors or settings is None:
        raise DataError(problems)
    return Site(
        settings=settings,
        grid=grid,
        today=day,
        data_dir=data_dir,
        visits=aggregate(visits),
        reports=reports,
        notices=notices,
        law=law,
        calendar=calendar,
        warnings=tuple(problems.warnings),
        safety=safety,
        requests=request_stats,
        actions=actions,
        evaluations=evaluations,
        stations=stations,
    )
