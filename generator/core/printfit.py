"""How large the type of a printable document may be and still fit one A4 page.

Reports and notices are printed for village bulletin boards; their text
length varies, so the largest type size whose estimated height fits is used.
Contact cards (警民联系卡) keep their type (10 pt at least) and drop what does
not fit instead: card_layout.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TypeSize:
    """One step of the printables' type scale (matches assets/print-bulletin.css)."""

    name: str
    body_pt: float
    line: float  # line-height
    title_pt: float


# Largest first; the first whose estimated height fits the page is used.
TYPE_SIZES = (
    TypeSize("normal", 14, 1.55, 26),
    TypeSize("compact", 12, 1.5, 22),
    TypeSize("dense", 10, 1.42, 18),
    TypeSize("tight", 9, 1.35, 16),
)
_MM_PER_PT = 25.4 / 72
_PAGE_WIDTH_MM = 186  # A4 less 12 mm margins
_PAGE_HEIGHT_MM = 273
_SAFETY = 0.92  # estimates are rough: keep some room


def _width(text: str) -> float:
    """Width of a line of text in em: CJK characters are 1 em, Latin about half."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    plain = re.sub(r"[*_`>#]", "", plain).strip()
    return sum(1.0 if ord(c) > 0x2E7F else 0.55 for c in plain)


def _lines(text: str, size_pt: float, indent_em: float = 0) -> int:
    per_line = _PAGE_WIDTH_MM / (size_pt * _MM_PER_PT) - indent_em
    return max(1, math.ceil(_width(text) / per_line))


def _height_mm(
    size: TypeSize, title: str, body: str, stats: int, contact_lines: int, extra_mm: float
) -> float:
    em = size.body_pt * _MM_PER_PT
    line = em * size.line
    height = 8 + 2 * 11 * _MM_PER_PT * 1.55 + 4 + extra_mm  # sample label, from/meta lines, rule
    height += _lines(title, size.title_pt) * size.title_pt * _MM_PER_PT * 1.25 + size.title_pt * _MM_PER_PT * 0.35
    if stats:
        height += math.ceil(stats / 4) * (em * 3.2 + 4) + line  # boxes and the note under them
    for block in re.split(r"\n\s*\n", body.strip()):
        rows = [r for r in block.split("\n") if r.strip()]
        if not rows:
            continue
        if rows[0].lstrip().startswith("#"):
            height += em * 1.2 * 1.25 + em * 0.8
        elif re.match(r"\s*([-*+]|\d+\.)\s", rows[0]):
            height += sum(_lines(r, size.body_pt, 2) for r in rows) * line + em * 0.6
        else:
            height += _lines("".join(rows), size.body_pt) * line + em * 0.6
    foot_lines = 3 + contact_lines  # scan hint, address, emergency, contacts
    height += max(36.0, foot_lines * line) + 8
    return height


def print_density(
    title: str, body: str, stats: int = 0, contact_lines: int = 0, extra_mm: float = 0
) -> str:
    """The largest type size at which a printable should still fit one A4 page.

    ``stats``: number of figure boxes; ``contact_lines``: lines in the foot
    besides the QR hint; ``extra_mm``: anything else (a notice's level label).
    """
    for size in TYPE_SIZES:
        estimate = _height_mm(size, title, body, stats, contact_lines, extra_mm)
        if estimate <= _PAGE_HEIGHT_MM * _SAFETY:
            return size.name
    return TYPE_SIZES[-1].name


# -- 警民联系卡 ----------------------------------------------------------------
# A card is 90 x 54 mm (print.css): 3 mm padding at the sides, 2.5 mm at top and
# bottom. Under the photo, name and QR code are lines of 10 pt type (nothing on
# a card is smaller) 1.2 apart, the full width of the card.
CARD_WIDTH_MM = 90 - 2 * 3
CARD_TEXT_PT = 10
CARD_LINES = 6  # what fits under the top of the card


@dataclass(frozen=True)
class CardLayout:
    """How a contact card is laid out: whether the line of villages names them
    all (or, when names, address and hours are long, only says how many), and
    whether there is room for the post's reception hours."""

    list_villages: bool
    reception: bool
    lines: int  # estimated lines under the top of the card


def _text_lines(text: str, size_pt: float, width_mm: float) -> int:
    per_line = 0.95 * width_mm / (size_pt * _MM_PER_PT)  # dashes and digits are wider in CJK fonts
    return max(1, math.ceil(_width(text) / per_line))


def card_layout(
    villages: list[str], post: str, phone: str, address: str, hours: str, reception: str | None = None
) -> CardLayout:
    """The card's lines (its template): 负责：…, the post and its phone, 地址：…,
    办公时间：… and, with room, 警民相约：…."""
    def lines(text: str) -> int:
        return _text_lines(text, CARD_TEXT_PT, CARD_WIDTH_MM)

    rest = lines(f"{post} ☎ {phone}") + lines("地址：" + address) + lines("办公时间：" + hours)
    listed = lines("负责：" + "、".join(villages)) + rest
    if listed > CARD_LINES:
        return CardLayout(False, False, lines(f"负责 {len(villages)} 个村（社区）") + rest)
    extra = lines("警民相约：" + reception) if reception else CARD_LINES
    if listed + extra <= CARD_LINES:
        return CardLayout(True, True, listed + extra)
    return CardLayout(True, False, listed)
