"""Helpers shared by the tests: the sample data read with independent parsers
(PyYAML, csv), what a page shows, what a calendar feed expands to, and the
lookup index of the sample.

Reading the sample without the generator's own model lets the tests compare
the site against the data.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import html as html_lib
import io
import posixpath
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import recurring_ical_events
import yaml
from icalendar import Calendar

from generator.core.dates import build_date
from generator.directory.grid import Grid
from generator.find.index import LIMIT, Index, build_index, search
from generator.find.keys import normalise_query
from generator.site import Site, load_site

from conftest import SAMPLE, TODAY, cunjing

SITE_URL = "https://cunjing.example.org/luxi/"
# libyaml when PyYAML has it: the same data as yaml.safe_load, many times faster.
FAST_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
BUILD_DAY = date.fromisoformat(TODAY)


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    _, front, _ = text.split("---\n", 2)
    data: dict[str, Any] = yaml.safe_load(front)
    return data


@dataclass
class Doc:
    slug: str
    meta: dict[str, Any]


def reports(data: Path = SAMPLE) -> list[Doc]:
    return [Doc(p.stem, front_matter(p)) for p in sorted((data / "reports").glob("*.md"))]


def notices(data: Path = SAMPLE) -> list[Doc]:
    return [Doc(p.stem, front_matter(p)) for p in sorted((data / "notices").glob("*.md"))]


def published(docs: list[Doc], today: date = BUILD_DAY) -> list[Doc]:
    return [d for d in docs if d.meta["date"] <= today]


def current(docs: list[Doc], today: date = BUILD_DAY) -> list[Doc]:
    return [
        d for d in published(docs, today)
        if d.meta.get("expires") is None or d.meta["expires"] >= today
    ]


def posts(data: Path = SAMPLE) -> dict[str, dict[str, Any]]:
    """Every post file by id, read again only when a file changed (tests ask per item)."""
    files = sorted((data / "posts").glob("*.yml"))
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return copy.deepcopy(_posts(key))


@lru_cache(maxsize=32)
def _posts(files: tuple[tuple[str, int, int], ...]) -> dict[str, dict[str, Any]]:
    return {
        Path(name).stem: yaml.load(Path(name).read_text(encoding="utf-8"), Loader=FAST_YAML)
        for name, _, _ in files
    }


def village_index(data: Path = SAMPLE) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every village id and alias -> (post id, village record)."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for post_id, post in posts(data).items():
        for village in post["villages"]:
            out[village["id"]] = (post_id, village)
            for alias in village.get("aliases", []):
                out[alias] = (post_id, village)
    return out


def officer_names(data: Path = SAMPLE) -> dict[str, str]:
    return {o["id"]: o["name"] for post in posts(data).values() for o in post["officers"]}


def visit_rows(data: Path = SAMPLE) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((data / "visits").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def date_forms(day: date) -> list[str]:
    """The ways a date can be written on a page."""
    return [
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.month}月{day.day}日",
    ]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))




def build(data: Path, out: Path, today: str = TODAY) -> Path:
    run = cunjing("build", "--data", data, "-d", out, "--today", today)
    assert run.code == 0, run.text
    return out


# -- the calendar: what pages show and feeds expand to --------------------------

SHANGHAI = ZoneInfo("Asia/Shanghai")
Shown = set[tuple[str, str]]  # (entry key, "YYYY-MM-DDTHH:MM" local start)


def post_names() -> dict[str, str]:
    """Post name -> post id, from the sample data."""
    return {post["name"]: post_id for post_id, post in posts().items()}


def key_of(page_url: str, href: str) -> str:
    """The entry key a link on page_url points to: law-<slug>, event-<slug> or
    patrol-<village-id> (a patrol is described on its village's page)."""
    target = posixpath.normpath(posixpath.join(page_url, href)).strip("/")
    section, _, slug = target.partition("/")
    assert section in ("law", "events", "v") and slug and "/" not in slug, (page_url, href)
    return {"law": "law-", "events": "event-", "v": "patrol-"}[section] + slug


class Agenda(HTMLParser):
    """Collects the calendar items of a page: li.cj-ev items and p.cj-reception lines."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, object]] = []
        self.current: dict[str, object] | None = None
        self.depth = 0
        self.in_meta = False
        self.reception_times: list[str] = []
        self.in_reception = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "li" and "cj-ev" in classes:
            self.current = {"classes": classes, "href": None, "times": [], "meta": "", "links": []}
            self.items.append(self.current)
            self.depth = 0
        if tag == "p" and "cj-reception" in classes:
            self.in_reception = True
        if self.current is not None:
            if tag == "li":
                self.depth += 1
            if tag == "a" and "cj-ev__title" in classes:
                self.current["href"] = found.get("href")
            if tag == "span" and "cj-ev__meta" in classes:
                self.in_meta = True
            if tag == "a" and self.in_meta:
                self.current["links"].append(found.get("href"))  # type: ignore[attr-defined]
        if tag == "time":
            stamp = found.get("datetime") or ""
            if self.current is not None:
                self.current["times"].append(stamp)  # type: ignore[union-attr]
            elif self.in_reception:
                self.reception_times.append(stamp)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.in_meta = False
        if tag == "p":
            self.in_reception = False
        if tag == "li" and self.current is not None:
            self.depth -= 1
            if self.depth == 0:
                self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None and self.in_meta:
            self.current["meta"] = str(self.current["meta"]) + data


def shown(site: Path, url: str, reception_post: str | None = None) -> Shown:
    """Every (entry, start) a page shows; reception lines count for reception_post,
    and on /events/ the posts named in a reception row."""
    parser = Agenda()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    names = post_names()
    out: Shown = set()
    for item in parser.items:
        times = item["times"]
        assert isinstance(times, list) and times, item
        if "cj-ev--reception" in item["classes"]:  # type: ignore[operator]
            for name in str(item["meta"]).split("、"):
                out |= {(f"reception-{names[name.strip()]}", t) for t in times}
        elif "cj-ev--patrol" in item["classes"]:  # type: ignore[operator]
            # One line for the villages patrolling at the same hours, each a link.
            for href in item["links"]:  # type: ignore[attr-defined]
                out |= {(key_of(url, str(href)), t) for t in times}
        else:
            key = key_of(url, str(item["href"]))
            out |= {(key, t) for t in times}
    if reception_post is not None:
        out |= {(f"reception-{reception_post}", t) for t in parser.reception_times}
    else:
        assert not parser.reception_times
    return out


def read_calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def expand(path: Path, start: date, days: int = 60) -> Shown:
    """The (entry, start) pairs a feed holds in [start, start + days)."""
    begin = datetime.combine(start, datetime.min.time(), SHANGHAI)
    events = recurring_ical_events.of(read_calendar(path)).between(begin, begin + timedelta(days=days))
    out: Shown = set()
    for event in events:
        moment = event["DTSTART"].dt.astimezone(SHANGHAI)
        out.add((str(event["UID"]).split("@")[0], moment.strftime("%Y-%m-%dT%H:%M")))
    return out


# -- the lookup index of the sample ------------------------------------------------

@cache
def sample_site() -> Site:
    return load_site(SAMPLE, build_date(TODAY))


def sample() -> Grid:
    """The sample county's grid."""
    return sample_site().grid


@cache
def sample_index() -> Index:
    return build_index(sample(), lambda o: None)


def found(index: Index, typed: str) -> list[str]:
    """Village ids a resident sees for what they typed, best first."""
    return [index.villages[h.village].id for h in search(index, normalise_query(typed))[:LIMIT]]


# -- editing copies of the sample -------------------------------------------------

VISITS = "visits/2026-q4.csv"


def add_visit(data: Path, row: str) -> int:
    """Append a row to the Q4 log; return the number of its last line."""
    path = data / VISITS
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + row + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.splitlines())


# -- `cunjing new` -------------------------------------------------------------------

def fill(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace("【请填写数字】", "4")
    text = re.sub(r"【请填写[^】]*】", "巡逻和走访情况", text)
    path.write_text(text, encoding="utf-8")


def created(run_out: str, data: Path) -> Path:
    match = re.search(r"已新建 (\S+?\.md)", run_out)
    assert match, run_out
    path = Path(match.group(1))
    assert path.is_file() and path.parent.parent == data
    return path


# -- the request log, stations and 三访三评, read independently ----------------

def request_rows(data: Path = SAMPLE) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((data / "requests").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def masked(count: int) -> str:
    """A published count: "<3" for 1 and 2."""
    return "<3" if 0 < count < 3 else f"{count:,}"


def table_rows(html: str, caption: str) -> list[list[str]]:
    """The cells (text) of each body row of the table with this caption; a label set
    as word spans (本月至今（11月1日—28日）, breaking only between them) read as one."""
    start = html.index(f"<caption>{caption}")
    table = html[start:html.index("</table>", start)]
    body = re.sub(r'</span>(?:<wbr>)?<span class="cj-w">', "", table[table.index("<tbody>"):])
    return [
        [html_lib.unescape(text_of(cell)).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def actions(data: Path = SAMPLE) -> list[Doc]:
    """立项整改 items (data/actions/*.md), front matter read with PyYAML."""
    return [Doc(p.stem, front_matter(p)) for p in sorted((data / "actions").glob("*.md"))]


def action_posts(doc: Doc, data: Path = SAMPLE) -> set[str]:
    """The posts an item concerns: named, or serving a village named."""
    meta = doc.meta
    found = {meta["post"]} if "post" in meta else set(meta.get("posts", []))
    villages = village_index(data)
    return found | {villages[v][0] for v in meta.get("villages", [])}


def action_day(doc: Doc) -> date:
    """An item's latest news: done, else raised."""
    day: date = doc.meta.get("done") or doc.meta["raised"]
    return day


# -- the Excel roster ---------------------------------------------------------------

_BOOKS: dict[bytes, openpyxl.Workbook] = {}


def read_book(path: Path) -> openpyxl.Workbook:
    """The workbook at ``path`` as openpyxl loads it, loaded once per content (a copy
    of the same bytes elsewhere is the same book): for reading only, never to change."""
    data = path.read_bytes()
    key = hashlib.sha256(data).digest()
    if key not in _BOOKS:
        _BOOKS[key] = openpyxl.load_workbook(io.BytesIO(data))
    return _BOOKS[key]


def workbook_data(tmp_path: Path, workbook: Path) -> Path:
    """A copy of the sample whose roster and 平安建设 are the workbook, not posts/ and safety/."""
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    shutil.rmtree(data / "posts")
    shutil.rmtree(data / "safety")
    shutil.copy(workbook, data / "名册.xlsx")
    return data


def csv_to_workbook(source: Path, convert: Callable[[int, list[str]], list[object]]) -> Path:
    """Replace a CSV log by a workbook: header as is, each row through ``convert(i, row)``."""
    rows = list(csv.reader(source.read_text(encoding="utf-8-sig").splitlines()))
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(rows[0])
    for i, row in enumerate(rows[1:]):
        if row:
            ws.append(convert(i, row))
    target = source.with_suffix(".xlsx")
    book.save(target)
    source.unlink()
    return target


# -- the phone's speech, for 听一听 in Chromium -------------------------------------

# A stand-in for speechSynthesis (add_init_script): voices arrive when a test calls
# window.__voices(list); what is spoken goes to window.__spoken as [text, lang, voice].
SPEECH = """(() => {
  let voices = [];
  const listeners = [];
  window.__spoken = [];
  window.__voices = list => { voices = list; listeners.forEach(f => f()); };
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
    getVoices: () => voices,
    speak: u => window.__spoken.push([u.text, u.lang, u.voice.name]),
    cancel: () => {},
    addEventListener: (name, f) => { if (name === 'voiceschanged') listeners.push(f); },
  } });
  // A real utterance takes only a real SpeechSynthesisVoice.
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();"""


# In a page: each piece of every visible phone number (the text between its <wbr>
# break points) as [lines it takes, its right edge in px]; a piece that wraps or
# sticks out of the screen shows as lines > 1 or right > the viewport's width.
NUMBER_PIECES = """() => [...document.querySelectorAll('.cj-num')]
  .filter(n => n.offsetParent !== null)
  .flatMap(n => [...n.childNodes].filter(t => t.nodeType === 3 && t.data.trim()).map(t => {
    const range = document.createRange();
    range.selectNodeContents(t);
    const rects = [...range.getClientRects()].filter(r => r.width > 0);
    return [new Set(rects.map(r => Math.round(r.top))).size, Math.round(Math.max(...rects.map(r => r.right)))];
  }))"""


# A local web server under test (cunjing serve): a free port, a page's text, waiting for a text.
def at_once(page: Any, *functions: str) -> list[Any]:
    """What each of these JavaScript functions (``() => ...``) returns on ``page``, in one
    round trip to the browser."""
    return page.evaluate("() => [" + ", ".join(f"({f})()" for f in functions) + "]")  # type: ignore[no-any-return]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _until(found: Callable[[], str], text: str, seconds: float, pause: float) -> str:
    """What ``found`` gives once it holds ``text``, or its last answer after ``seconds``."""
    deadline = time.monotonic() + seconds
    while text not in (answer := found()) and time.monotonic() < deadline:
        time.sleep(pause)
    return answer


def wait_for(url: str, text: str, seconds: float = 90) -> bool:
    """Whether the page at ``url`` shows ``text`` within ``seconds``."""
    return text in _until(lambda: fetch(url), text, seconds, 0.5)


def stop(proc: subprocess.Popen[Any], seconds: float = 10) -> None:
    """Stop a server the test started: terminate, and kill it if it does not end in time."""
    proc.terminate()
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def wait_for_text(path: Path, text: str, seconds: float = 20) -> str:
    """The file at ``path`` (a server's log) once it holds ``text``, or as it is after ``seconds``."""
    return _until(lambda: path.read_text(encoding="utf-8"), text, seconds, 0.2)
