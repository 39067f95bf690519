"""QR codes (segno), made at build time as inline SVG: no external service."""

from __future__ import annotations

import segno
from markupsafe import Markup

# The mask segno chose for each URL. A village's or officer's URL is on its page
# and on its printable; segno's automatic choice scores all 8 masks in pure
# Python (most of the encoding time), so it is made once per URL. Only the mask
# number is kept (not the code), so memory stays small at any county size.
_masks: dict[str, int] = {}


def _code(url: str) -> segno.QRCode:
    mask = _masks.get(url)
    code = segno.make(url, error="m", micro=False, mask=mask)
    if mask is None:
        _masks[url] = code.mask
    return code


def qr_svg(url: str, *, scale: float = 4, title: str = "二维码") -> Markup:
    """An inline <svg> QR code for an absolute URL (error correction M).

    It carries both a viewBox and its natural width/height, so CSS may resize
    it (e.g. 40 mm on a printable) without clipping the code.
    """
    code = _code(url)
    width, height = code.symbol_size(scale=scale, border=2)
    svg = code.svg_inline(
        scale=scale, border=2, dark="#000", light="#fff", title=title, omitsize=True
    )
    svg = svg.replace("<svg ", f'<svg width="{width}" height="{height}" role="img" ', 1)
    return Markup(svg)
