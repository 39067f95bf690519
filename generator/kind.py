"""How a content kind plugs into cunjing: one ``Kind`` description per
package (its ``kind.py``), listed once in ``kinds.py``.

A kind may read a data folder (``load``, checked into its records, which the
site object holds under the kind's name), publish pages and files (``pages``,
then ``finish`` once every kind's pages exist), offer named blocks to the place
pages (home, post, village, officer), give items to the feeds, a document
template to ``cunjing new`` and sheets to the Excel workbook. Nothing here
knows MkDocs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, cast

from markupsafe import Markup
from pydantic import BaseModel

from .core.ahead import Ahead
from .core.pages import SiteOutput
from .core.problems import Problem, Problems
from .core.qr import QrCodes
from .core.render import Renderer
from .core.settings import SiteConfig
from .core.xlsx import Sheet
from .directory.grid import Grid
from .directory.schema import Officer, Post, Village
from .province.load import Parent

T = TypeVar("T")

# The pages that host other kinds' blocks.
PlaceKind = Literal["home", "post", "village", "officer"]


@dataclass(frozen=True)
class Site:
    """Everything checked, as the pages see it: settings, the grid, the build
    date and each kind's records by kind name (see ``Records``)."""

    settings: SiteConfig
    grid: Grid
    today: date
    data_dir: Path
    records: Mapping[str, object] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()
    parent: Parent | None = None  # the province portal this county belongs to


class Records(Generic[T]):
    """Typed access to one kind's records on the site object (or while loading)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def of(self, site: Site | Load) -> T:
        return cast(T, site.records[self.kind])


@dataclass
class Load:
    """What a kind's loader sees: the data folder, the build date, the settings
    (None when site.yml is broken), the records of the kinds loaded before it,
    and where to report problems."""

    data_dir: Path
    today: date
    settings: SiteConfig | None
    problems: Problems
    records: dict[str, object] = field(default_factory=dict)

    @property
    def grid(self) -> Grid:
        return cast(Grid, self.records["directory"])


@dataclass(frozen=True)
class Build:
    """What a kind's pages, blocks and feed entries see."""

    site: Site
    renderer: Renderer
    kinds: tuple[Kind, ...]
    links: Any  # every kind's addresses by name (Kind.links), as templates see them: url.<name>
    qr: QrCodes = field(default_factory=QrCodes)  # the build's QR codes, one drawing per URL
    # What a `cunjing serve` session keeps from one build to the next, by the
    # name of what keeps it (None: a single build, which keeps nothing).
    session: dict[str, Any] | None = None
    # What kinds compute beside the build (Kind.ahead), by kind name, started by build_site.
    ahead: dict[str, Ahead[Any]] = field(default_factory=dict)

    def computed(self, kind: str) -> Any:
        """What the kind named ``kind`` computes by its ``ahead``, for this build:
        from the process started beside the build, or made now."""
        started = self.ahead.get(kind)
        if started is not None:
            return started.result()
        make = next(k.ahead for k in self.kinds if k.name == kind)
        assert make is not None, kind
        return make(self)


@dataclass(frozen=True)
class Place:
    """A page that hosts blocks: ``here`` is its URL; post, village and officer
    are set as the page concerns them (a village page: its village and post)."""

    page: PlaceKind
    here: str
    post: Post | None = None
    village: Village | None = None
    officer: Officer | None = None


@dataclass(frozen=True)
class Block:
    """A named part of the place pages, e.g. "notices" on home, post and village
    pages; the page template places it by ``name``."""

    name: str
    places: frozenset[PlaceKind]
    make: Callable[[Build, Place], Markup]


@dataclass(frozen=True)
class FeedItem:
    """An entry of the Atom and RSS feeds: the county's feed has every item,
    each post's feed those with ``county_wide`` or naming the post in ``posts``."""

    url: str  # site-relative; the feed makes it absolute
    title: str
    day: date
    category: str
    html: Markup
    posts: frozenset[str]
    county_wide: bool


@dataclass(frozen=True)
class CountyExport:
    """A built county as the province's own pages see it: its id (its folder
    under the province's site) and what each kind exported (Kind.export)."""

    id: str
    kinds: Mapping[str, Any]


@dataclass(frozen=True)
class ProvinceBuild:
    """What a kind's province pages see: the province's settings, a renderer
    over every kind's templates, and every county built, in pinyin order."""

    settings: SiteConfig
    renderer: Renderer
    counties: tuple[CountyExport, ...]

    def of(self, kind: str) -> list[tuple[str, Any]]:
        """Each county's export of one kind: (county id, what it exported)."""
        return [(c.id, c.kinds[kind]) for c in self.counties if kind in c.kinds]


@dataclass(frozen=True)
class Schema:
    """A JSON Schema file for editors' tools, from the record that validates the data."""

    file: str  # e.g. "report.schema.json"
    model: type[BaseModel]
    title: str  # what the file describes, in Chinese
    derived: tuple[str, ...] = ()  # fields taken from the file name, not written


@dataclass(frozen=True)
class Command:
    """A CLI sub-command (``cunjing excel …``) or a document kind for ``cunjing new …``."""

    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Kind:
    name: str  # its package under generator/, and its key in Site.records
    title: str  # what editors call it (Chinese)
    summary: str  # one line for the README's table of kinds (Chinese)
    folder: str | None = None  # its folder under data/
    internal: bool = False  # the folder is never published (logs of residents' matters)
    folder_note: str | None = None  # what `cunjing init` writes into the empty folder
    needs: tuple[str, ...] = ()  # kinds whose records its loader uses (loaded first)
    uses: tuple[str, ...] = ()  # kinds whose records only its pages and blocks use
    load: Callable[[Load], object] | None = None
    # What the site object keeps of the loaded records (an internal log: its aggregates).
    keep: Callable[[object], object] | None = None
    # A rebuild: given the site object of the build before and this build's (whose
    # records of this kind differ), the scope keys of the Parts (core.pages.Part)
    # that show what changed, or None when any page may. Without it, any change to
    # the kind's records makes every part again.
    changes: Callable[[Site, Site], frozenset[str] | None] | None = None
    # Phone numbers the kind publishes (the personal-data guard accepts them).
    published_numbers: Callable[[Load], set[str]] | None = None
    schemas: tuple[Schema, ...] = ()
    # What `cunjing check` and `build` say they took in, e.g. "9 条安全提示".
    count: Callable[[Site], str] | None = None
    pages: Callable[[Build], SiteOutput] | None = None
    # What its pages need that takes long and depends only on the build (the
    # find index): a single build computes it in a second process from its start,
    # beside the other kinds' pages (core.ahead); pages asks build.computed(name).
    ahead: Callable[[Build], object] | None = None
    # After every kind's pages: what covers all of them (old addresses, 404, the service worker).
    finish: Callable[[Build, SiteOutput], SiteOutput] | None = None
    blocks: tuple[Block, ...] = ()
    # A county of a province: what this kind tells the province's own pages
    # (JSON values, only what the county's pages publish), in county.json.
    export: Callable[[Build], Any] | None = None
    # The province's own pages at its root, from every county's exports.
    province: Callable[[ProvinceBuild], SiteOutput] | None = None
    feed: Callable[[Build], Sequence[FeedItem]] | None = None
    # Its sheets of the Excel workbook (`cunjing excel export`), and what they hold in words;
    # their names, which replace the .yml files of ``folder`` once the workbook holds them.
    sheets: Callable[[Load], tuple[list[Sheet], str]] | None = None
    sheet_names: tuple[str, ...] = ()
    new: Command | None = None  # `cunjing new <name>`
    templates: bool = False  # has templates/ (named "<kind>/<file>")
    stylesheet: str | None = None  # its CSS in assets/, joined into the residents' stylesheet
    # (place, menu title, page URL) in a new county's menu, places from 0 (the home page) up.
    nav: tuple[int, str, str] | None = None
    links: Mapping[str, Any] = field(default_factory=dict)  # addresses templates reach as url.<name>
    # The scheme's own words this kind's pages use (六位一体 …), each with one plain line;
    # templates call explain(term), and a page keeps the first explanation of each.
    terms: Mapping[str, str] = field(default_factory=dict)
    # Helpers every template may call, e.g. photo_url(officer), from the site object.
    template_globals: Callable[[Site], Mapping[str, Any]] | None = None
