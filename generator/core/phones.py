"""Chinese phone numbers: normalise what editors type, format for residents."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-—－–()（）]")
# [0-9], not \d: \d also matches full-width and other scripts' digits.
_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
# 0 + area code (2-3 digits) + local number (7-8 digits).
_LANDLINE = re.compile(r"^0[0-9]{9,11}$")
_SERVICE = re.compile(r"^1[0-2][0-9]$")  # 110, 119, 120, 122 …
_NOT_TEL = re.compile(r"[^0-9+]")

PHONE_HINT = (
    "手机号应为 1 开头的 11 位数字（第二位是 3 到 9），"
    "固定电话应为 0 开头的区号加号码，如 0873-6621234；可以用空格或短横线分隔。"
)


def digits(text: str) -> str:
    return _SEPARATORS.sub("", text)


def is_mobile(number: str) -> bool:
    return bool(_MOBILE.match(digits(number)))


def normalise(text: str, *, allow_service: bool = False) -> str | None:
    """Return the display form of a phone number, or None if malformed.

    Mobiles are grouped 3-4-4 ("139 1234 5678"), landlines split after the
    area code ("0873-6621234"), service numbers stay as they are ("110").
    """
    d = digits(text)
    if _MOBILE.match(d):
        return f"{d[:3]} {d[3:7]} {d[7:]}"
    if _LANDLINE.match(d):
        area = 3 if d[1] in "12" else 4
        return f"{d[:area]}-{d[area:]}"
    if allow_service and _SERVICE.match(d):
        return d
    return None


def tel_href(display: str) -> str:
    """The ``tel:`` URL for a phone number: only ``+`` and ASCII digits, whatever was typed."""
    return "tel:" + _NOT_TEL.sub("", display)


def fullwidth(text: str) -> list[str]:
    """Full-width or other non-ASCII digits, spaces and dashes typed in a number (in order)."""
    return [
        ch for ch in text
        if not ch.isascii() and (ch.isdigit() or ch.isspace() or unicodedata.category(ch) == "Pd"
                                 or unicodedata.normalize("NFKC", ch) in "-+()")
    ]


def halfwidth(text: str) -> str:
    """What the editor meant: full-width characters as their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def parts(display: str) -> list[str]:
    """"0873-0610102" -> ["0873-", "0610102"]; "138 0873 0000" -> ["138 ", "0873 ", "0000"]:
    the pieces a number may wrap between, each separator kept with the piece before it."""
    return [piece for piece in re.split(r"(?<=[-\s])", display) if piece]
