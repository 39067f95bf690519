"""What the page stage produces: pages (Markdown wrappers around escaped HTML)
and assets (files copied as they are). Engine-independent."""

from __future__ import annotations

import hashlib
import os
import posixpath
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path, PurePosixPath
from typing import Protocol

import yaml

from .outfiles import OutputFiles

# The package's own files (styles, scripts, pictures) are published here.
ASSET_DIR = "assets/cunjing/"
STYLESHEET = ASSET_DIR + "cunjing.css"  # every kind's CSS, joined
PRINT_CSS = ASSET_DIR + "print.css"  # printables: A4, outside the theme
PRINT_DOCUMENT_CSS = ASSET_DIR + "print-bulletin.css"  # printed reports and notices


def url_of(src: str) -> str:
    """Directory URL of a page source: 'officers/x.md' -> 'officers/x/', 'index.md' -> ''."""
    stem = src[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def src_of(url: str) -> str:
    """The page source of a directory URL: 'officers/x/' -> 'officers/x.md', 'posts/' -> 'posts/index.md'."""
    if url == "":
        return "index.md"
    stem = url.rstrip("/")
    return f"{stem}/index.md" if "/" not in stem else f"{stem}.md"


def _relpath(dest: str, base: str) -> str:
    """posixpath.relpath(dest, base) for two site-relative paths, without its
    abspath/getcwd calls (every link of every page comes through here)."""
    if ".." in dest or ".." in base or dest.startswith("/") or base.startswith("/"):
        return posixpath.relpath(dest, base)
    from_parts = [p for p in base.split("/") if p and p != "."]
    to_parts = [p for p in dest.split("/") if p and p != "."]
    common = 0
    for a, b in zip(from_parts, to_parts, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


def relurl(here: str, target: str) -> str:
    """Relative link from the page at URL ``here`` to ``target`` (site-relative)."""
    base = here.rstrip("/") or "."
    dest = target.rstrip("/") or "."
    rel = _relpath(dest, base)
    if target.endswith("/") or target == "":
        rel = "./" if rel == "." else rel + "/"
    return rel


def absolute_url(site_url: str, target: str) -> str:
    """Absolute URL of a site-relative target, from site.yml's site_url."""
    return site_url.rstrip("/") + "/" + target.lstrip("/")


# libyaml's emitter (C) writes the same text as PyYAML's Python one for titles of
# printable characters of the Basic Multilingual Plane (checked on random
# titles); others (emoji, control characters) keep the Python emitter.
_FAST_DUMPER = getattr(yaml, "CSafeDumper", None)


def _yaml_dump(meta: dict[str, object]) -> str:
    title = str(meta["title"])
    if _FAST_DUMPER is not None and len(title) < 1000 and title.isprintable() and all(
        c < "\U00010000" for c in title
    ):
        return yaml.dump(meta, Dumper=_FAST_DUMPER, allow_unicode=True, sort_keys=True, width=10_000)
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=10_000)


@dataclass(frozen=True)
class Page:
    """A page: ``html`` is already escaped; ``title`` is plain text."""

    src: str
    title: str
    html: str
    hide: tuple[str, ...] = ("navigation", "toc")
    # A text page (notice, report, lecture): the page shell offers 听一听 on it.
    read_aloud: bool = False

    @property
    def url(self) -> str:
        return url_of(self.src)

    def markdown(self) -> str:
        """The page as a Markdown file: front matter, then one raw HTML block.

        MkDocs/Material print ``page.meta.title`` into <title> and the header
        without escaping, so the title is HTML-escaped here.
        """
        return f"{self.front_matter()}\n{self.body()}\n"

    def meta(self) -> dict[str, object]:
        """What the front matter says, as an engine reads it back."""
        from markupsafe import escape

        found: dict[str, object] = {"title": str(escape(self.title)), "hide": list(self.hide)}
        if self.read_aloud:
            found["read_aloud"] = True
        return found

    def front_matter(self) -> str:
        """The YAML front matter block, "---" lines included."""
        return f"---\n{_yaml_dump(self.meta())}---\n"

    def body(self) -> str:
        """The page's body as Python-Markdown renders it from markdown(): the
        raw HTML block passes through unchanged."""
        return self.html.strip()


@dataclass(frozen=True)
class SpooledPage(Page):
    """A page whose body waits in a PageSpool's file: only its place is held."""

    spool: PageSpool | None = None
    offset: int = 0
    length: int = 0

    def body(self) -> str:
        assert self.spool is not None
        return self.spool.read(self.offset, self.length)


class PageSpool:
    """Holds the pages' bodies in one unnamed temporary file instead of in memory,
    from the moment a kind has made them until the engine writes them out; what
    it returns for a page reads its body back from there."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 (open across build steps; close())
        self.size = 0

    def __call__(self, page: Page) -> Page:
        data = page.body().encode("utf-8")
        self.file.write(data)
        offset, self.size = self.size, self.size + len(data)
        return SpooledPage(
            src=page.src, title=page.title, html="", hide=page.hide, read_aloud=page.read_aloud,
            spool=self, offset=offset, length=len(data),
        )

    def read(self, offset: int, length: int) -> str:
        self.file.flush()
        return os.pread(self.file.fileno(), length, offset).decode("utf-8")

    def close(self) -> None:
        self.file.close()


@dataclass(frozen=True)
class Asset:
    """A file published as it is, at ``dest`` (site-relative path)."""

    dest: str
    content: bytes | None = None
    source: Path | None = field(default=None)
    # The sha256 of the bytes, where the writer has hashed them already.
    sha256: bytes | None = field(default=None, compare=False)
    # Called before ``source`` is read: waits until the writer has written it.
    ready: Callable[[], None] | None = field(default=None, compare=False, repr=False)

    def data(self) -> bytes:
        """The file's bytes (read from ``source`` when it has one)."""
        if self.source is None:
            return self.content or b""
        if self.ready is not None:
            self.ready()
        return self.source.read_bytes()

    def digest(self) -> bytes:
        """The sha256 of the file's bytes."""
        return self.sha256 if self.sha256 is not None else hashlib.sha256(self.data()).digest()


def package_asset(package: str, name: str, dest: str) -> Asset:
    """A file shipped in generator.<package>/assets/, published at ``dest``."""
    return Asset(dest=dest, content=(files(f"generator.{package}") / "assets" / name).read_bytes())


def package_text(package: str, name: str) -> str:
    return (files(f"generator.{package}") / "assets" / name).read_text(encoding="utf-8")


def media_url(ref: str) -> str:
    """Site-relative URL of a file referenced from data (photos/x.png -> media/photos/x.png)."""
    return "media/" + PurePosixPath(ref.strip().replace("\\", "/")).as_posix()


Item = Page | Asset


@dataclass(frozen=True)
class Part:
    """Pages and files that depend only on the data the keys of ``scope`` name,
    besides what every part may depend on (the settings, the build date and the
    records of every kind, apart from what a scope key names). ``key`` names the
    part among the build's parts. A rebuild told which scope keys changed may take
    a part's items from the build before it instead of making them (core.reuse)."""

    key: str
    scope: frozenset[str]
    make: Callable[[], Iterable[Item]]


class Parts(Protocol):
    """What turns a Part into its items as the build takes them in (core.reuse.Reuse)."""

    def items(self, part: Part, hold: Callable[[Page], Page], put: Callable[[Asset], Asset]) -> list[Item]: ...


@dataclass
class SiteOutput:
    pages: list[Page] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    # Assets still to be made, after ``assets`` and in this order: a kind of many
    # large files (the printables) hands over a generator, so that a build
    # writing each file as it comes never holds them all (build.build_site
    # turns them into ``assets``).
    # Parts among them are made, or taken from the build before, by ``made``.
    coming: list[Iterable[Item | Part]] = field(default_factory=list)

    def extend(self, other: SiteOutput) -> None:
        self.pages.extend(other.pages)
        self.assets.extend(other.assets)
        self.coming.extend(other.coming)

    def made(
        self, write: Callable[[Asset], Asset] | None = None, keep: Callable[[Page], Page] | None = None,
        parts: Parts | None = None,
    ) -> SiteOutput:
        """This output with what is ``coming`` made, each asset passed through
        ``write`` and each page through ``keep`` as it comes; each Part made
        (or taken from the build before) by ``parts`` when given."""
        put: Callable[[Asset], Asset] = write or (lambda asset: asset)
        hold: Callable[[Page], Page] = keep or (lambda page: page)
        out = SiteOutput(pages=[hold(page) for page in self.pages], assets=[put(asset) for asset in self.assets])

        def take(item: Item) -> None:
            if isinstance(item, Page):
                out.pages.append(hold(item))
            else:
                out.assets.append(put(item))

        for stream in self.coming:
            for item in stream:
                if not isinstance(item, Part):
                    take(item)
                elif parts is None:
                    for made in item.make():
                        take(made)
                else:
                    for made in parts.items(item, hold, put):
                        if isinstance(made, Page):
                            out.pages.append(made)
                        else:
                            out.assets.append(made)
        return out


class AssetWriter:
    """Writes assets straight into the output folder as the build makes them, so
    no build holds every file's bytes at once; what it returns stands for the
    written file (its ``source`` and digest), for the covering steps that read it
    back. ``check`` may refuse a destination (a hand-written file of the same
    name). ``before``: the digest of each file the folder already holds from the
    build before (a rebuild); a file whose bytes are the same is left as it is.
    ``files``: the writer process the files go through (else written here)."""

    def __init__(
        self, root: Path, check: Callable[[str], None] | None = None, before: Mapping[str, bytes] | None = None,
        files: OutputFiles | None = None,
    ) -> None:
        self.root = root
        self.check = check
        self.before = before or {}
        self.files = files
        self.digests: dict[str, bytes] = {}  # dest -> sha256 of what the folder holds from this build

    def __call__(self, asset: Asset) -> Asset:
        if self.check is not None:
            self.check(asset.dest)
        path = self.root / asset.dest
        held = self.digests[asset.dest] if asset.dest in self.digests else self.before.get(asset.dest)
        if asset.source is not None and self.files is not None and self.files.pending(asset.source):
            self.files.settle()  # a copy of a file this build has sent to the writer
        if asset.source == path:
            digest = asset.digest()
        else:
            data = asset.data()
            digest = hashlib.sha256(data).digest()
            if held != digest:
                if self.files is not None:
                    self.files.write(str(path), data)
                else:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
        self.digests[asset.dest] = digest
        return Asset(
            dest=asset.dest, source=path, sha256=digest, ready=self.files.settle if self.files is not None else None,
        )
