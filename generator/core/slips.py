"""The common YAML slips editors make, found by reading the raw lines.

PyYAML's own errors are in English, name the parser's state rather than the
mistake, and often point one or two lines late. When a file does not parse,
``find_slips`` scans its lines for the slips editors actually make and
returns one plain-Chinese message per slip, at the slip's own line, quoting
the line and saying what to type instead:

* a Tab (制表符) in the indentation;
* a full-width colon ``：`` after a field name, or ``:`` without a space;
* a field name without any colon;
* a quote that is opened and never closed;
* indentation that matches no enclosing level.

Full-width punctuation inside values is ordinary Chinese text and is never
flagged: only the character right after a field name counts as syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
_ITEM = r"(?:-[ \t]+)?"
_FULLWIDTH_COLON = re.compile(rf"^\s*{_ITEM}({_KEY})\s*：\s*(.*)$")
_NO_SPACE = re.compile(rf"^\s*{_ITEM}({_KEY}):(?=[^\s])(.*)$")
_NO_COLON = re.compile(rf"^\s*{_ITEM}({_KEY})[ \t]+([^:#\s][^:]*)$")
_BARE_KEY = re.compile(rf"^\s*({_KEY})\s*$")
_KEY_VALUE = re.compile(rf"^(\s*){_ITEM}{_KEY}:(?:\s+(.*))?$")
_BLOCK_SCALAR = re.compile(r"[|>][+-]?\d?\s*$")


@dataclass(frozen=True)
class Slip:
    line: int  # 1-based, within the text given
    message: str


def _shown(line: str) -> str:
    text = line.replace("\t", "→").strip()
    return text if len(text) <= 60 else text[:57] + "…"


def _unclosed(value: str) -> str | None:
    """The quote character a value opens and never closes, if any."""
    value = value.strip()
    if not value or value[0] not in "\"'":
        return None
    quote = value[0]
    body = value[1:]
    body = re.sub(r"\\.", "", body) if quote == '"' else body.replace("''", "")
    return None if quote in body else quote


def _line_slip(raw: str) -> str | None:
    """The slip on one line (without the indentation check), or None."""
    shown = _shown(raw)
    indent = raw[: len(raw) - len(raw.lstrip(" \t"))]
    if "\t" in indent:
        return (
            f"这一行用了制表符（Tab 键）缩进：“{shown}”。"
            "YAML 只能用空格缩进，请删掉 Tab，改用空格（和上下行对齐）。"
        )
    m = _FULLWIDTH_COLON.match(raw)
    if m:
        key, value = m.group(1), m.group(2).strip()
        return (
            f"字段名“{key}”后面用了中文全角冒号“：”：“{shown}”。"
            f"字段名后面要用英文半角冒号加一个空格，请改成“{key}: {value}”。"
        )
    m = _NO_SPACE.match(raw)
    if m and not m.group(2).startswith("//"):
        key, value = m.group(1), m.group(2).strip()
        return f"冒号后面缺少空格：“{shown}”。请在冒号后面加一个空格，改成“{key}: {value}”。"
    m = _KEY_VALUE.match(raw)
    if m and m.group(2):
        quote = _unclosed(m.group(2))
        if quote:
            return (
                f"引号没有成对：“{shown}”。这一行以 {quote} 开头的值没有结尾的 {quote}，"
                f"请在值的末尾补上 {quote}（用英文半角引号）。"
            )
    m = _NO_COLON.match(raw)
    if m and "：" not in raw:
        key, value = m.group(1), m.group(2).strip()
        return f"字段名“{key}”后面缺少冒号：“{shown}”。请改成“{key}: {value}”（英文冒号加一个空格）。"
    return None


def find_slips(text: str) -> list[Slip]:
    """One Slip per line that has a common slip (empty when none is recognised)."""
    slips: list[Slip] = []
    levels = [0]  # indentation of the enclosing levels
    opened: int | None = None  # indentation of a "key:" line that opens a block
    block: int | None = None  # indentation of a "key: |" line: its body is text
    lines = text.split("\n")
    for n, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if block is not None:
            if indent > block:
                continue
            block = None
        message = _line_slip(raw)
        if message is None and "\t" not in raw[:indent + 1]:
            message = _indent_slip(raw, indent, levels, opened)
        if message is not None:
            slips.append(Slip(n, message))
            opened = None
            continue
        # Track the levels for the indentation check.
        if opened is not None and indent > opened:
            levels.append(indent)
        else:
            while levels and levels[-1] > indent:
                levels.pop()
            if not levels or levels[-1] != indent:
                levels.append(indent)
        content = stripped
        item_shift = 0
        while content.startswith("- "):
            item_shift += 2 + len(content[2:]) - len(content[2:].lstrip(" "))
            content = content[2:].lstrip(" ")
        if item_shift:
            levels.append(indent + item_shift)
        key_value = _KEY_VALUE.match(" " * (indent + item_shift) + content)
        opened = None
        if key_value and not key_value.group(2):
            opened = indent + item_shift
        elif key_value and _BLOCK_SCALAR.search(key_value.group(2) or ""):
            block = indent + item_shift
        elif _BARE_KEY.match(raw) is None and content.endswith(":"):
            opened = indent + item_shift
    return slips


def _indent_slip(raw: str, indent: int, levels: list[int], opened: int | None) -> str | None:
    if opened is not None and indent > opened:
        return None
    if indent in levels:
        return None
    # A list may start at its key's own indentation ("villages:\n- id: x").
    if opened is not None and indent == opened and raw.lstrip().startswith("- "):
        return None
    known = sorted({lv for lv in levels if lv <= indent + 4})
    near = min(known, key=lambda lv: (abs(lv - indent), -lv)) if known else 0
    return (
        f"这一行的缩进没有对齐：“{_shown(raw)}”前面有 {indent} 个空格，"
        f"应和同一层的上下行一样（这里大概应为 {near} 个空格）。"
    )
