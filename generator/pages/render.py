"""Jinja2 templates for page text: autoescaped, with URL and phone helpers."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .. import phones
from .base import Asset, Page, relurl


@pass_context
def _rel(ctx: Context, target: str) -> str:
    return relurl(ctx["here"], target)


def _tel(phone: str) -> str:
    return phones.tel_href(phone)


def _thousands(value: int) -> str:
    return f"{value:,}"


def make_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["rel"] = _rel
    env.filters["tel"] = _tel
    env.filters["thousands"] = _thousands
    return env


class Renderer:
    """Renders one template per page with the shared county context."""

    def __init__(self, **shared: Any) -> None:
        self.env = make_environment()
        self.shared = shared

    def page(self, template: str, src: str, title: str, **context: Any) -> Page:
        here = Page(src, title, "").url
        html = self.env.get_template(template).render(
            here=here, title=title, **self.shared, **context
        )
        return Page(src=src, title=title, html=html)

    def standalone(self, template: str, url: str, title: str, **context: Any) -> Asset:
        """A complete HTML document outside the site theme (printables, redirects).

        ``url`` is the page's directory URL, e.g. "print/v/changan/".
        """
        html = self.env.get_template(template).render(
            here=url, title=title, **self.shared, **context
        )
        return Asset(dest=f"{url}index.html", content=html.encode("utf-8"))

    def text(self, template: str, **context: Any) -> Markup:
        return Markup(self.env.get_template(template).render(**self.shared, **context))
