"""Load the calendar (活动日历):

    data/events/<slug>.yml    -> Event
    posts' ``reception``      -> a recurring 警民相约警务室 entry of the post
    lectures with a time      -> entries too (law/ loads the lectures)

Checks places against the grid (village aliases resolve), times and repeat
rules; every event, timed lecture and reception becomes one calendar Entry.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..core.documents import check_repetition, refuse_id_field
from ..core.files import data_files, display_path
from ..core.messages import validate_document
from ..core.problems import Problems
from ..core.timing import parse_rule
from ..core.yamlio import load_yaml_file
from ..directory.grid import Grid, resolve_places
from ..directory.schema import Post
from ..directory.urls import post as post_url
from ..directory.urls import village as village_url
from ..law import urls as law_urls
from ..law.schema import Lecture
from ..safety.model import patrol_key
from ..safety.schema import Safety
from . import urls
from .model import RECEPTION_EPOCH, Calendar, Entry
from .schema import Event


def load_calendar(
    data_dir: Path, grid: Grid, lectures: tuple[Lecture, ...], problems: Problems,
    safety: tuple[Safety, ...] = (),
) -> Calendar:
    events = [
        event for event in (
            _load_event(path, grid, problems)
            for path in data_files(data_dir / "events", (".yml", ".yaml"), "活动", problems)
        ) if event is not None
    ]
    events.sort(key=lambda item: item.slug)
    entries = [_lecture_entry(item) for item in lectures if item.is_event]
    entries += [_event_entry(item) for item in events]
    entries += _reception_entries(data_dir, grid, problems)
    entries += [_patrol_entry(grid, item) for item in safety if item.patrol and item.patrol.schedule]
    return Calendar(tuple(events), tuple(sorted(entries, key=lambda entry: entry.key)))


def _load_event(path: Path, grid: Grid, problems: Problems) -> Event | None:
    display = display_path(path)
    doc = load_yaml_file(path, display, problems)
    if doc is None:
        return None
    data = doc.data
    if isinstance(data, dict):
        if not refuse_id_field(doc, data, problems):
            return None
        data = {"slug": path.stem, **data}
    event: Event | None = validate_document(Event, doc, problems, data)
    if event is None:
        return None
    posts, villages = resolve_places(grid, doc, event.posts, event.villages, problems)
    check_repetition(doc, event.start, event.end, event.repeat, event.until, "活动", problems)
    return event.model_copy(update={"posts": list(posts), "villages": list(villages)})


def _lecture_entry(lecture: Lecture) -> Entry:
    assert lecture.start is not None and lecture.end is not None
    return Entry(
        key=f"law-{lecture.slug}",
        kind=lecture.kind,
        title=lecture.title,
        start=lecture.start,
        end=lecture.end,
        rule=None,
        until=None,
        venue=lecture.venue,
        posts=tuple(lecture.posts),
        villages=tuple(lecture.villages),
        description="、".join(lecture.topics) or None,
        page=law_urls.lecture(lecture.slug),
        ics=law_urls.lecture_ics(lecture.slug),
    )


def _event_entry(event: Event) -> Entry:
    return Entry(
        key=f"event-{event.slug}",
        kind=event.kind,
        title=event.title,
        start=event.start,
        end=event.end,
        rule=event.repeat,
        until=event.until,
        venue=event.venue,
        posts=tuple(event.posts),
        villages=tuple(event.villages),
        description=event.description,
        page=urls.event(event.slug),
        ics=urls.event_ics(event.slug),
    )


def _reception_entries(data_dir: Path, grid: Grid, problems: Problems) -> list[Entry]:
    entries = []
    for post in grid.posts:
        reception = post.reception
        if reception is None:
            continue
        anchor = datetime.combine(reception.since or RECEPTION_EPOCH, reception.start)
        first = parse_rule(reception.repeat, anchor).after(anchor, inc=True)
        if first is None:
            problems.add(
                _post_file(data_dir, post), None, "reception.repeat（重复规则）",
                f"按重复规则“{reception.repeat}”排不出任何一次接待，请检查规则。",
            )
            continue
        entries.append(_reception_entry(post, first))
    return entries


def _reception_entry(post: Post, first: datetime) -> Entry:
    assert post.reception is not None
    return Entry(
        key=f"reception-{post.id}",
        kind="警民相约警务室",
        title=f"警民相约警务室：{post.name}",
        start=first,
        end=datetime.combine(first.date(), post.reception.end),
        rule=post.reception.repeat,
        until=None,
        venue=f"{post.name}（{post.address}）",
        posts=(post.id,),
        villages=(),
        description=f"社区民警在警务室接待群众，听取意见建议，帮助解决困难。电话 {post.phone}。",
        page=post_url(post.id),
        ics=urls.reception_ics(post.id),
    )


def _post_file(data_dir: Path, post: Post) -> str:
    for suffix in (".yml", ".yaml"):
        path = data_dir / "posts" / f"{post.id}{suffix}"
        if path.is_file():
            return display_path(path)
    return display_path(data_dir / "posts" / f"{post.id}.yml")


def _patrol_entry(grid: Grid, safety: Safety) -> Entry:
    """A village's volunteer patrol (治安巡逻), described on the village page."""
    patrol = safety.patrol
    assert patrol is not None and patrol.schedule is not None
    village = grid.village_by_id[safety.village]
    made_of = f"（{'、'.join(patrol.made_of)}）" if patrol.made_of else ""
    leader = f"队长 {patrol.leader}" + (f"，电话 {patrol.phone}" if patrol.phone else "")
    return Entry(
        key=patrol_key(village.id),
        kind="治安巡逻",
        title=f"治安巡逻：{patrol.name}",
        start=patrol.schedule.start,
        end=patrol.schedule.end,
        rule=patrol.schedule.repeat,
        until=patrol.schedule.until,
        venue="、".join(patrol.areas) or village.name,
        posts=(),
        villages=(village.id,),
        description=f"{leader}；队员 {patrol.members} 人{made_of}。",
        page=village_url(village.id),
        ics=urls.patrol_ics(village.id),
    )
