"""The villages' safety records, looked up by village, and what other kinds take from them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kind import Records
from .schema import SIX_ROLES, Mediator, Safety, SixMember


def patrol_key(village_id: str) -> str:
    """The calendar key of a village's patrol (the UID's local part of its feeds)."""
    return f"patrol-{village_id}"


@dataclass(frozen=True)
class SafetyBook:
    records: tuple[Safety, ...] = ()  # by village id
    by_village: dict[str, Safety] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_village: dict[str, Safety] = {}
        for record in self.records:
            by_village.setdefault(record.village, record)
        object.__setattr__(self, "by_village", by_village)

    def of(self, village_id: str) -> Safety | None:
        return self.by_village.get(village_id)

    def published_numbers(self) -> set[str]:
        """Every phone written in the safety files: published numbers."""
        numbers: set[str] = set()
        for record in self.records:
            if record.patrol is not None and record.patrol.phone:
                numbers.add(record.patrol.phone)
            numbers |= {m.phone for m in record.mediators if m.phone}
            numbers |= {s.phone for s in record.six.values() if s.phone}
        return numbers

    def trained(self) -> dict[str, list[tuple[Mediator, str]]]:
        """Lecture slug -> the mediators who attended it, with their village id."""
        out: dict[str, list[tuple[Mediator, str]]] = {}
        for record in self.records:
            for mediator in record.mediators:
                for slug in mediator.trained:
                    out.setdefault(slug, []).append((mediator, record.village))
        return out


def six_rows(record: Safety) -> list[tuple[str, SixMember | None]]:
    """The 六位一体 table in its fixed order; a job nobody holds yet is None."""
    return [(role, record.six.get(role)) for role in SIX_ROLES]  # type: ignore[call-overload]


SAFETY: Records[SafetyBook] = Records("safety")
