"""Notice boards (社区警务公示牌), contact cards (警民联系卡) and QR codes.

Each printable must come out of Chromium's print-to-PDF as exactly one A4
page; every QR code must decode (zbarimg) to its page's permanent URL.
"""

from __future__ import annotations

import base64
import http.server
import io
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import SAMPLE, TODAY, cunjing, require


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

SITE_URL = "https://cunjing.example.org/luxi/"
A4 = (595.3, 841.9)  # points (210 x 297 mm)


def sample_posts() -> list[dict[str, Any]]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8")) | {"id": p.stem}
        for p in sorted(SAMPLE.glob("posts/*.yml"))
    ]


def printable_urls(posts: list[dict[str, Any]]) -> list[str]:
    urls = [f"print/v/{v['id']}/" for p in posts for v in p["villages"]]
    return urls + [f"print/officers/{o['id']}/" for p in posts for o in p["officers"]]


def digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)


def qr_of(html: str, css_class: str, nth: int = 0) -> str:
    found = re.findall(rf'<figure class="{css_class}">(<svg .*?</svg>)', html, re.S)
    assert len(found) > nth, css_class
    return found[nth]


# -- what the printables say ---------------------------------------------------------

def test_notice_board_for_every_village(site: Path) -> None:
    for post in sample_posts():
        for village in post["villages"]:
            html = (site / f"print/v/{village['id']}/index.html").read_text(encoding="utf-8")
            assert "社区警务公示牌" in html and village["name"] in html
            assert post["address"] in html and post["hours"] in html and post["name"] in html
            assert 'href="tel:110"' in html and "防范电信网络诈骗" in html
            for officer in (o for o in post["officers"] if o["id"] in village["officers"]):
                assert officer["name"] in html and officer["rank"] in html and officer["badge"] in html
                assert f'href="tel:{digits(officer["phone"])}"' in html
            for person in post.get("staff", []):  # the village's auxiliary police and coordinators
                shown = not person.get("villages") or village["id"] in person["villages"]
                assert (f'href="tel:{digits(person["phone"])}"' in html) == shown, person
            assert "<dt>警民相约</dt>" in html and "反诈专线 <span" in html and "监督电话 <span class=\"cj-num\">12389</span>" in html
            assert f"发布日期：{TODAY[:4]}年{int(TODAY[5:7])}月{int(TODAY[8:])}日" in html
            assert "md-header" not in html and "<nav" not in html  # no site chrome
            assert 'href="../../../assets/cunjing/print.css"' in html
            assert f'<a href="../../../v/{village["id"]}/">返回网页版</a>' in html


def test_contact_cards_for_every_officer(site: Path) -> None:
    for post in sample_posts():
        for officer in post["officers"]:
            html = (site / f"print/officers/{officer['id']}/index.html").read_text(encoding="utf-8")
            assert html.count('<article class="cj-card">') == 8
            served = "、".join(v["name"] for v in post["villages"] if officer["id"] in v["officers"])
            assert html.count(f"负责：{served}</p>") == 8
            assert html.count("警民联系卡</p>") == 8 and html.count(officer["badge"]) == 8
            # The post: its phone, address and office hours on every card.
            assert html.count(f'href="tel:{digits(post["phone"])}"') == 8
            assert html.count(f"地址：{post['address']}</p>") == 8 and html.count(f"办公时间：{post['hours']}</p>") == 8


def test_village_and_officer_pages_link_their_printables(site: Path) -> None:
    village = (site / "v/changan/index.html").read_text(encoding="utf-8")
    assert 'href="../../print/v/changan/">打印本村“社区警务公示牌”</a>' in village
    officer = (site / "officers/li-jianguo/index.html").read_text(encoding="utf-8")
    assert 'href="../../print/officers/li-jianguo/">打印“警民联系卡”' in officer


# -- print to PDF in Chromium -----------------------------------------------------------

def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2, (width, height)
    return len(reader.pages)


# The page box: A4 less print.css's 12 mm margins, in CSS pixels (96 per inch).
PAGE_BOX = (round(186 / 25.4 * 96), 273 / 25.4 * 96)


# Whether every picture has loaded, how many cards cut something off, and the
# page's height: one round trip to the browser per page.
LAID_OUT = """() => [
  [...document.images].every(i => i.complete && i.naturalWidth > 0),
  [...document.querySelectorAll('.cj-card')].filter(c => c.scrollHeight > c.clientHeight + 1).length,
  document.documentElement.scrollHeight,
]"""


def check_prints(browser: Any, base: str, urls: list[str], *, pdf: bool = True) -> dict[str, float]:
    """Lay each printable out for print and return its height; with pdf, print it too.

    Laid out at the page box's width under print media, a printable must be
    no taller than the page box, nothing on a card may be cut off, and the
    PDF (format A4) must have exactly one page.
    """
    heights = {}
    context = browser.new_context(viewport={"width": PAGE_BOX[0], "height": 300})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("requestfailed", lambda r: errors.append(r.url))
        page.emulate_media(media="print")
        for url in urls:
            page.goto(base + url)
            loaded, overflowing, heights[url] = page.evaluate(LAID_OUT)
            assert loaded, url
            assert overflowing == 0, url  # nothing on a card is cut off
            assert heights[url] <= PAGE_BOX[1], (url, heights[url])
            if pdf:
                assert page_count(page.pdf(format="A4", print_background=True)) == 1, url
        assert not errors, errors
    finally:
        context.close()
    return heights


def test_every_printable_is_one_a4_page(browser: Any, served: str) -> None:
    """All printables are laid out for print; the tallest of each kind are printed to PDF."""
    urls = printable_urls(sample_posts())
    heights = check_prints(browser, served, urls, pdf=False)
    boards = sorted((u for u in urls if u.startswith("print/v/")), key=heights.__getitem__)
    cards = sorted((u for u in urls if u.startswith("print/officers/")), key=heights.__getitem__)
    # The tallest (a two-officer board), the shortest, and a spread in between.
    subset = boards[-3:] + boards[:1] + boards[::25] + cards[-3:] + cards[::20]
    check_prints(browser, served, sorted(set(subset)))
    assert heights[boards[-1]] > 0.8 * PAGE_BOX[1]  # the measure is real: boards fill most of the page


@pytest.fixture
def long_site(data: Path, tmp_path: Path) -> Iterator[str]:
    """The sample with the longest content a board or card is likely to get."""
    post = data / "posts/zhongshu-xingzhi.yml"
    text = post.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^address: .*$", "address: 中枢镇行知村村民委员会办公楼一楼东侧警务室（行知小学对面，公交站旁）", text)
    text = re.sub(r"(?m)^hours: .*$", "hours: 周一至周五 8:30—12:00，14:30—18:00；周六 9:00—12:00；节假日值班请拨打派出所电话", text)
    text = re.sub(r"(?m)^(    rank: ).*$", r"\1二级警长", text)
    text = re.sub(r"(?m)^(    village_role: ).*$", r"\1村党总支副书记、村民委员会副主任、人民调解委员会主任", text)
    # One officer serves all four villages, with long names.
    text = re.sub(r"officers: \[wu-lan\]", "officers: [yang-minbo]", text)
    for short, long in [("行知村", "行知村民委员会"), ("黑舍村", "黑舍彝族村民委员会"), ("石洞村", "石洞苗族彝族村民委员会"), ("大兴村", "大兴村民委员会")]:
        text = text.replace(f"name: {short}\n", f"name: {long}\n")
    post.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    run = cunjing("build", "--data", data, "-d", out, "--today", TODAY)
    assert run.code == 0, run.text
    handler = partial(QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_longest_content_still_fits_one_page(browser: Any, long_site: str) -> None:
    urls = ["print/v/xingzhi/", "print/v/daxing/", "print/officers/yang-minbo/", "print/officers/wu-lan/"]
    check_prints(browser, long_site, urls)


def test_long_cards_count_the_villages_instead_of_naming_them(long_site: str) -> None:
    """Four long village names, a long address and long hours: the card says how
    many villages the officer serves (its page, by the QR code, names them)."""
    from urllib.request import urlopen

    with urlopen(long_site + "print/officers/yang-minbo/") as reply:
        html = reply.read().decode("utf-8")
    assert html.count("负责 4 个村（社区）</p>") == 8 and "负责：" not in html
    assert html.count("办公时间：周一至周五 8:30—12:00，14:30—18:00；周六") == 8


# -- QR codes ----------------------------------------------------------------------

RASTERISE = """async svgs => {
  const out = [];
  for (const svg of svgs) {
    const source = new XMLSerializer().serializeToString(svg);
    const image = new Image();
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(source);
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width * 2 + 40;
    canvas.height = image.height * 2 + 40;
    const draw = canvas.getContext("2d");
    draw.fillStyle = "#fff";
    draw.fillRect(0, 0, canvas.width, canvas.height);
    draw.imageSmoothingEnabled = false;
    draw.drawImage(image, 20, 20, image.width * 2, image.height * 2);
    out.push(canvas.toDataURL("image/png").split(",")[1]);
  }
  return out;
}"""


def decode(browser: Any, svgs: list[str], tmp: Path) -> list[str]:
    """Draw each SVG as Chromium does (to PNG), then decode them all with zbarimg."""
    require(None if shutil.which("zbarimg") else "需要 zbarimg（apt-get install zbar-tools）")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content("<!doctype html><body>" + "".join(svgs) + "</body>")
        pngs = page.eval_on_selector_all("body > svg", RASTERISE)
    finally:
        context.close()
    assert len(pngs) == len(svgs)
    files = []
    for i, png in enumerate(pngs):
        path = tmp / f"q{i:04d}.png"
        path.write_bytes(base64.b64decode(png))
        files.append(str(path))
    run = subprocess.run(["zbarimg", "--raw", "-q", *files], capture_output=True, text=True, timeout=300)
    lines = run.stdout.splitlines()
    assert len(lines) == len(svgs), (run.returncode, run.stderr)
    return lines


def test_every_qr_code_decodes_to_its_page(browser: Any, site: Path, tmp_path: Path) -> None:
    svgs: list[str] = []
    urls: list[str] = []
    for post in sample_posts():
        for village in post["villages"]:
            url = f"{SITE_URL}v/{village['id']}/"
            page = (site / f"v/{village['id']}/index.html").read_text(encoding="utf-8")
            board = (site / f"print/v/{village['id']}/index.html").read_text(encoding="utf-8")
            svgs += [qr_of(page, "cj-qr"), qr_of(board, "cj-board__qr")]
            urls += [url, url]
        for officer in post["officers"]:
            url = f"{SITE_URL}officers/{officer['id']}/"
            page = (site / f"officers/{officer['id']}/index.html").read_text(encoding="utf-8")
            cards = (site / f"print/officers/{officer['id']}/index.html").read_text(encoding="utf-8")
            svgs += [qr_of(page, "cj-qr"), qr_of(cards, "cj-card__qr", 7)]
            urls += [url, url]
    assert decode(browser, svgs, tmp_path) == urls


def test_qr_code_on_the_served_page(browser: Any, served: str, tmp_path: Path) -> None:
    require(None if shutil.which("zbarimg") else "需要 zbarimg（apt-get install zbar-tools）")
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    try:
        page = context.new_page()
        for path, url in [("v/changan/", "v/changan/"), ("officers/li-peng/", "officers/li-peng/")]:
            page.goto(served + path)
            page.locator("summary", has_text="给家人、邻居扫一扫").click()  # folded on phones
            shot = tmp_path / "qr.png"
            page.locator(".cj-qr svg").screenshot(path=str(shot))
            run = subprocess.run(["zbarimg", "--raw", "-q", str(shot)], capture_output=True, text=True, timeout=60)
            assert run.stdout.strip() == SITE_URL + url
            assert SITE_URL not in page.locator(".cj-qr").inner_text()  # no raw address on screen
    finally:
        context.close()


def test_card_layout_names_villages_while_the_lines_fit() -> None:
    from generator.core.printfit import CARD_LINES, card_layout

    hours = "周一至周五 8:30—12:00，14:30—18:00"
    short = card_layout(["长安社区"], "长安社区警务室", "0873-0610101", "中枢镇长安社区居委会一楼", hours, "每周三 9:00—11:30")
    assert short.list_villages and short.reception and short.lines <= CARD_LINES
    long = card_layout(["石洞苗族彝族村民委员会"] * 4, "行知村警务室", "0873-0610701", "中枢镇" * 12, hours * 2, "每周三 9:00—11:30")
    assert not long.list_villages and not long.reception
