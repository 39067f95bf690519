"""Rebuilds that take what has not changed from the build before (``cunjing serve``).

A kind hands over its many similar pages and files in Parts (core.pages.Part),
each with the scope keys of the data it shows, e.g. one post's pages under
"directory:post:p12". Before a rebuild, each kind compares its records with the
build before's (Kind.changes) and names the scope keys that changed, or says
that anything may have. A part none of whose keys changed is taken as it was:
its pages' bodies are still in the page spool and its files still in the
output folder. Everything else is made again. Engine-independent.
"""

from __future__ import annotations

from collections.abc import Callable

from .pages import Asset, Item, Page, Part


class Reuse:
    """The parts of the build before, and what one build may take from them."""

    def __init__(self) -> None:
        self.before: dict[str, list[Item]] = {}
        self.changed: frozenset[str] | None = None  # None: take nothing
        self.made: dict[str, list[Item]] = {}
        self.taken: list[Item] = []  # this build's items taken from the build before

    def start(self, changed: frozenset[str] | None) -> None:
        """A new build, in which the data of ``changed`` changed (None: any data may have)."""
        if self.made:
            self.before = self.made
        self.changed = changed
        self.made = {}
        self.taken = []

    def forget(self) -> None:
        """The build before is gone (a failed build, an emptied folder): take nothing next time."""
        self.before, self.made, self.changed, self.taken = {}, {}, None, []

    def items(self, part: Part, hold: Callable[[Page], Page], put: Callable[[Asset], Asset]) -> list[Item]:
        before = self.before.get(part.key)
        if before is not None and self.changed is not None and not part.scope & self.changed:
            # Its files are still in the output folder: ``put`` only notes them.
            taken = [item if isinstance(item, Page) else put(item) for item in before]
            self.taken.extend(taken)
            self.made[part.key] = taken
            return taken
        made: list[Item] = [hold(item) if isinstance(item, Page) else put(item) for item in part.make()]
        self.made[part.key] = made
        return made

    def taken_pages(self) -> set[str]:
        return {item.src for item in self.taken if isinstance(item, Page)}
