"""The calendar feeds (RFC 5545): each parses with independent libraries and
expands to exactly what the pages show for the next 60 days."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import recurring_ical_events
import vobject

from conftest import TODAY
from helpers import SHANGHAI, Agenda, expand, post_names, posts, read_calendar, sample_site, shown

START = date.fromisoformat(TODAY)


def sample_villages() -> dict[str, str]:
    """Village id -> post id."""
    return {village["id"]: post_id for post_id, post in posts().items() for village in post["villages"]}


def test_every_feed_parses_and_is_well_formed(site: Path) -> None:
    feeds = sorted((site / "calendar").rglob("*.ics"))
    posts, villages = post_names().values(), sample_villages()
    assert {f"posts/{p}.ics" for p in posts} <= {str(f.relative_to(site / "calendar")) for f in feeds}
    assert all((site / "calendar/v" / f"{v}.ics").is_file() for v in villages)
    for feed in feeds:
        raw = feed.read_bytes()
        assert b"\r\n" in raw and raw.startswith(b"BEGIN:VCALENDAR\r\n")
        cal = read_calendar(feed)
        assert str(cal["VERSION"]) == "2.0" and cal.get("PRODID")
        zones = cal.walk("VTIMEZONE")
        assert [str(z["TZID"]) for z in zones] == ["Asia/Shanghai"], feed
        uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
        assert len(uids) == len(set(uids)), feed
        for event in cal.walk("VEVENT"):
            assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
            assert event["DTEND"].params["TZID"] == "Asia/Shanghai"
            assert event["DTSTART"].dt.utcoffset() == timedelta(hours=8)
            assert event["DTEND"].dt > event["DTSTART"].dt
            assert str(event["UID"]).endswith("@cunjing.example.org/luxi")
            # DTSTAMP comes from the data (the first start), not from the clock.
            assert event["DTSTAMP"].dt == event["DTSTART"].dt.astimezone(UTC)
        # A second, independent parser reads it too.
        parsed = vobject.readOne(raw.decode("utf-8"))
        assert len(getattr(parsed, "vevent_list", [])) == len(uids)


def events_pages(site: Path) -> list[str]:
    """/events/ (today and six more days) and every later seven days' page, in order."""
    return ["events/"] + [f"events/weeks/{d.name}/" for d in sorted((site / "events/weeks").iterdir())]


def test_county_feed_expands_to_the_events_pages(site: Path) -> None:
    on_pages: set[tuple[str, str]] = set()
    for url in events_pages(site):
        on_pages |= shown(site, url)
    in_feed = expand(site / "calendar/all.ics", START)
    # Reception hours are listed once (a table per township), never on each date.
    assert on_pages == {(k, t) for k, t in in_feed if not k.startswith("reception-")}
    kinds = {key.split("-")[0] for key, _ in on_pages}
    assert kinds == {"event", "law", "patrol"}
    # Monthly meetings expanded: the last Friday of December and of January is outside.
    assert ("event-kentanhui-zhongshu", "2026-12-25T19:30") in on_pages
    assert not any(k == "event-kentanhui-zhongshu" and t.startswith("2027-01") for k, t in on_pages)
    # Fortnightly reception counted from its `since` date (Fridays 2026-01-02, 01-16 …).
    assert ("reception-jiucheng-jiucheng", "2026-12-04T09:00") in in_feed
    assert ("reception-jiucheng-jiucheng", "2026-12-11T09:00") not in in_feed


def test_reception_hours_once_a_table_per_township(site: Path) -> None:
    index = (site / "events/index.html").read_text(encoding="utf-8")
    # /events/ links each township's page; each holds that township's one table.
    links = re.findall(r'<li><a href="(\.\./events/reception/[^"]+|reception/[^"]+)">', index)
    assert len(links) == 8, links
    html = "".join((site / "events" / link / "index.html").read_text(encoding="utf-8") for link in links)
    names = post_names()  # name -> id
    tables = re.findall(r'<table class="cj-table cj-reception-table cj-cards">\n<caption>([^<]+)</caption>(.*?)</table>', html, re.S)
    assert len(tables) == len(links)
    seen = []
    for township, body in tables:
        for name in re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', body):
            seen.append(name)
            assert posts()[names[name]]["township"] == township
    feed = {k for k, _ in expand(site / "calendar/all.ics", START) if k.startswith("reception-")}
    assert sorted(seen) == sorted({n for n, i in names.items() if f"reception-{i}" in feed})
    assert len(seen) == len(set(seen)) == 42
    assert len({t for t, _ in tables}) == len(tables)  # one table per township
    for url in events_pages(site)[1:]:
        assert "cj-reception-table" not in (site / url / "index.html").read_text(encoding="utf-8")


def test_events_pages_are_grouped_by_date_in_order_a_week_each(site: Path) -> None:
    starts: list[str] = []
    days: list[str] = []
    for url in events_pages(site):
        parser = Agenda()
        html = (site / url / "index.html").read_text(encoding="utf-8")
        parser.feed(html)
        starts += [item["times"][0] for item in parser.items]  # type: ignore[index]
        found = re.findall(r'id="d(\d{4}-\d\d-\d\d)"', html)
        if found:  # seven days at most
            first, last = date.fromisoformat(found[0]), date.fromisoformat(found[-1])
            assert (last - first).days < 7, url
        days += found
    assert starts == sorted(starts)
    assert days == sorted(days) and days[0] == "2026-11-28" and "2026-12-01" in days
    assert days[-1] <= "2027-01-26" and "2026-11-27" not in days  # 60 days: up to 2027-01-26


def test_post_and_village_feeds_expand_to_their_pages(site: Path) -> None:
    villages = sample_villages()
    for post in sorted(set(villages.values())):
        assert shown(site, f"posts/{post}/", post) == expand(site / f"calendar/posts/{post}.ics", START)
    for village, post in villages.items():
        assert shown(site, f"v/{village}/", post) == expand(site / f"calendar/v/{village}.ics", START)


def test_village_feed_holds_its_posts_and_its_own_events(site: Path) -> None:
    changan = {k for k, _ in expand(site / "calendar/v/changan.ics", START)}
    wenbi = {k for k, _ in expand(site / "calendar/v/wenbi.ics", START)}
    # Both: the post's reception and the post's monthly meeting.
    assert {"reception-zhongshu-changan", "event-kentanhui-zhongshu"} <= changan & wenbi
    # Only Chang'an: its own patrol. County-wide entries are in all.ics only.
    assert "event-dongji-xunluo-changan" in changan - wenbi
    assert "event-kentanhui-xianju" not in changan
    post = {k for k, _ in expand(site / "calendar/posts/zhongshu-changan.ics", START)}
    assert post == changan | wenbi


def test_home_page_shows_the_next_county_wide_entries(site: Path) -> None:
    on_page = shown(site, "")
    cal = read_calendar(site / "calendar/all.ics")
    county_wide = {
        str(e["UID"]).split("@")[0] for e in cal.walk("VEVENT") if "面向：泸西县全县" in str(e["DESCRIPTION"])
    }
    expected = sorted(
        (t, k) for k, t in expand(site / "calendar/all.ics", START) if k in county_wide
    )[:5]
    assert sorted((t, k) for k, t in on_page) == expected
    assert len(expected) == 5


def test_event_and_lecture_pages_offer_their_own_calendar_file(site: Path) -> None:
    for page in sorted((site / "events").glob("*/index.html")):
        slug = page.parent.name
        html = page.read_text(encoding="utf-8")
        # The calendar file itself, no download attribute: iPhones then offer to add it.
        assert f'href="../../calendar/events/{slug}.ics" type="text/calendar"' in html
        cal = read_calendar(site / f"calendar/events/{slug}.ics")
        [event] = cal.walk("VEVENT")
        assert str(event["UID"]) == f"event-{slug}@cunjing.example.org/luxi"
        parser = Agenda()
        parser.feed(html)
        dates = {t for item in parser.items for t in item["times"]}  # type: ignore[attr-defined]
        expanded = {t for _, t in expand(site / f"calendar/events/{slug}.ics", START)}
        if "RRULE" in event:
            assert dates == expanded, slug
    for page in sorted((site / "law").glob("*/index.html")):
        slug = page.parent.name
        html = page.read_text(encoding="utf-8")
        feed = site / f"calendar/law/{slug}.ics"
        assert feed.is_file() == ("<dt>时间</dt>" in html), slug
        if feed.is_file():
            assert f'href="../../calendar/law/{slug}.ics" type="text/calendar"' in html


def test_post_pages_offer_their_reception_hours_as_a_calendar_file(site: Path) -> None:
    for post in sorted(post_names().values()):
        html = (site / f"posts/{post}/index.html").read_text(encoding="utf-8")
        assert f'href="../../calendar/reception/{post}.ics" type="text/calendar"' in html
        [event] = read_calendar(site / f"calendar/reception/{post}.ics").walk("VEVENT")
        assert str(event["UID"]) == f"reception-{post}@cunjing.example.org/luxi"
        assert str(event["CATEGORIES"].cats[0]) == "警民相约警务室" and "RRULE" in event
        assert "UNTIL" not in event["RRULE"]  # standing hours: no end
        assert expand(site / f"calendar/reception/{post}.ics", START) == {
            (key, t) for key, t in shown(site, f"posts/{post}/", post) if key == f"reception-{post}"
        }


def test_subscribe_links_on_every_relevant_page(site: Path) -> None:
    base = "https://cunjing.example.org/luxi/"
    pages = {
        "": "calendar/all.ics", "events/": "calendar/all.ics", "law/": "calendar/all.ics",
        "posts/zhongshu-changan/": "calendar/posts/zhongshu-changan.ics",
        "v/wenbi/": "calendar/v/wenbi.ics",
        "law/fanzha-chunjie/": "calendar/all.ics",
    }
    for url, feed in pages.items():
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert "订阅" in html and f'href="webcal://{base[8:]}{feed}"' in html, url
        assert f"{base}{feed}" in html  # the address to paste into a calendar app
        assert (site / feed).is_file()


def test_until_is_converted_to_utc_and_ends_the_series(site: Path) -> None:
    cal = read_calendar(site / "calendar/events/kentanhui-zhongshu.ics")
    [event] = cal.walk("VEVENT")
    [until] = event["RRULE"]["UNTIL"]
    # until: 2027-06-30 (inclusive, Beijing time) -> 2027-06-30 23:59:59+08:00 in UTC.
    assert until == datetime(2027, 6, 30, 15, 59, 59, tzinfo=UTC)
    assert b"UNTIL=20270630T155959Z" in (site / "calendar/events/kentanhui-zhongshu.ics").read_bytes()
    year = recurring_ical_events.of(cal).between(datetime(2026, 9, 1, tzinfo=SHANGHAI), datetime(2027, 12, 31, tzinfo=SHANGHAI))
    days = sorted(e["DTSTART"].dt.date().isoformat() for e in year)
    assert days[0] == "2026-09-25" and days[-1] == "2027-06-25" and len(days) == 10


def test_feeds_keep_their_uids_when_the_build_date_moves(tmp_path: Path, site: Path) -> None:
    from conftest import cunjing

    later = tmp_path / "later"
    assert cunjing("build", "-d", later, "--today", "2027-03-01").code == 0
    earlier = site  # built on TODAY

    def uids(root: Path) -> list[str]:
        return sorted(str(e["UID"]) for e in read_calendar(root / "calendar/all.ics").walk("VEVENT"))

    assert uids(later) == uids(earlier)
    assert (later / "calendar/all.ics").read_bytes() == (earlier / "calendar/all.ics").read_bytes()


def test_each_file_is_icalendars_own_serialisation(site: Path) -> None:
    """The build writes each entry's VEVENT once and puts it into every file that
    holds the entry: each published file is byte for byte what icalendar writes
    for that calendar as a whole."""
    from generator.events.calendar import calendar
    from generator.events.model import CALENDAR

    sample = sample_site()
    book = CALENDAR.of(sample)
    expected = {"all.ics": (f"{sample.settings.title}：全县活动", book.entries)}
    expected |= {f"posts/{p.id}.ics": (f"{p.name}活动", book.of_post(p)) for p in sample.grid.posts}
    expected |= {f"v/{v.id}.ics": (f"{v.name}活动", book.of_village(v, p)) for p, v in sample.grid.iter_villages()}
    expected |= {e.ics.removeprefix("calendar/"): (e.title, [e]) for e in book.entries}
    published = {f.relative_to(site / "calendar").as_posix() for f in (site / "calendar").rglob("*.ics")}
    aliases = {f"v/{alias}.ics": f"v/{village.id}.ics" for alias, village in sample.grid.alias_of.items()}
    assert published - set(aliases) == set(expected) and any(len(entries) > 3 for _, entries in expected.values())
    for old, new in aliases.items():  # a village's old id serves a copy of its file
        assert (site / "calendar" / old).read_bytes() == (site / "calendar" / new).read_bytes()
    for rel, (name, entries) in expected.items():
        assert (site / "calendar" / rel).read_bytes() == calendar(sample.grid, sample.settings, name, entries), rel
