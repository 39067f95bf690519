"""Load law education and the calendar:

    data/lectures/<slug>.md   -> Lecture (front matter + Markdown body)
    data/events/<slug>.yml    -> Event
    posts' ``reception``      -> a recurring 警民相约警务室 entry of the post

Checks ids against the county (village aliases resolve), times, repeat rules
and the files lectures refer to; stores the records and one calendar entry per
event, timed lecture and reception on the County.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import datetime, time
from functools import partial
from pathlib import Path

from .agenda import (
    AUDIO_SUFFIXES,
    BIG_FILE,
    MATERIAL_SUFFIXES,
    RECEPTION_EPOCH,
    Attachment,
    Entry,
    attachment_key,
)
from .county import County
from .files import SLUG, data_files, display_path, resolve_data_file
from .messages import validate_document
from .problems import Problems, Severity, field_path
from .schema import Post
from .schema.event import Event
from .schema.lecture import Lecture
from .schema.timing import parse_rule
from .yamlio import Document, load_markdown_file, load_yaml_file

WEEKDAYS = "一二三四五六日"


def load_agenda(data_dir: Path, county: County, problems: Problems) -> None:
    known = county.unchecked_ids
    lectures = [
        lecture for lecture in (
            _load_lecture(data_dir, path, county, known, problems)
            for path in data_files(data_dir / "lectures", (".md",), "讲座", problems)
        ) if lecture is not None
    ]
    events = [
        event for event in (
            _load_event(path, county, known, problems)
            for path in data_files(data_dir / "events", (".yml", ".yaml"), "活动", problems)
        ) if event is not None
    ]
    county.lectures = sorted(lectures, key=lambda item: item.slug)
    county.events = sorted(events, key=lambda item: item.slug)
    entries = [_lecture_entry(item) for item in county.lectures if item.is_event]
    entries += [_event_entry(item) for item in county.events]
    entries += _reception_entries(data_dir, county, problems)
    county.agenda = sorted(entries, key=lambda entry: entry.key)


# -- files -------------------------------------------------------------------

def _report(
    problems: Problems, doc: Document, path: tuple[str | int, ...], message: str,
    severity: Severity = "error",
) -> None:
    problems.add(doc.display, doc.line_of(path), field_path(path) or None, message, severity)


def _no_id_field(doc: Document, data: dict[str, object], problems: Problems) -> bool:
    for key in ("slug", "id"):
        if key in data:
            _report(
                problems, doc, (key,),
                f"编号就是文件名，不要另写 {key} 字段（要改编号请改文件名）。",
            )
            return False
    return True


# -- lectures ----------------------------------------------------------------

def _load_lecture(
    data_dir: Path, path: Path, county: County, known: set[str], problems: Problems
) -> Lecture | None:
    display = display_path(path)
    markdown = load_markdown_file(path, display, problems)
    if markdown is None:
        return None
    doc = markdown.meta
    data = doc.data
    if isinstance(data, dict):
        if not _no_id_field(doc, data, problems):
            return None
        data = {"slug": path.stem, **data, "body": markdown.body}
    lecture: Lecture | None = validate_document(Lecture, doc, problems, data)
    if lecture is None:
        return None
    add = partial(_report, problems, doc)
    posts, villages = _places(county, doc, lecture.posts, lecture.villages, known, problems)
    _check_speaker(county, doc, lecture.speaker, known, problems)
    if (lecture.start is None) != (lecture.end is None):
        given, missing = ("start", "end") if lecture.start else ("end", "start")
        add((given,), f"写了 {given} 就要写 {missing}：讲座有开始时间也要有结束时间；"
            "只供阅读的文章两个都不写。")
    elif lecture.start and lecture.end:
        _check_order(doc, lecture.start, lecture.end, problems)
        if lecture.venue is None:
            add(("start",), "有时间的讲座要写地点 venue，例如 长安社区居委会会议室；"
                "广播讲座可写“全县村村响广播”。")
    for i, material in enumerate(lecture.materials):
        _attach(data_dir, county, doc, ("materials", i), material.file, MATERIAL_SUFFIXES, problems)
    if lecture.audio is not None:
        _attach(data_dir, county, doc, ("audio",), lecture.audio, AUDIO_SUFFIXES, problems)
    if not lecture.body.strip():
        where = "录音的文字稿（听不清的群众可以看）" if lecture.audio else "讲座内容、案例和法律分析"
        problems.add(display, markdown.body_line, None, f"正文是空的，请在 --- 下面写上{where}。", "warning")
    return lecture.model_copy(update={"posts": list(posts), "villages": list(villages)})


def _attach(
    data_dir: Path, county: County, doc: Document, path: tuple[str | int, ...], ref: str,
    suffixes: tuple[str, ...], problems: Problems,
) -> None:
    found = resolve_data_file(data_dir, ref, suffixes)
    if isinstance(found, str):
        _report(problems, doc, path, found)
        return
    size = found.stat().st_size
    if size > BIG_FILE:
        _report(
            problems, doc, path,
            f"文件“{ref}”有 {size / (1024 * 1024):.1f} MB，超过 20 MB，群众用手机流量很难打开。"
            "请压缩后再放上来（音频可用 32—64 kbps 的 MP3，PDF 可另存为较小的文件）。",
            "warning",
        )
    key = attachment_key(ref)
    county.attachments.setdefault(key, Attachment(ref=key, path=found, size=size))


def _check_speaker(
    county: County, doc: Document, speaker: str | None, known: set[str], problems: Problems
) -> None:
    if speaker is None or not SLUG.fullmatch(speaker) or speaker in county.officer_by_id:
        return
    if speaker in known:  # in a post file with errors of its own, already reported
        return
    guess = difflib.get_close_matches(speaker, list(county.officer_by_id), n=1)
    hint = f"是否想写“{guess[0]}”？" if guess else ""
    _report(
        problems, doc, ("speaker",),
        f"找不到编号为“{speaker}”的民警。{hint}主讲人不是本县民警时，请直接写姓名，例如 王律师。",
    )


# -- events ------------------------------------------------------------------

def _load_event(path: Path, county: County, known: set[str], problems: Problems) -> Event | None:
    display = display_path(path)
    doc = load_yaml_file(path, display, problems)
    if doc is None:
        return None
    data = doc.data
    if isinstance(data, dict):
        if not _no_id_field(doc, data, problems):
            return None
        data = {"slug": path.stem, **data}
    event: Event | None = validate_document(Event, doc, problems, data)
    if event is None:
        return None
    add = partial(_report, problems, doc)
    posts, villages = _places(county, doc, event.posts, event.villages, known, problems)
    ok = _check_order(doc, event.start, event.end, problems)
    if event.until is not None and event.repeat is None:
        add(("until",), "只有重复的活动（写了 repeat）才需要写 until。")
    elif event.until is not None and event.until < event.start.date():
        add(("until",), f"重复到 {event.until} 为止，早于第一次活动的日期 {event.start.date()}。")
    elif event.repeat is not None and ok:
        if event.until is not None and "COUNT=" in event.repeat:
            add(("until",), "重复规则里已经用 COUNT 写了次数，不要再写 until；两者只写一个。")
        else:
            _check_first(doc, event, problems)
    return event.model_copy(update={"posts": list(posts), "villages": list(villages)})


def _check_first(doc: Document, event: Event, problems: Problems) -> None:
    """The first start must be a day of the rule (calendar apps always count it)."""
    assert event.repeat is not None
    rule = parse_rule(event.repeat, event.start)
    if event.until is not None:
        rule = rule.replace(until=datetime.combine(event.until, time(23, 59, 59)))
    first = rule.after(event.start, inc=True)
    if first == event.start:
        return
    shown = _when(event.start)
    if first is None:
        message = f"按重复规则“{event.repeat}”，从 {shown} 起排不出任何一次活动，请检查规则和 until。"
    else:
        message = (
            f"开始时间 {shown} 不是重复规则“{event.repeat}”里的日子。start 应写第一次活动的时间"
            f"（按这个规则，第一次是 {_when(first)}）。"
        )
    _report(problems, doc, ("start",), message)


# -- shared checks -----------------------------------------------------------

def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}（星期{WEEKDAYS[moment.weekday()]}）"


def _check_order(doc: Document, start: datetime, end: datetime, problems: Problems) -> bool:
    if end > start:
        return True
    _report(
        problems, doc, ("end",),
        f"结束时间 {end:%Y-%m-%d %H:%M} 应晚于开始时间 {start:%Y-%m-%d %H:%M}。",
    )
    return False


def _places(
    county: County, doc: Document, posts: list[str], villages: list[str], known: set[str],
    problems: Problems,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Check post and village ids; old village ids (aliases) resolve to the current ones.

    An id from a post file that has errors of its own is not reported again.
    """
    found_posts: list[str] = []
    for i, post_id in enumerate(posts):
        if post_id in county.post_by_id:
            if post_id not in found_posts:
                found_posts.append(post_id)
            continue
        if post_id in known:
            continue
        _report(problems, doc, ("posts", i), f"找不到编号为“{post_id}”的警务室。{_guess(post_id, county.post_by_id)}")
    found_villages: list[str] = []
    for i, village_id in enumerate(villages):
        village = county.village_by_id.get(village_id) or county.alias_of.get(village_id)
        if village is None and village_id in known:
            continue
        if village is None:
            _report(
                problems, doc, ("villages", i),
                f"找不到编号为“{village_id}”的村（社区）。{_guess(village_id, county.village_by_id)}",
            )
        elif village.id not in found_villages:
            found_villages.append(village.id)
    return tuple(found_posts), tuple(found_villages)


def _guess(value: str, known: Iterable[str]) -> str:
    guess = difflib.get_close_matches(value, list(known), n=1)
    return f"是否想写“{guess[0]}”？" if guess else "编号要和 posts 文件夹里写的一致。"


# -- calendar entries --------------------------------------------------------

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
        page=f"law/{lecture.slug}/",
        ics=f"calendar/law/{lecture.slug}.ics",
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
        page=f"events/{event.slug}/",
        ics=f"calendar/events/{event.slug}.ics",
    )


def _reception_entries(data_dir: Path, county: County, problems: Problems) -> list[Entry]:
    entries = []
    for post in county.posts:
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
        page=f"posts/{post.id}/",
        ics=f"calendar/reception/{post.id}.ics",
    )


def _post_file(data_dir: Path, post: Post) -> str:
    for suffix in (".yml", ".yaml"):
        path = data_dir / "posts" / f"{post.id}{suffix}"
        if path.is_file():
            return display_path(path)
    return display_path(data_dir / "posts" / f"{post.id}.yml")


__all__ = ["load_agenda"]
