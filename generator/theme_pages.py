"""Generated pages put through the theme's page template by the plugin itself.

MkDocs would read each generated page as a Markdown file, parse its front
matter, set up Python-Markdown for an empty body, render the template, and hold
the page until the build ends. A county's pages need only the last step. So the
plugin renders them with the theme's own Jinja environment (``on_env``), with
the page context MkDocs gives a page, writes each one as soon as it is rendered,
and then lets it go.

The pages MkDocs' navigation names (``nav`` in mkdocs.yml, and the home page)
and those a hand-written page links to by their .md path stay MkDocs pages, so
the navigation and MkDocs' link check find them. The sitemap lists every page in
the order MkDocs would have listed them (``sitemap_pages``).
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage

from .core.outfiles import OutputFiles
from .core.pages import Page, relurl

HOME = "index.md"
# A page no build makes, rendered to tell whether the theme renders pages as before.
_PROBE = "cunjing-probe/probe/index.md"


def nav_sources(nav: Any) -> set[str]:
    """The page sources mkdocs.yml's ``nav`` names (external links left out)."""
    found: set[str] = set()
    stack = [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "://" not in item and item.endswith(".md"):
                found.add(posixpath.normpath(item.lstrip("/")))
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


# A Markdown link's target, up to a fragment or query: [text](target) or [text]: target.
_LINK = re.compile(r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?)([^)\s>#?]+\.md)\b", re.M)


def linked_sources(files: Files) -> set[str]:
    """The pages the hand-written Markdown pages link to by their .md path: MkDocs
    checks those links against its own files, so those pages must be among them."""
    found: set[str] = set()
    for file in files.documentation_pages():
        if file.generated_by is not None:
            continue
        folder = posixpath.dirname(file.src_uri)
        for target in _LINK.findall(file.content_string):
            if "://" in target:
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found.add(posixpath.normpath(path))
    return found


def base_url(url: str) -> str:
    """The relative way from a page's URL to the site's root, as MkDocs gives it."""
    folder = url.rpartition("/")[0] if "." in url.rpartition("/")[2] else url.rstrip("/")
    depth = len([part for part in folder.split("/") if part])
    return "/".join([".."] * depth) or "."


@dataclass(frozen=True)
class _Listed:
    """What the sitemap template reads of a page."""

    canonical_url: str | None
    abs_url: str | None
    update_date: str
    is_link: bool = False

    @property
    def meta(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True)
class _ListedFile:
    page: _Listed


class ThemePages:
    """The generated pages the plugin renders itself, in build order.

    ``before``: the same site's ThemePages of the build before (``cunjing
    serve``). A page in ``taken`` (its body unchanged, see core.reuse) is not
    rendered again when the theme would render an empty page as it did then:
    its file from that build stays."""

    def __init__(
        self, pages: Sequence[Page], order: Sequence[str], banner: str = "",
        before: ThemePages | None = None, taken: Collection[str] = (),
    ) -> None:
        self.pages = list(pages)
        self.order = list(order)  # every generated page's source, in build order
        self.banner = banner
        self.listed: dict[str, _Listed] = {}
        self.dests: dict[str, str] = {}  # source -> file, site-relative
        self.probe = ""  # digest of an empty page as the theme renders it
        self.before = before
        self.taken = taken

    def render(
        self, env: jinja2.Environment, config: MkDocsConfig, nav: Navigation, files: Files,
        out: OutputFiles | None = None,
    ) -> None:
        """Render and write every page (through ``out``, the build's writer process,
        when given); each is let go once written."""
        doc_pages = files.documentation_pages()
        build_date = _build_datetime()
        folders: set[str] = set()
        template = env.get_template("main.html")

        def output(page: Page) -> tuple[File, MkPage, str]:
            file = File.generated(config, page.src, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            mk = MkPage(None, file, config)
            mk.markdown = ""
            mk.meta = page.meta()  # what MkDocs would read from its front matter
            mk.content = self.banner + page.body()
            context = {
                "nav": nav,
                "pages": doc_pages,
                "base_url": base_url(mk.url),
                "extra_css": [_normalize(path, mk.url) for path in config.extra_css],
                "extra_javascript": [_normalize(str(path), mk.url) for path in config.extra_javascript],
                "mkdocs_version": mkdocs.__version__,
                "build_date_utc": build_date,
                "config": config,
                "page": mk,
            }
            return file, mk, template.render(context)

        probes = [Page(_PROBE, "", ""), Page(_PROBE, "", "", read_aloud=True)]
        self.probe = hashlib.sha256("\0".join(output(p)[2] for p in probes).encode("utf-8")).hexdigest()
        before = self.before if self.before is not None and self.before.probe == self.probe else None
        self.before = None
        pages, self.pages = self.pages, []
        for page in pages:
            if before is not None and page.src in self.taken and page.src in before.dests:
                self.listed[page.src] = before.listed[page.src]
                self.dests[page.src] = before.dests[page.src]
                continue
            file, mk, html = output(page)
            dest = file.abs_dest_path
            data = html.encode("utf-8", errors="xmlcharrefreplace")
            if out is not None:
                out.write(dest, data)
            else:
                folder = os.path.dirname(dest)
                if folder not in folders:
                    os.makedirs(folder, exist_ok=True)
                    folders.add(folder)
                Path(dest).write_bytes(data)
            self.listed[page.src] = _Listed(mk.canonical_url, mk.abs_url, mk.update_date)
            self.dests[page.src] = file.dest_uri

    def sitemap_pages(self, pages: Iterable[File]) -> list[Any]:
        """The sitemap's pages: the hand-written ones, then every generated page
        in build order (MkDocs' own file for those it built)."""
        ours = set(self.order)
        theirs = [f for f in pages if f.src_uri not in ours]
        built = {f.src_uri: f for f in pages if f.src_uri in ours}
        return theirs + list(self._generated(built))

    def _generated(self, built: dict[str, File]) -> Iterator[Any]:
        for src in self.order:
            if src in built:
                yield built[src]
            elif src in self.listed:
                yield _ListedFile(self.listed[src])


def _build_datetime() -> datetime:
    """The build's time as MkDocs gives it to templates (SOURCE_DATE_EPOCH when set)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch is not None else datetime.now(UTC)


def _normalize(path: str, page_url: str) -> str:
    """A site-relative path as seen from the page at ``page_url`` (MkDocs' url filter)."""
    if "://" in path or path.startswith(("/", "#", "data:", "mailto:")):
        return path
    return relurl(page_url, path)
