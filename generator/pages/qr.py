"""QR codes (segno), made at build time as inline SVG: no external service."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(url: str, *, scale: float = 4, title: str = "二维码") -> Markup:
    """An inline <svg> QR code for an absolute URL (error correction M)."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=scale, border=2, dark="#000", light="#fff", title=title, omitsize=False)
    return Markup(svg)
