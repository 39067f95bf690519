"""QR codes (zxing-cpp), made at build time as inline SVG: no external service.

zxing-cpp encodes in C++ (with the standard's mask choice, which segno did in
pure Python: over half of a 1,500-village build went into QR codes); this
module only draws its module matrix as one SVG path of horizontal runs.
"""

from __future__ import annotations

import re

import zxingcpp
from markupsafe import Markup, escape

BORDER = 2  # quiet zone, in modules (readers cope with 2 on a light page)


def _rows(url: str) -> list[bytes]:
    """The code's modules, row by row, as image pixels (0 dark, 255 light), without quiet zone."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = code.to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape
    # Image supports the buffer protocol; its stub does not say so.
    data = memoryview(image).tobytes()  # type: ignore[arg-type]
    return [data[y * width:(y + 1) * width] for y in range(height)]


_DARK = re.compile(rb"\x00+")


def _path(rows: list[bytes]) -> str:
    """Dark modules as one path: per row, each run of dark modules a horizontal stroke."""
    parts: list[str] = []
    x_pen, y_pen = 0, 0
    for y, row in enumerate(rows):
        for run in _DARK.finditer(row):
            start, end = run.span()
            # Strokes are 1 module wide, centred on the row: y + 0.5.
            if not parts:
                parts.append(f"M{start + BORDER} {y + BORDER}.5h{end - start}")
            else:
                parts.append(f"m{start + BORDER - x_pen} {y - y_pen}h{end - start}")
            x_pen, y_pen = end + BORDER, y
    return "".join(parts)


def _number(value: float) -> str:
    return f"{value:g}"


def _drawing(url: str) -> tuple[int, str]:
    """The code of ``url``: its size in modules (quiet zone included) and its dark modules' path."""
    rows = _rows(url)
    return len(rows) + 2 * BORDER, _path(rows)


def _svg(drawing: tuple[int, str], scale: float, title: str) -> Markup:
    modules, path = drawing
    size = _number(modules * scale)
    return Markup(
        f'<svg width="{size}" height="{size}" role="img" viewBox="0 0 {size} {size}" class="qr">'
        f"<title>{escape(title)}</title><g transform=\"scale({_number(scale)})\">"
        f'<path fill="#fff" d="M0 0h{modules}v{modules}h-{modules}z"/>'
        f'<path stroke="#000" d="{path}"/></g></svg>'
    )


def qr_svg(url: str, *, scale: float = 4, title: str = "二维码") -> Markup:
    """An inline <svg> QR code for an absolute URL (error correction M).

    It carries both a viewBox and its natural width/height, so CSS may resize
    it (e.g. 40 mm on a printable) without clipping the code.
    """
    return _svg(_drawing(url), scale, title)


class QrCodes:
    """The QR codes of one build, each URL's drawn once: a village's page and its
    printable show the same code (``svg`` is qr_svg)."""

    def __init__(self) -> None:
        self._drawn: dict[str, tuple[int, str]] = {}

    def svg(self, url: str, *, scale: float = 4, title: str = "二维码") -> Markup:
        drawing = self._drawn.get(url)
        if drawing is None:
            drawing = self._drawn[url] = _drawing(url)
        return _svg(drawing, scale, title)
