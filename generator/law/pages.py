"""法制宣传: /law/ (by topic and by kind, upcoming first) and /law/<slug>/."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from ..core.markup import render_body
from ..core.pages import Asset, SiteOutput, media_url, src_of
from ..core.pinyin import sort_key
from ..directory import urls as directory_urls
from ..kind import Build, Site
from ..safety.model import SAFETY
from . import urls
from .load import LAW, Law
from .model import Attachment, attachment_key
from .schema import LECTURE_KINDS, Lecture


@dataclass(frozen=True)
class LawIndex:
    upcoming: list[Lecture]
    past: list[Lecture]
    articles: list[Lecture]
    kinds: list[tuple[str, list[Lecture]]]
    topics: list[tuple[str, list[Lecture]]]


def is_upcoming(lecture: Lecture, today: date) -> bool:
    return lecture.end is not None and lecture.end > datetime.combine(today, time(0, 0))


def law_index(lectures: tuple[Lecture, ...], today: date) -> LawIndex:
    timed = [item for item in lectures if item.is_event]
    upcoming = sorted(
        (item for item in timed if is_upcoming(item, today)), key=lambda i: (i.start, i.slug)
    )
    past = sorted(
        (item for item in timed if not is_upcoming(item, today)),
        key=lambda i: (i.start, i.slug), reverse=True,
    )
    articles = sorted(
        (item for item in lectures if not item.is_event),
        key=lambda i: (sort_key(i.title), i.slug),
    )
    ordered = upcoming + past + articles
    kinds = [(kind, [i for i in ordered if i.kind == kind]) for kind in LECTURE_KINDS]
    names = sorted({t for item in ordered for t in item.topics}, key=sort_key)
    topics = [(name, [i for i in ordered if name in i.topics]) for name in names]
    return LawIndex(upcoming, past, articles, [k for k in kinds if k[1]], topics)


def lecture_files(
    law: Law, lecture: Lecture
) -> tuple[list[tuple[str, Attachment]], Attachment | None]:
    """A lecture's materials (with the title to show) and its audio."""
    materials = []
    for material in lecture.materials:
        found = law.attachments[attachment_key(material.file)]
        materials.append((material.title or found.name, found))
    audio = law.attachments[attachment_key(lecture.audio)] if lecture.audio else None
    return materials, audio


# Who attended a training: (mediator's name, village name, village URL).
Attendee = tuple[str, str, str]


def training_attendees(site: Site) -> dict[str, list[Attendee]]:
    """Lecture slug -> the mediators who attended it (from the 平安建设 records)."""
    return {
        slug: [
            (mediator.name, site.grid.village_by_id[village].name, directory_urls.village(village))
            for mediator, village in found
        ]
        for slug, found in SAFETY.of(site).trained().items()
    }


def law_pages(build: Build) -> SiteOutput:
    grid, today, renderer = build.site.grid, build.site.today, build.renderer
    law = LAW.of(build.site)
    attendees = training_attendees(build.site)
    out = SiteOutput()
    index = law_index(law.lectures, today)
    out.pages.append(renderer.page("law/law_index.html", src_of(urls.LAW), "法制宣传", law=index))
    published: dict[str, Asset] = {}
    for lecture in law.lectures:
        materials, audio = lecture_files(law, lecture)
        officer = grid.officer_by_id.get(lecture.speaker or "")
        out.pages.append(replace(renderer.page(
            "law/lecture.html", src_of(urls.lecture(lecture.slug)), lecture.title,
            lecture=lecture, materials=materials, audio=audio,
            posts=[grid.post_by_id[p] for p in lecture.posts],
            villages=[grid.village_by_id[v] for v in lecture.villages],
            upcoming=is_upcoming(lecture, today),
            speaker=officer, speaker_post=grid.post_of_officer.get(officer.id) if officer else None,
            body=render_body(lecture.body, urls.lecture(lecture.slug)),
            attendees=attendees.get(lecture.slug, []),
        ), read_aloud=True))
        for item in [*(m for _, m in materials), *([audio] if audio else [])]:
            url = media_url(item.ref)
            published[url] = Asset(dest=url, source=item.path)
    out.assets.extend(published[url] for url in sorted(published))
    out.assets.extend(Asset(dest=name, content=data) for name, data in law.media.items())
    return out
