"""Addresses of law education (法制宣传): the index, its pages by category and
by topic, lectures and their calendar files."""

from __future__ import annotations

LAW = "law/"
# Lecture file names that would clash with the pages by category and by topic.
RESERVED_SLUGS = frozenset({"kinds", "topics"})  # ("index" is refused for every folder)


def lecture(slug: str) -> str:
    return f"law/{slug}/"


def lecture_ics(slug: str) -> str:
    return f"calendar/law/{slug}.ics"


def law_kind(kind_slug: str) -> str:
    """The lectures of one category (slug: core.pinyin.slugs of the category's name)."""
    return f"law/kinds/{kind_slug}/"


def law_topic(topic_slug: str) -> str:
    """The lectures of one topic (slug: core.pinyin.slugs of the topic's name)."""
    return f"law/topics/{topic_slug}/"
