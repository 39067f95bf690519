"""Search keys of a name: characters, full pinyin (every reading) and initials.

A resident may type 长安, changan, chang an, cháng'ān, ca or zhangan (长 is
also read zhǎng); all must find 长安社区. So every reading of every
character is indexed (pypinyin, heteronym=True), not just the default one,
which is often wrong for place and family names (单 shàn, 曾 zēng, 仇 qiú).

Keys come in two kinds:

* FULL keys spell a whole name (or the name without its generic ending, so
  长安 is an exact hit for 长安社区): the query equal to one is an exact
  match, a query starting one is a prefix match;
* INNER keys spell a name from one of its later syllables on (安社区,
  anshequ): a query starting one is a "contains" match.

``normalise`` is mirrored character for character by find.js.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from ..core.pinyin import Style, lazy_pinyin, pinyin

FULL = 0
INNER = 1

# Generic endings stripped to give a name's short form (长安社区 -> 长安).
ENDINGS = ("警务室", "居委会", "村委会", "社区", "街道", "小区", "村", "镇", "乡")
MIN_SHORT = 2  # never shorten to a single character (大村 -> 大)

# Spell a name in every combination of readings while there are at most this
# many; beyond that, the default spelling plus one changed reading at a time.
MAX_SPELLINGS = 16


def _kept(code: int) -> bool:
    """Characters that count in a key: a-z, 0-9 and CJK (not its punctuation)."""
    if 0x61 <= code <= 0x7A or 0x30 <= code <= 0x39:
        return True
    if code < 0x2E80:
        return False
    return not (0x3000 <= code <= 0x303F or 0xFE00 <= code <= 0xFE6F or (code >= 0xFF00 and code <= 0xFFFF))


def normalise(text: str) -> str:
    """Lower case, full-width ASCII folded, spaces and punctuation dropped."""
    out = []
    for ch in text.lower():
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII from a Chinese IME
            ch = chr(code - 0xFEE0).lower()
            code = ord(ch)
        if ch == "ü":
            ch, code = "v", 0x76
        if _kept(code):
            out.append(ch)
    return "".join(out)


_TONED = {
    **dict.fromkeys("āáǎà", "a"), **dict.fromkeys("ēéěè", "e"), **dict.fromkeys("īíǐì", "i"),
    **dict.fromkeys("ōóǒò", "o"), **dict.fromkeys("ūúǔù", "u"), **dict.fromkeys("üǖǘǚǜ", "v"),
    **dict.fromkeys("ńňǹ", "n"), "ḿ": "m",
}


def normalise_query(text: str) -> str:
    """What a resident typed, as a key: tones (marks or digits) dropped, ü as v."""
    low = text.lower().replace("u:", "v")
    low = "".join(_TONED.get(ch, ch) for ch in low)
    # A tone digit follows a letter: chang2an1 -> changan.
    chars = []
    for i, ch in enumerate(low):
        if ch in "12345" and i > 0 and "a" <= low[i - 1] <= "z":
            continue
        chars.append(ch)
    return normalise("".join(chars))


def is_ascii_key(key: str) -> bool:
    return bool(key) and ("a" <= key[0] <= "z" or "0" <= key[0] <= "9")


@lru_cache(maxsize=65536)
def _char_readings(ch: str) -> tuple[str, ...]:
    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="default")
    readings = [normalise(r) for r in (found[0] if found else [ch])]
    return tuple(dict.fromkeys(r for r in readings if r)) or (ch,)


def _defaults(run: str) -> list[str]:
    """Default readings of a run of CJK characters, one per character.

    pypinyin reads a run as words (长安 chang'an, not zhang'an); when it
    cannot give one reading per character, each is read on its own.
    """
    found = lazy_pinyin(run, style=Style.NORMAL, errors="default")
    if len(found) == len(run):
        return [normalise(r) or ch for r, ch in zip(found, run, strict=True)]
    return [_char_readings(ch)[0] for ch in run]


def _units(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """A normalised name as spelling units: (text, readings, default first).

    A CJK character is one unit; a run of ASCII letters/digits is one unit
    read as itself ("a区" -> a, qu).
    """
    units: list[tuple[str, tuple[str, ...]]] = []
    start = 0
    while start < len(text):
        ascii_run = is_ascii_key(text[start])
        end = start
        while end < len(text) and is_ascii_key(text[end]) == ascii_run:
            end += 1
        run = text[start:end]
        if ascii_run:
            units.append((run, (run,)))
        else:
            for ch, default in zip(run, _defaults(run), strict=True):
                units.append((ch, tuple(dict.fromkeys((default, *_char_readings(ch))))))
        start = end
    return units


def spellings(units: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, ...]]:
    """Syllable sequences for the units: every reading, default spelling first."""
    options = [readings for _, readings in units]
    total = 1
    for readings in options:
        total *= len(readings)
    if total <= MAX_SPELLINGS:
        return list(itertools.product(*options))
    default = tuple(r[0] for r in options)
    out = [default]
    for i, readings in enumerate(options):
        for alt in readings[1:]:
            out.append((*default[:i], alt, *default[i + 1 :]))
    return out


def short_forms(text: str) -> list[str]:
    """The normalised name and its forms without generic endings."""
    forms = [text]
    current = text
    changed = True
    while changed:
        changed = False
        for ending in ENDINGS:
            if current.endswith(ending) and len(current) - len(ending) >= MIN_SHORT:
                current = current[: -len(ending)]
                forms.append(current)
                changed = True
                break
    return forms


def _initial(syllable: str) -> str:
    return syllable if is_ascii_key(syllable) and not syllable.isalpha() else syllable[0]


def term_keys(text: str) -> dict[str, int]:
    """Every key of a name, with its kind (FULL wins over INNER)."""
    name = normalise(text)
    keys: dict[str, int] = {}

    def add(key: str, kind: int) -> None:
        if key and keys.get(key, INNER) >= kind:
            keys[key] = kind

    units = _units(name)
    for form in short_forms(name):
        add(form, FULL)
        # A short form is the name without its CJK ending: a prefix of its units.
        length, count = 0, 0
        while length < len(form):
            length += len(units[count][0])
            count += 1
        for spelling in spellings(units[:count]):
            add("".join(spelling), FULL)
            add("".join(_initial(s) for s in spelling), FULL)
    for i in range(1, len(name)):
        add(name[i:], INNER)
    for spelling in spellings(units):
        for i in range(1, len(spelling)):
            add("".join(spelling[i:]), INNER)
    return keys
