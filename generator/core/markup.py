"""Editors' bodies (reports, notices, lectures) to safe HTML: Markdown, or the
HTML mammoth makes of a Word document (see core/docx.py).

Markdown keeps its meaning; raw HTML inside it is sanitised with nh3 (no
script, no event handlers, no javascript:/data: URLs, no images from other
hosts), so a report pasted from Word can never run code on residents' phones.
"""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

from .pages import relurl

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


def sanitise_body(html: str) -> Markup:
    """A body's HTML, sanitised; headings start at h2 (the page has the h1)."""
    return sanitise(html.replace("<h1", "<h2").replace("</h1>", "</h2>"))


def render_markdown(text: str) -> Markup:
    """Markdown body -> sanitised HTML."""
    md = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
    parts = re.split(r"(<pre[\s\S]*?</pre>)", md.convert(text))
    return sanitise_body("".join(p if p.startswith("<pre") else _CJK_BREAK.sub("", p) for p in parts))


# A picture of a Word document, at its site-relative address (media/word/…), in sanitised HTML.
_PICTURE = re.compile(r'(<img\b[^>]*?\bsrc=")(media/word/[0-9a-f]+\.[a-z]+)"')


def render_body(body: str, here: str) -> Markup:
    """A document's body for the page (or printable, or feed entry) at ``here``:
    Markdown is rendered; a body that is already Markup (from Word: sanitised
    HTML) has its pictures' addresses made relative to ``here``."""
    if isinstance(body, Markup):
        return Markup(_PICTURE.sub(lambda m: f'{m.group(1)}{relurl(here, m.group(2))}"', body))
    return render_markdown(body)


_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|tr|table|ul|ol|blockquote)>")


def body_text(body: str) -> str:
    """A body as its plain text, paragraphs apart (a Markdown body as it is), for
    estimating how much a printable holds."""
    if not isinstance(body, Markup):
        return body
    text = re.sub(r"<[^>]*>", "", _BLOCK_END.sub("\n\n", str(body)))
    return html_lib.unescape(text)
