"""Editors' Markdown bodies (reports, notices, lectures) to safe HTML.

Markdown keeps its meaning; raw HTML inside it is sanitised with nh3 (no
script, no event handlers, no javascript:/data: URLs, no images from other
hosts), so a report pasted from Word can never run code on residents' phones.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

_EXTENSIONS = ["tables", "sane_lists", "fenced_code", "attr_list"]
_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "*": {"id"},
}
_SCHEMES = {"http", "https", "mailto", "tel"}


def _filter(tag: str, attribute: str, value: str) -> str | None:
    # Images load from the site itself only (no other host, no data: URLs).
    if tag == "img" and attribute == "src":
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith("//"):
            return None
    if attribute == "id":
        return "cj-" + value
    return value


def sanitise(html: str) -> Markup:
    """Clean an HTML fragment from data: only harmless tags and URLs survive."""
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        attributes=_ATTRIBUTES,
        attribute_filter=_filter,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(cleaned)


# A line break between two Chinese characters is not a space (as it is in English).
_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])\n(?=[{_CJK}])")


def render_markdown(text: str) -> Markup:
    """Markdown body -> sanitised HTML. Headings start at h2 (the page has the h1)."""
    md = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
    parts = re.split(r"(<pre[\s\S]*?</pre>)", md.convert(text))
    html = "".join(p if p.startswith("<pre") else _CJK_BREAK.sub("", p) for p in parts)
    html = html.replace("<h1", "<h2").replace("</h1>", "</h2>")
    return sanitise(html)
