"""The printed 社区警务公示牌 and 警民联系卡, measured in millimetres on the PDF
Chromium prints (issue 22, item 4).

The board fills its A4 sheet (one page, ink down to at least 85 % of its
height) and reads from two metres: every officer's name and phone in type of
at least 16.5 mm (digits about 12 mm as printed), 110 as large, the QR code's
modules at least 50 mm across and decoding with zbarimg from a 150 dpi raster.
It names the post's address, office and reception hours, the 派出所's phone
where known, the village's auxiliary police and coordinators, the anti-fraud
line, the supervision line and the date it was issued. A contact card has the
post's phone, address and hours, and no text under 10 pt.

Type sizes and positions come from the PDF's text (pypdf: the size each glyph
is drawn at, in points); ink, fill and the QR code from its raster (pdftoppm);
the words from pdftotext.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import SAMPLE, TODAY, cunjing, require, serve

SITE_URL = "https://cunjing.example.org/luxi/"
MM_PER_PT = 25.4 / 72
A4_MM = (210, 297)
DPI = 150
MM_PER_PX = 25.4 / DPI

TYPE_MM = 16.5  # officers' names and phones, 110
DIGITS_MM = 11.5  # "digits about 12 mm": the figures' ink, as printed
QR_MM = 50  # the code's dark modules, edge to edge
FILL = 0.85  # lowest ink, as a share of the page height
CARD_PT = 10  # nothing on a contact card is smaller

# Villages with the most to show: two officers (jinma: four staff; baishui: a
# station with a phone), and single officers with the most staff.
TWO_OFFICERS = ("jinma", "baishui", "wujiepu", "chengbei")
EXTREMES = (*TWO_OFFICERS, "alu", "changan", "xicheng")


def tools() -> None:
    for tool in ("pdfinfo", "pdftotext", "pdftoppm", "zbarimg"):
        package = "zbar-tools" if tool == "zbarimg" else "poppler-utils"
        require(None if shutil.which(tool) else f"需要 {tool}（apt-get install {package}）")


def posts(data: Path = SAMPLE) -> dict[str, dict[str, Any]]:
    """Each village id -> its post file (as written), the village under "village"."""
    found = {}
    for path in sorted(data.glob("posts/*.yml")):
        post = yaml.safe_load(path.read_text(encoding="utf-8"))
        for village in post["villages"]:
            found[village["id"]] = post | {"village": village}
    return found


def station_phone(post: dict[str, Any], data: Path = SAMPLE) -> str | None:
    """The post's 派出所 phone in stations.yml, if it has one."""
    stations = yaml.safe_load((data / "stations.yml").read_text(encoding="utf-8"))["stations"]
    found = [s for s in stations if (s["name"], s["township"]) == (post["station"], post["township"])]
    return str(found[0]["phone"]) if found and found[0].get("phone") else None


# -- printing and reading the PDF ----------------------------------------------------

@dataclass(frozen=True)
class Line:
    """Text drawn on one baseline at one size (mm from the page's top left)."""

    text: str
    x: float  # the first glyph's origin
    last_x: float  # the last glyph's origin
    baseline: float
    size: float  # type size (the em), mm


@dataclass(frozen=True)
class Printed:
    pdf: Path
    pages: int
    lines: list[Line] = field(repr=False)
    text: str = field(repr=False)  # pdftotext's reading of the page
    raster: Path  # the first page at 150 dpi, 8-bit grey (PGM)
    photos: int  # officers' photos on a board, every one loaded
    width: int
    height: int
    pixels: bytes = field(repr=False)  # 150 dpi, 8-bit grey, row by row

    def dark(self, x0: float, y0: float, x1: float, y1: float, level: int = 160) -> list[int]:
        """Rows (px) with ink inside a box given in mm."""
        left, right = max(0, round(x0 / MM_PER_PX)), min(self.width, round(x1 / MM_PER_PX))
        top, bottom = max(0, round(y0 / MM_PER_PX)), min(self.height, round(y1 / MM_PER_PX))
        return [
            y for y in range(top, bottom)
            if min(self.pixels[y * self.width + left:y * self.width + right], default=255) < level
        ]


def glyph_lines(pdf: Path) -> list[Line]:
    """The page's glyphs (pypdf: position and size of each as drawn), joined into lines."""
    from pypdf import PdfReader

    page = PdfReader(pdf).pages[0]
    height = float(page.mediabox.height)
    glyphs: list[tuple[float, float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip():
            return
        # Text space -> user space: the text matrix, then the current transformation.
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
        glyphs.append((round((height - y) * MM_PER_PT, 2), x * MM_PER_PT, size * scale * MM_PER_PT, text))

    page.extract_text(visitor_text=visit)
    runs: list[list[tuple[float, float, float, str]]] = []
    for glyph in sorted(glyphs, key=lambda g: (g[0], round(g[2], 1), g[1])):
        run = runs[-1] if runs else None
        # One line: the same baseline and size, no wide gap.
        same = run and abs(glyph[0] - run[0][0]) <= 0.1 and abs(glyph[2] - run[0][2]) <= 0.05
        if run and same and glyph[1] - run[-1][1] <= 4 * glyph[2]:
            run.append(glyph)
        else:
            runs.append([glyph])
    return [
        Line("".join(g[3] for g in run).replace(" ", ""), run[0][1], run[-1][1], run[0][0], run[0][2]) for run in runs
    ]


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    head = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    assert head, path
    width, height = int(head[1]), int(head[2])
    return width, height, data[head.end():head.end() + width * height]


def print_pdf(browser: Any, url: str, out: Path, *, css: str | None = None) -> Printed:
    """Print a page to an A4 PDF as Chromium does (with ``css`` added), then read it back."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if css:
            page.add_style_tag(content=css)
        assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)"), url
        photos = page.locator("img.cj-board__photo").count()
        pdf = out.with_suffix(".pdf")
        pdf.write_bytes(page.pdf(format="A4", print_background=True))
    finally:
        context.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size and abs(float(size[1]) * MM_PER_PT - A4_MM[0]) < 1 and abs(float(size[2]) * MM_PER_PT - A4_MM[1]) < 1, info
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", "-gray", str(pdf), str(out)], check=True)
    raster = out.with_suffix(".pgm")
    width, height, pixels = read_pgm(raster)
    return Printed(pdf, pages, glyph_lines(pdf), text, raster, photos, width, height, pixels)


def same_text(drawn: str, wanted: str) -> bool:
    """pypdf reads some ideographs as their Kangxi or supplement radicals (⾦ for 金,
    ⻢ for 马): those match any ideograph; everything else must be equal."""
    wanted = wanted.replace(" ", "")
    if len(drawn) != len(wanted):
        return False
    return all(
        d == w or unicodedata.normalize("NFKC", d) == w or (0x2E80 <= ord(d) <= 0x2FDF and "\u4e00" <= w <= "\u9fff")
        for d, w in zip(drawn, wanted, strict=True)
    )


def lines_saying(printed: Printed, wanted: str) -> list[Line]:
    """The lines that are exactly ``wanted``, spaces aside (a phone's label is a line of its own)."""
    return [line for line in printed.lines if same_text(line.text, wanted)]


def line_starting(printed: Printed, start: str) -> Line:
    found = [line for line in printed.lines if same_text(line.text[:len(start)], start)]
    assert len(found) == 1, (start, [line.text for line in printed.lines])
    return found[0]


def largest(printed: Printed, wanted: str) -> Line:
    found = lines_saying(printed, wanted)
    assert found, (wanted, [line.text for line in printed.lines])
    return max(found, key=lambda line: line.size)


def figure_height(printed: Printed, line: Line) -> float:
    """The printed height of a line of figures (a phone number), mm: its ink."""
    em = line.size
    rows = printed.dark(line.x, line.baseline - 0.9 * em, line.last_x + 0.7 * em, line.baseline + 0.1 * em)
    assert rows, line
    return (rows[-1] - rows[0] + 1) * MM_PER_PX


def qr_code(printed: Printed) -> tuple[str, float, float]:
    """zbarimg's reading of the raster; the code's extent (mm) as zxing-cpp finds it there."""
    import zxingcpp

    run = subprocess.run(["zbarimg", "--raw", "-q", str(printed.raster)], capture_output=True, text=True, timeout=60)
    found = zxingcpp.read_barcodes(memoryview(printed.pixels).cast("B", (printed.height, printed.width)))
    assert len(found) == 1, [f.text for f in found]
    p = found[0].position
    width = max(p.top_right.x, p.bottom_right.x) - min(p.top_left.x, p.bottom_left.x)
    height = max(p.bottom_left.y, p.bottom_right.y) - min(p.top_left.y, p.top_right.y)
    return run.stdout.strip(), width * MM_PER_PX, height * MM_PER_PX


def lowest_ink(printed: Printed) -> float:
    """How far down the page the lowest ink is, mm."""
    rows = printed.dark(0, 0, A4_MM[0], A4_MM[1], level=250)
    assert rows
    return (rows[-1] + 1) * MM_PER_PX


# -- the sites ------------------------------------------------------------------

@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The sample with the fullest two-officer board: 金马社区 (two officers, four
    staff) with a mobile, a four-character name, a long 两委 role, address and
    office hours, a station phone and the county's own 监督电话."""
    data = tmp_path_factory.mktemp("busy") / "data"
    shutil.copytree(SAMPLE, data)
    post = data / "posts/jinma-jinma.yml"
    text = post.read_text(encoding="utf-8")
    text = text.replace('phone: "0873-0620102"', 'phone: "139 0873 0102"', 1).replace("name: 李浩\n", "name: 欧阳明华\n", 1)
    text = re.sub(r"(?m)^(    village_role: ).*$", r"\1社区党总支副书记、居委会副主任", text, count=1)
    # Address and hours longer than one line (as in test_printables.long_site).
    text = re.sub(r"(?m)^address: .*$", "address: 金马镇金马社区居民委员会办公楼一楼东侧警务室（金马小学对面，公交站旁）", text)
    text = re.sub(r"(?m)^hours: .*$", "hours: 周一至周五 8:30—12:00，14:30—18:00；周六 9:00—12:00；节假日值班请拨打派出所电话", text)
    post.write_text(text, encoding="utf-8")
    stations = data / "stations.yml"
    stations.write_text(
        stations.read_text(encoding="utf-8").replace(
            "  - name: 金马派出所\n    township: 金马镇\n    strength: 17\n",
            "  - name: 金马派出所\n    township: 金马镇\n    strength: 17\n    phone: 0873-0671110\n",
        ),
        encoding="utf-8",
    )
    site = data / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + 'supervision: "0873-6612389"\n', encoding="utf-8")
    out = data.parent / "site"
    run = cunjing("build", "--data", data, "-d", out, "--today", "2026-12-01")
    assert run.code == 0, run.text
    with serve(out) as url:
        yield url, data


def check_board(printed: Printed, post: dict[str, Any], *, supervision: str, issued: str, station: str | None) -> None:
    """Everything issue 22 item 4 asks of a printed board, measured."""
    village = post["village"]
    assert printed.pages == 1
    # Fills the sheet.
    assert lowest_ink(printed) >= FILL * A4_MM[1], lowest_ink(printed)
    assert line_starting(printed, "监督电话").baseline >= 0.8 * A4_MM[1]  # the board's own content reaches down too
    # Every officer: name and phone in 16.5 mm type, the name no smaller; rank; photo (checked when printing).
    officers = [o for o in post["officers"] if o["id"] in village["officers"]]
    assert officers and printed.photos == len(officers)
    for officer in officers:
        phone = largest(printed, officer["phone"])
        name = largest(printed, officer["name"])
        assert phone.size >= TYPE_MM, (officer["phone"], phone.size)
        assert name.size >= phone.size - 0.01, (officer["name"], name.size, phone.size)
        assert figure_height(printed, phone) >= DIGITS_MM, (officer["phone"], figure_height(printed, phone))
        assert officer["rank"] in printed.text and officer["badge"] in printed.text
    # 110, as large.
    emergency = largest(printed, "110")
    assert emergency.size >= TYPE_MM, emergency
    assert figure_height(printed, emergency) >= DIGITS_MM
    # The QR code: at least 50 mm, decoding to the village's page.
    decoded, width, height = qr_code(printed)
    assert decoded == f"{SITE_URL}v/{village['id']}/"
    assert min(width, height) >= QR_MM, (width, height)
    # The post, its hours, the station, the staff, the lines to call, the date.
    flat = re.sub(r"\s+", "", printed.text)
    for wanted in (post["name"], post["address"], post["hours"], post["phone"], "警民相约"):
        assert wanted.replace(" ", "") in flat, wanted
    if station:
        assert f"派出所{station}（{post['station']}）" in flat
    else:
        assert not re.search(r"派出所[0-9]", flat)
    staff = [s for s in post.get("staff", []) if not s.get("villages") or village["id"] in s["villages"]]
    for person in staff:
        assert f"{person['role']}{person['name']}{person['phone']}".replace(" ", "") in flat, person
    assert "防范电信网络诈骗" in flat and "反诈专线96110" in flat
    assert f"监督电话{supervision}" in flat
    assert f"发布日期：{issued}" in flat
    assert "示例数据" in flat  # the sample's banner


def test_a_two_officer_board_meets_item_4(browser: Any, busy: tuple[str, Path], tmp_path: Path) -> None:
    """The done-when of item 4: the fullest two-officer board, measured in millimetres."""
    tools()
    url, data = busy
    printed = print_pdf(browser, url + "print/v/jinma/", tmp_path / "jinma")
    post = posts(data)["jinma"]
    assert len(post["village"]["officers"]) == 2 and len(post["staff"]) == 4
    assert station_phone(post, data) == "0873-0671110"
    check_board(printed, post, supervision="0873-6612389", issued="2026年12月1日", station=station_phone(post, data))
    assert "139 0873 0102" in printed.text and "欧阳明华" in printed.text


@pytest.mark.parametrize("village", EXTREMES)
def test_sample_boards_meet_item_4(browser: Any, served: str, tmp_path: Path, village: str) -> None:
    """The sample's boards with the most on them (two officers; one with most staff)."""
    tools()
    printed = print_pdf(browser, served + f"print/v/{village}/", tmp_path / village)
    post = posts()[village]
    station = station_phone(post)
    year, month, day = (int(n) for n in TODAY.split("-"))
    check_board(printed, post, supervision="12389", issued=f"{year}年{month}月{day}日", station=station)
    if village in TWO_OFFICERS:
        assert len(post["village"]["officers"]) == 2


# The board as it was before item 4: the top two-thirds of the sheet, phones in
# 9.2 mm type, names larger, a 49 mm QR code (its modules 43 mm).
OLD_BOARD = """
@media print {
  body.cj-board { min-height: 0; }
  .cj-board main { justify-content: flex-start; }
  .cj-board .cj-board__name { font-size: 24pt; }
  .cj-board .cj-board__phone { font-size: 26pt; }
  .cj-board .cj-board__emergency a { font-size: 32pt; }
  .cj-board .cj-board__qr svg { width: 49mm; }
}
"""


def test_the_measures_catch_the_old_board(browser: Any, served: str, tmp_path: Path) -> None:
    """The measures read what is printed: the board laid out as before fails each
    of them, and known sizes come out as they are."""
    tools()
    printed = print_pdf(browser, served + "print/v/changan/", tmp_path / "old", css=OLD_BOARD)
    post = posts()["changan"]
    with pytest.raises(AssertionError):
        check_board(printed, post, supervision="12389", issued="", station="0873-0662110")
    phone = largest(printed, "0873-0610102")
    assert abs(phone.size - 26 * MM_PER_PT) < 0.05  # 9.2 mm: the type size as drawn
    assert 0.68 < figure_height(printed, phone) / phone.size < 0.78  # figures are about 0.73 em tall
    assert lowest_ink(printed) < FILL * A4_MM[1] or line_starting(printed, "监督电话").baseline < 0.8 * A4_MM[1]
    assert min(qr_code(printed)[1:]) < QR_MM
    assert largest(printed, "示例数据：人名、电话均为虚构").size == pytest.approx(12 * MM_PER_PT, abs=0.02)


# -- 警民联系卡 ----------------------------------------------------------------

def test_contact_cards_carry_the_post_and_nothing_under_10_pt(browser: Any, served: str, tmp_path: Path) -> None:
    tools()
    post = posts()["changan"]
    printed = print_pdf(browser, served + "print/officers/li-jianguo/", tmp_path / "cards")
    assert printed.pages == 1
    smallest = min(printed.lines, key=lambda line: line.size)
    assert smallest.size >= CARD_PT * MM_PER_PT - 0.01, (smallest.text, smallest.size / MM_PER_PT)
    flat = re.sub(r"\s+", "", printed.text)
    for wanted in (post["phone"], post["address"], post["hours"], post["name"], "李建国", "0873-0610102"):
        assert flat.count(wanted.replace(" ", "")) >= 8, wanted
    assert len(lines_saying(printed, "警民联系卡")) == 8


def test_long_contact_cards_keep_to_10_pt(browser: Any, busy: tuple[str, Path], tmp_path: Path) -> None:
    """An officer of two villages, with a mobile: still 8 cards, 10 pt at least."""
    tools()
    url, _ = busy
    printed = print_pdf(browser, url + "print/officers/pu-yumin/", tmp_path / "cards")
    assert printed.pages == 1
    assert min(line.size for line in printed.lines) >= CARD_PT * MM_PER_PT - 0.01
    assert re.sub(r"\s+", "", printed.text).count("13908730102") >= 8
