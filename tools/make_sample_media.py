"""Make the sample county's lecture media, offline (run once; the results are committed).

    data/audio/jindu-guangbo.mp3      espeak-ng (Mandarin) + lame, 8 kbps mono: its
                                      transcript is the body of data/lectures/jindu-guangbo.md
    data/materials/tiaojie-yaodian.pdf  a one-page handout, a PDF written by hand
    data/materials/toukui.jpg           a small poster screenshot by Chromium

Needs: apt-get install espeak-ng lame chromium fonts-noto-cjk; pip install playwright.
Usage: python3 tools/make_sample_media.py
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CHROMIUM = "/usr/bin/chromium"

HANDOUT = [
    (20, "人民调解工作要点"),
    (13, "一、调解坚持双方自愿、平等，依法调解，不得强迫。"),
    (13, "二、先让双方把话说完，再看现场、查证据，最后讲法律。"),
    (13, "三、有人身危险、可能激化的纠纷，立即报告社区民警。"),
    (13, "四、达成协议的，写成书面调解协议，双方签字或按手印。"),
    (13, "五、调解协议可以共同向人民法院申请司法确认。"),
    (13, "六、调解不成的，告诉当事人可以申请仲裁或者向法院起诉。"),
    (10, "示例数据：泸西县一村一警网站的演示讲义。"),
]

POSTER = """<!doctype html><html lang="zh-CN"><meta charset="utf-8">
<style>body{margin:0;width:480px;height:320px;display:flex;flex-direction:column;align-items:center;
justify-content:center;background:#1f3b63;color:#fff;font-family:"Noto Sans CJK SC",sans-serif}
.t{font-size:56px;font-weight:700;letter-spacing:.1em}.s{font-size:26px;margin-top:.6em}
.c{width:110px;height:70px;border-radius:60px 60px 12px 12px;background:#f5c518;margin-bottom:18px}</style>
<div class="c"></div><div class="t">一盔一带</div><div class="s">骑摩托车 · 戴好头盔</div>
</html>"""


def transcript(lecture: Path) -> str:
    """The body of a lecture file (after the front matter)."""
    text = lecture.read_text(encoding="utf-8")
    body = re.split(r"^---\s*$", text, maxsplit=2, flags=re.M)[2]
    return "\n".join(line for line in body.splitlines() if line.strip())


def make_audio() -> None:
    text = transcript(DATA / "lectures" / "jindu-guangbo.md")
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "speech.wav"
        subprocess.run(["espeak-ng", "-v", "cmn", "-s", "160", "-w", str(wav), text], check=True)
        subprocess.run(
            ["lame", "--quiet", "-m", "m", "-b", "8", "--resample", "16", str(wav),
             str(DATA / "audio" / "jindu-guangbo.mp3")],
            check=True,
        )


def pdf(lines: list[tuple[int, str]]) -> bytes:
    """A one-page A4 PDF written by hand: Adobe's standard Chinese font STSong-Light,
    not embedded (every PDF reader substitutes a Song typeface), so it stays tiny."""
    text = ["BT", "72 770 Td"]
    for size, line in lines:
        text += [f"/F1 {size} Tf", f"<{line.encode('utf-16-be').hex().upper()}> Tj", f"0 -{size * 2} Td"]
    stream = "\n".join([*text, "ET"]).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        b"/FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 880 /StemV 93 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_documents() -> None:
    from playwright.sync_api import sync_playwright

    (DATA / "materials" / "tiaojie-yaodian.pdf").write_bytes(pdf(HANDOUT))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 480, "height": 320})
        page.set_content(POSTER)
        page.screenshot(path=str(DATA / "materials" / "toukui.jpg"), type="jpeg", quality=70)
        browser.close()


if __name__ == "__main__":
    (DATA / "audio").mkdir(exist_ok=True)
    (DATA / "materials").mkdir(exist_ok=True)
    make_audio()
    make_documents()
    for path in sorted([*(DATA / "audio").iterdir(), *(DATA / "materials").iterdir()]):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
