"""data/stations.yml (optional): each police station's total strength, for the
county's standard that community officers make up at least 40 % of it, and
optionally its phone and address (shown on its posts' and township's pages).

    stations:
      - name: 中枢派出所
        township: 中枢镇
        strength: 12
        phone: 0873-6621234
        address: 中枢镇东门街 1 号

A station is matched to the posts by its name and township as the post files
write them; its community officers are the officers of those posts.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from ..core.documents import report_at
from ..core.files import display_path
from ..core.messages import validate_document
from ..core.problems import Problems
from ..core.records import Phone, Record, Text
from ..core.yamlio import load_yaml_file
from ..directory.grid import Grid
from ..kind import Records

COMMUNITY_SHARE = 40  # percent of a station's strength, the county's standard
FILE = "stations.yml"


class StationRow(Record):
    name: Text = Field(title="派出所名称", description="与警务室文件里的 station 一致")
    township: Text = Field(title="乡镇", description="与警务室文件里的 township 一致")
    strength: int = Field(title="总警力", gt=0, description="派出所全部民警人数")
    phone: Phone | None = Field(None, title="电话", description="派出所值班电话，写在它的警务室和乡镇页面上")
    address: Text | None = Field(None, title="地址", description="派出所地址，写在它的警务室和乡镇页面上")


class Stations(Record):
    """data/stations.yml: the stations and their strength."""

    stations: list[StationRow] = Field(title="派出所")


@dataclass(frozen=True)
class Station:
    name: str
    township: str
    strength: int
    community: int  # officers of the station's posts
    phone: str | None = None
    address: str | None = None

    @property
    def share(self) -> int:
        """Community officers as a percentage of the station's strength."""
        return round(100 * self.community / self.strength)


def load_stations(data_dir: Path, grid: Grid, problems: Problems) -> tuple[Station, ...]:
    """The stations of stations.yml, checked against the grid; () when there is no file."""
    path = data_dir / FILE
    if not path.is_file():
        return ()
    doc = load_yaml_file(path, display_path(path), problems)
    if doc is None:
        return ()
    record: Stations | None = validate_document(Stations, doc, problems)
    if record is None:
        return ()
    known = {(p.township, p.station) for p in grid.posts}
    seen: set[tuple[str, str]] = set()
    out: list[Station] = []
    for i, row in enumerate(record.stations):
        key = (row.township, row.name)
        if key in seen:
            report_at(problems, doc, ("stations", i, "name"), f"{row.township}{row.name}写了两次。")
            continue
        seen.add(key)
        if key not in known:
            names = [f"{t}{s}" for t, s in sorted(known)]
            guess = difflib.get_close_matches(f"{row.township}{row.name}", names, n=1, cutoff=0.6)
            hint = f"是否想写“{guess[0]}”？" if guess else "请与警务室文件里的 township 和 station 一致。"
            report_at(
                problems, doc, ("stations", i, "name"),
                f"警务室文件里没有{row.township}的“{row.name}”。{hint}",
            )
            continue
        community = sum(len(p.officers) for p in grid.posts_in(row.township, row.name))
        if community > row.strength:
            report_at(
                problems, doc, ("stations", i, "strength"),
                f"总警力 {row.strength} 人，比这个派出所各警务室的社区民警（{community} 人）还少，请核对。",
            )
            continue
        station = Station(row.name, row.township, row.strength, community, row.phone, row.address)
        if station.share < COMMUNITY_SHARE:
            report_at(
                problems, doc, ("stations", i, "strength"),
                f"{row.township}{row.name}社区民警 {community} 人，占总警力 {row.strength} 人的 "
                f"{station.share}%，低于 {COMMUNITY_SHARE}% 的标准。",
                "warning",
            )
        out.append(station)
    return tuple(out)


STATIONS: Records[tuple[Station, ...]] = Records("stations")


def station_finder(stations: tuple[Station, ...]) -> Callable[[str, str], Station | None]:
    """station_of(township, name) for templates: the station as stations.yml
    describes it, or None when the file does not."""
    by_key = {(s.township, s.name): s for s in stations}
    return lambda township, name: by_key.get((township, name))


def published_numbers(stations: tuple[Station, ...]) -> set[str]:
    """The stations' phones: published (the personal-data guard accepts them)."""
    return {s.phone for s in stations if s.phone}
