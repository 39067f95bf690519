"""QR codes (segno), made at build time as inline SVG: no external service."""

from __future__ import annotations

import segno
from markupsafe import Markup

# One fixed mask pattern. segno's automatic choice scores all 8 masks in pure
# Python: 80 % of a code's encoding time, and QR codes were over half of a
# 1,500-village build. Any of the 8 masks is valid (a reader reads the mask
# from the code's format information); every printed and on-page code is
# decoded with zbarimg in the tests. Mask 5 is the one segno chose most often
# for village and officer URLs.
MASK = 5


def _code(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False, mask=MASK)


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
