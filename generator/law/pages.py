"""法制宣传: /law/ (each lecture once: upcoming, past, articles), a page for each
category (/law/kinds/<slug>/) and each topic (/law/topics/<slug>/) that the
index links to as chips, so no JavaScript is needed, and /law/<slug>/."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from ..core.markup import render_body
from ..core.pages import Asset, SiteOutput, media_url, src_of
from ..core.pinyin import slugs, sort_key
from ..directory import urls as directory_urls
from ..kind import Build, Site
from ..safety.model import SAFETY
from . import urls
from .load import LAW, Law
from .model import Attachment, attachment_key
from .schema import LECTURE_KINDS, Lecture


@dataclass(frozen=True)
class Groups:
    """Lectures as /law/ and its pages by category and topic list them, each once:
    upcoming (soonest first), past (latest first), articles (by title)."""

    upcoming: list[Lecture]
    past: list[Lecture]
    articles: list[Lecture]

    @property
    def items(self) -> list[Lecture]:
        return self.upcoming + self.past + self.articles


@dataclass(frozen=True)
class View:
    """A category or a topic: its name, its page and its lectures."""

    label: str
    url: str
    groups: Groups
    topic: bool = False  # a topic (主题), else a category (类别)


@dataclass(frozen=True)
class LawIndex:
    groups: Groups
    kinds: list[View]  # the categories that have lectures, in LECTURE_KINDS order
    topics: list[View]  # every topic written, in pinyin order


def is_upcoming(lecture: Lecture, today: date) -> bool:
    return lecture.end is not None and lecture.end > datetime.combine(today, time(0, 0))


def group(lectures: Iterable[Lecture], today: date) -> Groups:
    items = list(lectures)
    timed = [item for item in items if item.is_event]
    upcoming = sorted(
        (item for item in timed if is_upcoming(item, today)), key=lambda i: (i.start, i.slug)
    )
    past = sorted(
        (item for item in timed if not is_upcoming(item, today)),
        key=lambda i: (i.start, i.slug), reverse=True,
    )
    articles = sorted(
        (item for item in items if not item.is_event),
        key=lambda i: (sort_key(i.title), i.slug),
    )
    return Groups(upcoming, past, articles)



# The categories are fixed, so their addresses are too.
KIND_SLUGS = slugs(LECTURE_KINDS)


def topic_slugs(lectures: Iterable[Lecture]) -> dict[str, str]:
    return slugs(sorted({t for item in lectures for t in item.topics}, key=sort_key))


def law_index(lectures: tuple[Lecture, ...], today: date) -> LawIndex:
    everything = group(lectures, today)
    kinds = [
        View(kind, urls.law_kind(KIND_SLUGS[kind]), group((i for i in lectures if i.kind == kind), today))
        for kind in LECTURE_KINDS
    ]
    topics = [
        View(name, urls.law_topic(slug), group((i for i in lectures if name in i.topics), today), topic=True)
        for name, slug in topic_slugs(lectures).items()
    ]
    return LawIndex(everything, [k for k in kinds if k.groups.items], topics)


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
    out.pages.append(renderer.page("law/law_index.html", src_of(urls.LAW), "法制宣传", law=index, view=None))
    for view in index.kinds + index.topics:
        out.pages.append(renderer.page(
            "law/law_index.html", src_of(view.url), f"{view.label} - 法制宣传", law=index, view=view,
        ))
    topics = {view.label: view.url for view in index.topics}
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
            kind_url=urls.law_kind(KIND_SLUGS[lecture.kind]), topics=[(t, topics[t]) for t in lecture.topics],
        ), read_aloud=True))
        for item in [*(m for _, m in materials), *([audio] if audio else [])]:
            url = media_url(item.ref)
            published[url] = Asset(dest=url, source=item.path)
    out.assets.extend(published[url] for url in sorted(published))
    out.assets.extend(Asset(dest=name, content=data) for name, data in law.media.items())
    return out
