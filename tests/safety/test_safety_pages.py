"""平安建设 in the built sample site, read with independent parsers: the village's
patrol in its calendar feeds, mediators' trainings, lecture pages listing
attendees, and /safety/."""

from __future__ import annotations

import posixpath
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import SAMPLE
from helpers import BUILD_DAY, SHANGHAI, expand, front_matter, read_calendar, text_of


def safety_files() -> dict[str, dict[str, object]]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(SAMPLE.glob("safety/*.yml"))}


class Links(HTMLParser):
    def __init__(self, section: str) -> None:
        super().__init__()
        self.section, self.inside, self.links = section, 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section" and found.get("aria-labelledby") == self.section:
            self.inside = 1
        elif tag == "section" and self.inside:
            self.inside += 1
        if self.inside and tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.inside:
            self.inside -= 1


def links_in(site: Path, url: str, section: str) -> list[str]:
    parser = Links(section)
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return [posixpath.normpath(posixpath.join(url, h)) for h in parser.links if not h.startswith(("tel:", "sms:"))]


def test_a_third_of_the_villages_have_safety_files_with_changans_patrol() -> None:
    files = safety_files()
    assert len(files) >= 123 // 3
    patrol = files["changan"]["patrol"]
    assert isinstance(patrol, dict)
    assert {"复退军人", "党员", "团员"} <= set(patrol["made_of"])
    assert isinstance(patrol["members"], int)


def test_patrol_times_are_in_the_village_and_post_feeds(site: Path) -> None:
    schedule = safety_files()["changan"]["patrol"]["schedule"]  # type: ignore[index]
    first = datetime.strptime(schedule["start"], "%Y-%m-%d %H:%M")
    for feed in ("calendar/v/changan.ics", "calendar/posts/zhongshu-changan.ics", "calendar/patrol/changan.ics", "calendar/all.ics"):
        found = sorted(t for key, t in expand(site / feed, BUILD_DAY) if key == "patrol-changan")
        # Every Wednesday at the first patrol's time, for the 60 days ahead.
        assert len(found) >= 8, feed
        for stamp in found:
            moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M")
            assert moment.weekday() == first.weekday() and moment.time() == first.time(), (feed, stamp)
    [event] = [e for e in read_calendar(site / "calendar/patrol/changan.ics").walk("VEVENT")]
    assert event["CATEGORIES"].cats == ["治安巡逻"]
    assert event["DTSTART"].dt.tzinfo is not None and event["DTSTART"].dt.astimezone(SHANGHAI).hour == first.hour
    # Another post's feed does not carry it.
    assert not any(k == "patrol-changan" for k, _ in expand(site / "calendar/posts/jinma-jinma.ics", BUILD_DAY))


def test_next_patrols_on_the_village_page_match_the_feed(site: Path) -> None:
    html = (site / "v/changan/index.html").read_text(encoding="utf-8")
    block = html[html.index('id="safety"'):html.index("</section>", html.index('id="safety"'))]
    shown = {part.split('"')[0] for part in block.split('<time datetime="')[1:]}
    feed = {t for k, t in expand(site / "calendar/v/changan.ics", BUILD_DAY) if k == "patrol-changan"}
    assert shown and shown <= feed
    assert min(shown) == min(feed)


def test_mediators_trainings_link_to_existing_training_lectures(site: Path) -> None:
    checked = 0
    for village, record in safety_files().items():
        trained = {t for m in record.get("mediators", []) for t in m.get("trained", [])}  # type: ignore[union-attr, attr-defined]
        links = {link for link in links_in(site, f"v/{village}/", "safety") if link.startswith("law/")}
        assert links == {f"law/{slug}" for slug in trained}, village
        for slug in trained:
            assert (site / "law" / slug / "index.html").is_file()
            assert front_matter(SAMPLE / "lectures" / f"{slug}.md")["kind"] == "调解员培训"
            checked += 1
    assert checked > 10


def test_training_lecture_pages_list_the_mediators_who_attended(site: Path) -> None:
    attended: dict[str, set[tuple[str, str]]] = {}
    for village, record in safety_files().items():
        for mediator in record.get("mediators", []):  # type: ignore[union-attr]
            for slug in mediator.get("trained", []):
                attended.setdefault(slug, set()).add((mediator["name"], village))
    assert "tiaojieyuan-peixun-2026-10" in attended
    for slug, people in attended.items():
        html = (site / "law" / slug / "index.html").read_text(encoding="utf-8")
        section = html[html.index('id="attendees"'):]
        section = section[:section.index("</ul>")]
        for name, village in people:
            assert name in section
            assert f'href="../../v/{village}/"' in section
    # A lecture of another kind lists nobody.
    assert 'id="attendees"' not in (site / "law/jindu-guangbo/index.html").read_text(encoding="utf-8")


def test_safety_page_lists_each_village_by_township(site: Path) -> None:
    files = safety_files()
    html = (site / "safety/index.html").read_text(encoding="utf-8")
    text = text_of(html)
    for village, record in files.items():
        assert f'href="../v/{village}/#safety"' in html
        pingan = record.get("pingan")
        if isinstance(pingan, dict):
            assert f"{pingan['title']}（{pingan['year']}）" in text
    assert f"{len(files)} 个村（社区）已公布" in text
    mediators = sum(len(r.get("mediators", [])) for r in files.values())  # type: ignore[arg-type]
    assert f"{mediators} 名调解员" in text
    assert "平安建设" in (site / "index.html").read_text(encoding="utf-8")  # in the navigation


def test_villages_without_a_file_show_no_block(site: Path) -> None:
    files = safety_files()
    villages = [v["id"] for p in sorted(SAMPLE.glob("posts/*.yml")) for v in yaml.safe_load(p.read_text(encoding="utf-8"))["villages"]]
    without = next(v for v in villages if v not in files)
    html = (site / "v" / without / "index.html").read_text(encoding="utf-8")
    assert 'id="safety"' not in html
