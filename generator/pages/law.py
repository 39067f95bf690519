"""法制宣传: /law/ (by topic and by kind, upcoming first) and /law/<slug>/."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..agenda import Attachment, attachment_key, day_start
from ..county import County
from ..markup import render_markdown
from ..pinyin import sort_key
from ..schema.lecture import LECTURE_KINDS, Lecture
from .agenda_context import agenda_context
from .base import Asset, SiteOutput
from .media import media_url
from .render import Renderer


@dataclass(frozen=True)
class LawIndex:
    upcoming: list[Lecture]
    past: list[Lecture]
    articles: list[Lecture]
    kinds: list[tuple[str, list[Lecture]]]
    topics: list[tuple[str, list[Lecture]]]


def is_upcoming(lecture: Lecture, today: date) -> bool:
    return lecture.end is not None and lecture.end > day_start(today)


def law_index(county: County) -> LawIndex:
    today = county.today
    timed = [item for item in county.lectures if item.is_event]
    upcoming = sorted(
        (item for item in timed if is_upcoming(item, today)), key=lambda i: (i.start, i.slug)
    )
    past = sorted(
        (item for item in timed if not is_upcoming(item, today)),
        key=lambda i: (i.start, i.slug), reverse=True,
    )
    articles = sorted(
        (item for item in county.lectures if not item.is_event),
        key=lambda i: (sort_key(i.title), i.slug),
    )
    ordered = upcoming + past + articles
    kinds = [(kind, [i for i in ordered if i.kind == kind]) for kind in LECTURE_KINDS]
    names = sorted({t for item in ordered for t in item.topics}, key=sort_key)
    topics = [(name, [i for i in ordered if name in i.topics]) for name in names]
    return LawIndex(upcoming, past, articles, [k for k in kinds if k[1]], topics)


def lecture_files(
    county: County, lecture: Lecture
) -> tuple[list[tuple[str, Attachment]], Attachment | None]:
    """A lecture's materials (with the title to show) and its audio."""
    materials = []
    for material in lecture.materials:
        found = county.attachments[attachment_key(material.file)]
        materials.append((material.title or found.name, found))
    audio = county.attachments[attachment_key(lecture.audio)] if lecture.audio else None
    return materials, audio


def law_pages(county: County, renderer: Renderer) -> SiteOutput:
    out = SiteOutput()
    index = law_index(county)
    ctx = agenda_context(county)
    out.pages.append(renderer.page("law_index.html", "law/index.md", "法制宣传", law=index, **ctx))
    published: dict[str, Asset] = {}
    for lecture in county.lectures:
        materials, audio = lecture_files(county, lecture)
        officer = county.officer_by_id.get(lecture.speaker or "")
        out.pages.append(renderer.page(
            "lecture.html", f"law/{lecture.slug}.md", lecture.title,
            lecture=lecture, materials=materials, audio=audio, **ctx,
            posts=[county.post_by_id[p] for p in lecture.posts],
            villages=[county.village_by_id[v] for v in lecture.villages],
            upcoming=is_upcoming(lecture, county.today),
            speaker=officer, speaker_post=county.post_of_officer.get(officer.id) if officer else None,
            body=render_markdown(lecture.body),
        ))
        for item in [*(m for _, m in materials), *([audio] if audio else [])]:
            url = media_url(item.ref)
            published[url] = Asset(dest=url, source=item.path)
    out.assets.extend(published[url] for url in sorted(published))
    return out
