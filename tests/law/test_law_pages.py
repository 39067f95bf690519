"""法制宣传 pages and the effect of the build date on what is "upcoming"."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import SAMPLE, cunjing
from helpers import shown


def section(html: str, anchor: str) -> str:
    """The HTML from <h2 id=anchor> to the next <h2>."""
    start = html.index(f'<h2 id="{anchor}">')
    end = html.find("<h2", start + 1)
    return html[start:end if end > 0 else None]


def slugs(html: str) -> list[str]:
    return re.findall(r'class="cj-law__title" href="([a-z0-9-]+)/"', html)


def test_law_index_lists_upcoming_then_past_then_articles(site: Path) -> None:
    html = (site / "law/index.html").read_text(encoding="utf-8")
    upcoming = slugs(section(html, "upcoming"))
    past = slugs(section(html, "past"))
    articles = slugs(section(html, "articles"))
    assert upcoming[:2] == ["dongji-fanghuo", "jiaotong-anquan-jinma"]  # 12-03, then 12-05
    assert upcoming[-1] == "jiating-baoli-xiangyang"  # 2027-01-30: beyond 60 days, still upcoming
    assert past == [
        "jindu-guangbo", "tiaojieyuan-peixun-2026-10", "tudi-jiufen-anli", "fanzha-2026-09", "tiaojieyuan-peixun-2026-05",
    ]
    assert set(articles) == {"maochong-kefu-tuikuan", "baohuling-anli"}
    every = {p.stem for p in SAMPLE.glob("lectures/*.md")}
    assert set(upcoming + past + articles) == every
    assert html.index('id="upcoming"') < html.index('id="past"') < html.index('id="articles"')


def test_law_index_links_to_the_pages_by_kind_and_topic(site: Path) -> None:
    """Each lecture once on /law/; its categories and topics are chips to their pages
    (tests/law/test_law_views.py checks those pages against the data)."""
    html = (site / "law/index.html").read_text(encoding="utf-8")
    kinds = html[html.index('<h2 id="kinds">'):html.index('<h2 id="upcoming">')]
    for kind in ("法制讲座", "广播讲座", "以案说法", "调解员培训"):
        assert f">{kind}<span" in kinds
    assert 'href="kinds/guangbojiangzuo/">广播讲座<span class="cj-law-filter__count">2</span>' in kinds
    topics = kinds[kinds.index('id="topics"'):]
    assert 'href="topics/fandianzha/">反电诈<span class="cj-law-filter__count">4</span>' in topics
    broadcasts = (site / "law/kinds/guangbojiangzuo/index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'class="cj-law__title" href="\.\./\.\./([a-z0-9-]+)/"', broadcasts)) == {
        "jindu-guangbo", "dongji-fanghuo",
    }


def test_lecture_page_has_time_venue_speaker_and_materials(site: Path) -> None:
    html = (site / "law/jiaotong-anquan-jinma/index.html").read_text(encoding="utf-8")
    assert "2026年12月5日 星期六 9:30—11:00" in html and "金马社区文化活动室" in html
    assert '<a href="../../officers/pu-yumin/">普玉敏</a>' in html  # speaker is an officer
    assert '<a href="../../posts/jinma-jinma/">金马社区警务室</a>' in html
    assert "即将举行" in html
    material = re.search(r'<a href="(\.\./\.\./media/materials/toukui\.jpg)">宣传画：一盔一带，安全常在</a> '
                         r'<span class="cj-files__meta">图片，(\d+) KB</span>', html)
    assert material, html
    published = (site / "law/jiaotong-anquan-jinma" / material.group(1)).resolve()
    source = SAMPLE / "materials/toukui.jpg"
    assert published.read_bytes() == source.read_bytes()
    assert int(material.group(2)) == round(source.stat().st_size / 1024)
    training = (site / "law/tiaojieyuan-peixun-2026-10/index.html").read_text(encoding="utf-8")
    assert "主讲</dt><dd>县司法局 杨律师</dd>" in training  # a name, not a link
    assert "PDF 文档，" in training and "已举行" in training
    assert (site / "media/materials/tiaojie-yaodian.pdf").read_bytes().startswith(b"%PDF-")


def test_broadcast_lecture_has_a_player_with_the_transcript_below(site: Path) -> None:
    html = (site / "law/jindu-guangbo/index.html").read_text(encoding="utf-8")
    player = re.search(r'<audio controls preload="none">\s*<source src="([^"]+)" type="audio/mpeg">', html)
    assert player
    audio = (site / "law/jindu-guangbo" / player.group(1)).resolve()
    assert audio.read_bytes() == (SAMPLE / "audio/jindu-guangbo.mp3").read_bytes()
    assert audio.stat().st_size < 100_000
    transcript = (SAMPLE / "lectures/jindu-guangbo.md").read_text(encoding="utf-8").split("---")[2]
    first_line = transcript.strip().splitlines()[0]
    assert html.index("<audio") < html.index("文字稿") < html.index(first_line)
    assert f"MP3 音频，{round(audio.stat().st_size / 1024)} KB" in html
    # Without a player (no JavaScript, old phones) the recording can still be downloaded.
    assert re.search(r'<a href="[^"]+jindu-guangbo\.mp3" download>下载录音', html)


def test_case_study_shows_the_case_and_its_legal_analysis(site: Path) -> None:
    html = (site / "law/maochong-kefu-tuikuan/index.html").read_text(encoding="utf-8")
    assert "<h2>案情</h2>" in html and "<h2>法律分析</h2>" in html
    assert "以案说法" in html and "<audio" not in html
    assert "<dt>时间</dt>" not in html and "calendar/law/" not in html  # an article, not an event


def test_moving_today_moves_lectures_and_events_to_the_past(site: Path, tmp_path: Path) -> None:
    later = tmp_path / "later"
    run = cunjing("build", "-d", later, "--today", "2027-07-01")
    assert run.code == 0, run.text

    def law(root: Path) -> tuple[list[str], list[str]]:
        html = (root / "law/index.html").read_text(encoding="utf-8")
        return slugs(section(html, "upcoming")), slugs(section(html, "past"))

    up, past = law(site)  # built with --today 2026-11-28
    assert "jiaotong-anquan-jinma" in up and "jiaotong-anquan-jinma" not in past
    up, past = law(later)
    assert up == [] and "jiaotong-anquan-jinma" in past
    assert past[0] == "jiating-baoli-xiangyang"  # the most recent first
    page = (later / "law/jiaotong-anquan-jinma/index.html").read_text(encoding="utf-8")
    assert "已举行" in page and "即将举行" not in page

    def on_calendar(root: Path) -> set[tuple[str, str]]:
        """What /events/ and its later weeks' pages show."""
        weeks = [f"events/weeks/{d.name}/" for d in sorted((root / "events/weeks").iterdir())]
        return set().union(*(shown(root, url) for url in ["events/", *weeks]))

    before = on_calendar(site)
    after = on_calendar(later)
    assert ("law-jiaotong-anquan-jinma", "2026-12-05T09:30") in before
    assert ("event-kentanhui-zhongshu", "2026-12-25T19:30") in before
    assert not any(t < "2027-07-01" for _, t in after)
    assert not any(k == "event-kentanhui-zhongshu" for k, _ in after)  # until 2027-06-30
    assert ("event-kentanhui-xianju", "2027-07-06T09:00") in after  # repeats without end

    def ended(root: Path) -> str:
        return section((root / "events/index.html").read_text(encoding="utf-8"), "past")

    assert 'href="kentanhui-zhongshu/"' not in ended(site)
    assert 'href="kentanhui-zhongshu/"' in ended(later)
    meeting = (later / "events/kentanhui-zhongshu/index.html").read_text(encoding="utf-8")
    assert "已结束" in meeting and "这项活动已经全部结束" in meeting
    assert "即将举行" in (site / "events/kentanhui-zhongshu/index.html").read_text(encoding="utf-8")

    assert "村村响广播：冬季防火" in (site / "index.html").read_text(encoding="utf-8")
    assert "村村响广播：冬季防火" not in (later / "index.html").read_text(encoding="utf-8")
