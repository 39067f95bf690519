"""One way to resolve the ids editors write: current ids, former ids (aliases),
"did you mean", and one rule for ids that are not known.

The rule: an unknown id is an error at the line that writes it, with a
suggestion; the reference is left out and the record that holds it is kept,
so its other problems are still reported. An id that a broken file would
have defined is not reported again (that file's own problems already are).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Ids(Generic[T]):
    """The ids of one kind of record (警务室, 村（社区）, 民警 …)."""

    what: str  # what the id names, in Chinese: 警务室, 村（社区）, 民警
    items: Mapping[str, T]
    aliases: Mapping[str, T] = field(default_factory=dict)
    # Ids written in files that failed to load: already reported.
    unchecked: frozenset[str] = frozenset()
    # Where the ids are defined, as the suggestion names it when nothing is close.
    defined_in: str = "posts 文件夹里"

    def get(self, ref: str) -> T | None:
        """The record an id or a former id names; None when unknown."""
        found = self.items.get(ref)
        return found if found is not None else self.aliases.get(ref)

    def __contains__(self, ref: object) -> bool:
        return isinstance(ref, str) and self.get(ref) is not None

    def suggestion(self, ref: str) -> str:
        guess = difflib.get_close_matches(ref, list(self.items), n=1)
        return f"是否想写“{guess[0]}”？" if guess else f"编号要和{self.defined_in}写的一致。"

    def unknown_message(self, ref: str, advice: str = "") -> str:
        return f"找不到编号为“{ref}”的{self.what}。{self.suggestion(ref)}{advice}"

    def resolve(self, ref: str, report: Callable[[str], None], advice: str = "") -> T | None:
        """The record ``ref`` names, or None after reporting it (unless already reported)."""
        found = self.get(ref)
        if found is None and ref not in self.unchecked:
            report(self.unknown_message(ref, advice))
        return found

    def resolve_all(
        self, refs: Iterable[str], report: Callable[[int, str], None], key: Callable[[T], str]
    ) -> tuple[str, ...]:
        """Resolve a list of ids to current ids, in order, without repeats; unknown ones left out."""
        out: list[str] = []
        for i, ref in enumerate(refs):
            found = self.resolve(ref, partial(report, i))
            if found is not None and key(found) not in out:
                out.append(key(found))
        return tuple(out)
