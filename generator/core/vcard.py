"""vCard 3.0 (RFC 2426) writing: escaping, structured values, line folding.

Text values escape backslash, comma, semicolon and newlines; lines are
folded at 75 octets without splitting a UTF-8 character; lines end in CRLF.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_OCTETS = 75


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line: continuation lines start with one space."""
    out: list[str] = []
    current = ""
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > MAX_OCTETS:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)


class VCard:
    """A vCard built property by property, in the order added."""

    def __init__(self) -> None:
        self._lines: list[str] = ["BEGIN:VCARD", "VERSION:3.0"]

    def _add(self, name: str, value: str, params: Sequence[str]) -> None:
        head = ";".join([name, *params])
        self._lines.append(f"{head}:{value}")

    def text(self, name: str, value: str, *params: str) -> None:
        self._add(name, escape_text(value), params)

    def structured(self, name: str, parts: Sequence[str], *params: str) -> None:
        self._add(name, ";".join(escape_text(p) for p in parts), params)

    def uri(self, name: str, value: str, *params: str) -> None:
        self._add(name, value, params)

    def to_bytes(self) -> bytes:
        lines = [*self._lines, "END:VCARD"]
        return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")
