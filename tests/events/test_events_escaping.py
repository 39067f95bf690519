"""Whatever an editor types into a lecture or an event lands escaped: in the
pages (HTML) and in the calendar files (RFC 5545 text, line folding)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from icalendar import Calendar

from conftest import TODAY, cunjing

RAW = '<script>alert(1)</script>恳谈会; 第二段, "引号"\r\nEND:VEVENT\r\nBEGIN:VEVENT'
TITLE = json.dumps(RAW, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
EXPECTED = RAW.replace("\r\n", "\n")  # a calendar line break is \n


def build(data: Path, tmp_path: Path) -> Path:
    (data / "events/xss.yml").write_text(
        f"title: {TITLE}\n"
        "kind: 其他\nstart: 2026-12-10 09:00\nend: 2026-12-10 10:00\n"
        'venue: "会议室; 二楼, <b>东</b>"\n'
        'description: "<img src=x onerror=alert(2)> [点我](javascript:alert(3)) **粗体**"\n',
        encoding="utf-8",
    )
    (data / "lectures/xss-talk.md").write_text(
        f"---\ntitle: {TITLE}\nkind: 法制讲座\nstart: 2026-12-11 09:00\nend: 2026-12-11 10:00\n"
        'venue: 礼堂\nspeaker: "<i>王律师</i>"\ntopics: ["<u>反诈</u>"]\n---\n\n'
        "正文<script>alert(4)</script>\n\n<a href=\"javascript:alert(5)\">链接</a>\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    run = cunjing("build", "--data", data, "-d", out, "--today", TODAY)
    assert run.code == 0, run.text
    return out


def test_titles_and_text_are_escaped_in_pages_and_feeds(data: Path, tmp_path: Path) -> None:
    site = build(data, tmp_path)
    pages = ["events/xss/", "events/weeks/2026-12-05/", "", "law/xss-talk/", "law/"]
    for url in pages:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;恳谈会" in html, url
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title and "<script>" not in title.group(1)
    event = (site / "events/xss/index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in event and 'href="javascript:' not in event
    assert "<strong>粗体</strong>" in event  # Markdown still works, sanitised
    assert "会议室; 二楼, &lt;b&gt;东&lt;/b&gt;" in event
    talk = (site / "law/xss-talk/index.html").read_text(encoding="utf-8")
    assert "alert(4)" not in talk and 'href="javascript:' not in talk
    assert "&lt;i&gt;王律师&lt;/i&gt;" in talk and "&lt;u&gt;反诈&lt;/u&gt;" in talk

    for feed in ("calendar/all.ics", "calendar/events/xss.ics", "calendar/law/xss-talk.ics"):
        raw = (site / feed).read_bytes()
        lines = raw.split(b"\r\n")
        assert all(len(line) <= 75 for line in lines), feed  # folded by octets
        assert lines.count(b"BEGIN:VCALENDAR") == 1 and lines.count(b"END:VCALENDAR") == 1
        cal = Calendar.from_ical(raw)
        assert lines.count(b"BEGIN:VEVENT") == len(cal.walk("VEVENT"))
        summaries = {str(e["UID"]).split("@")[0]: str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
        for key in ("event-xss", "law-xss-talk"):
            if key in summaries:
                assert summaries[key] == EXPECTED, feed
    # The calendar's own name (shown by calendar apps) is one escaped line too.
    name = "X-WR-CALNAME:<script>alert(1)</script>恳谈会\\; 第二段\\, \"引号\" END:VEVENT BEGIN:VEVENT"
    assert name.encode("utf-8") in (site / "calendar/events/xss.ics").read_bytes().replace(b"\r\n ", b"")
    [event_ics] = Calendar.from_ical((site / "calendar/events/xss.ics").read_bytes()).walk("VEVENT")
    assert str(event_ics["LOCATION"]) == "会议室; 二楼, <b>东</b>"
    assert b"LOCATION:\xe4\xbc\x9a\xe8\xae\xae\xe5\xae\xa4\\; \xe4\xba\x8c\xe6\xa5\xbc\\, " in (
        site / "calendar/events/xss.ics"
    ).read_bytes()
