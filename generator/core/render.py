"""Jinja2 templates for page text: autoescaped, with URL and phone helpers.

Each content kind keeps its templates in its own package's ``templates/``
folder; a template is named by its package, e.g. ``directory/village.html``
or ``core/_macros.html``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    PrefixLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from . import phones
from .cache import cache_dir
from .pages import Asset, Page, relurl


@pass_context
def _rel(ctx: Context, target: str) -> str:
    return relurl(ctx["here"], target)


def _tel(phone: str) -> str:
    return phones.tel_href(phone)


def _digits(phone: str) -> Markup:
    """A phone number with a line break allowed only after a dash or space
    (0873-<wbr>0610102; core.css keeps the digits between together): large text
    wraps a number at its separator instead of cutting it off."""
    return Markup("<wbr>").join(escape(part) for part in phones.parts(phone))


def _thousands(value: int | str) -> str:
    """1,234; text (a masked count such as "<3") as it is."""
    return value if isinstance(value, str) else f"{value:,}"


def bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept in the cache folder ($XDG_CACHE_HOME/cunjing/templates),
    so a build compiles only templates it has not seen; Jinja checks each against its
    source and compiles it again when it changed. None where the folder cannot be written."""
    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None


def make_environment(packages: Iterable[str]) -> Environment:
    """A Jinja environment loading ``<package>/<name>`` from generator.<package>/templates."""
    loader = PrefixLoader(
        {name: PackageLoader(f"generator.{name}", "templates") for name in ("core", *packages)}
    )
    env = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # One build renders each template thousands of times: no stat() of its file each time.
        auto_reload=False,
        bytecode_cache=bytecode_cache(),
    )
    env.filters["rel"] = _rel
    env.filters["tel"] = _tel
    env.filters["digits"] = _digits
    env.filters["thousands"] = _thousands
    return env


# One explanation of a term (core/_macros.html explain), as the macro writes it.
_EXPLANATION = re.compile(r'<span class="cj-explain" data-term="([^"]+)">[^<]*</span>')


def explain_once(html: str) -> str:
    """Keep the first explanation of each term on a page, where the term first appears;
    a page built from several parts explains 六位一体 once, not in every part."""
    seen: set[str] = set()

    def keep(match: re.Match[str]) -> str:
        if match.group(1) in seen:
            return ""
        seen.add(match.group(1))
        return match.group(0)

    return _EXPLANATION.sub(keep, html)


class Renderer:
    """Renders templates; ``shared`` values (settings, the grid, URL helpers) reach every template."""

    def __init__(self, packages: Iterable[str], shared: Mapping[str, Any]) -> None:
        self.kinds = list(packages)
        self.env = make_environment(self.kinds)
        self.shared: set[str] = set()
        self.share(shared)

    def share(self, shared: Mapping[str, Any]) -> None:
        """The values every template sees from now on (another build's: its
        templates, already compiled, read them at each render)."""
        for name in self.shared - shared.keys():
            del self.env.globals[name]
        self.env.globals.update(shared)
        self.shared = set(shared)

    def page(self, template: str, src: str, title: str, **context: Any) -> Page:
        here = Page(src, title, "").url
        html = self.env.get_template(template).render(here=here, title=title, **context)
        return Page(src=src, title=title, html=explain_once(html))

    def standalone(self, template: str, url: str, title: str, **context: Any) -> Asset:
        """A complete HTML document outside the site theme (printables, redirects).

        ``url`` is the page's directory URL, e.g. "print/v/changan/".
        """
        html = self.env.get_template(template).render(here=url, title=title, **context)
        return Asset(dest=f"{url}index.html", content=html.encode("utf-8"))

    def text(self, template: str, **context: Any) -> Markup:
        return Markup(self.env.get_template(template).render(**context))
