"""/events/ lists today and the six days after it, whatever the weekday: an
event starting tomorrow is on the first page a resident opens, even on a
Sunday (when the calendar week would end tonight). Later pages hold the seven
days after that, each, up to the end of the 60-day window."""

from __future__ import annotations

import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import SAMPLE
from helpers import build, expand, shown

# Sunday 2027-01-10 is the case (春节前“大走访” starts Monday 08:30);
# with the days before it every weekday is covered.
DAYS = [date(2027, 1, 4) + timedelta(days=n) for n in range(7)]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[date, Path]:
    root = tmp_path_factory.mktemp("weekdays")

    def one(today: date) -> tuple[date, Path]:
        data = root / f"data-{today}"
        shutil.copytree(SAMPLE, data)
        tomorrow = today + timedelta(days=1)
        (data / "events/mingtian.yml").write_text(
            f"title: 明天上午的防诈骗宣传\nkind: 其他\nstart: {tomorrow} 09:00\nend: {tomorrow} 11:00\n"
            "venue: 县城广场\n",
            encoding="utf-8",
        )
        return today, build(data, root / f"site-{today}", today.isoformat())

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, DAYS))


def later_pages(site: Path) -> list[str]:
    return [f"events/weeks/{d.name}/" for d in sorted((site / "events/weeks").iterdir())]


@pytest.mark.parametrize("today", DAYS, ids=lambda d: f"{d}-{d.strftime('%a')}")
def test_tomorrows_event_is_on_the_first_page_on_any_weekday(sites: dict[date, Path], today: date) -> None:
    site = sites[today]
    first = shown(site, "events/")
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert ("event-mingtian", f"{tomorrow}T09:00") in first
    if today == date(2027, 1, 10):
        assert ("event-dazoufang-chunjie", "2027-01-11T08:30") in first
    # Exactly the feed's dated items of today and the next six days (reception hours
    # are a table of their own), and the days in order from today.
    feed = {item for item in expand(site / "calendar/all.ics", today, days=7) if not item[0].startswith("reception-")}
    assert first == feed
    html = (site / "events/index.html").read_text(encoding="utf-8")
    days = [date.fromisoformat(d) for d in re.findall(r'id="d(\d{4}-\d\d-\d\d)"', html)]
    assert today <= days[0] and days == sorted(days) and days[-1] <= today + timedelta(days=6)
    assert '<h2 id="days">今后 7 天的安排</h2>' in html
    # Then the link to the next seven days, which start on the eighth day.
    after = today + timedelta(days=7)
    assert later_pages(site)[0] == f"events/weeks/{after}/"
    assert f'href="weeks/{after}/" rel="next">下一周：' in html


@pytest.mark.parametrize("today", [DAYS[0], DAYS[6]], ids=["monday", "sunday"])
def test_later_pages_take_seven_days_each_and_miss_none(sites: dict[date, Path], today: date) -> None:
    site = sites[today]
    on_pages = shown(site, "events/")
    start = today + timedelta(days=7)
    for url in later_pages(site):
        assert url == f"events/weeks/{start}/"
        html = (site / url / "index.html").read_text(encoding="utf-8")
        for found in re.findall(r'id="d(\d{4}-\d\d-\d\d)"', html):
            assert start <= date.fromisoformat(found) < start + timedelta(days=7), (url, found)
        on_pages |= shown(site, url)
        start += timedelta(days=7)
    feed = {item for item in expand(site / "calendar/all.ics", today) if not item[0].startswith("reception-")}
    assert on_pages == feed
