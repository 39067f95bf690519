"""Word documents (.docx) beside the Markdown ones: started with `cunjing new … --docx`,
filled in Word (python-docx stands in for it), they build into the same pages,
printables and feeds; their pictures are published under media/; deleted tracked
changes and comments never reach the page; markup typed into Word stays text;
mistakes are named by file, table row and the Chinese label; old .doc files and
damaged ones get a message, never a traceback."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import docx
import feedparser
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches

from conftest import check, cunjing


def png(rgb: bytes = b"\x00\x80\xff") -> bytes:
    """A real 1×1 PNG picture."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" + rgb)) + chunk(b"IEND", b"")


def created_docx(out: str) -> Path:
    match = re.search(r"已新建 (\S+?\.docx)", out)
    assert match, out
    return Path(match.group(1))


def set_cell(document: docx.document.Document, label: str, value: str) -> None:
    for row in document.tables[0].rows:
        if row.cells[0].text == label:
            row.cells[1].text = value
            return
    raise AssertionError(f"no row {label}")


def drop_placeholder_paragraphs(document: docx.document.Document) -> None:
    for paragraph in list(document.paragraphs):
        if "【请填写" in paragraph.text:
            paragraph._p.getparent().remove(paragraph._p)


def tracked(paragraph: docx.text.paragraph.Paragraph, deleted: str, inserted: str) -> None:
    """Tracked changes written as Word writes them: <w:del> with <w:delText>, <w:ins>."""
    for tag, text_tag, text in (("w:del", "w:delText", deleted), ("w:ins", "w:t", inserted)):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "90" if tag == "w:del" else "91")
        change.set(qn("w:author"), "宣传科")
        change.set(qn("w:date"), "2026-11-20T10:00:00Z")
        run = OxmlElement("w:r")
        node = OxmlElement(text_tag)
        node.text = text
        run.append(node)
        change.append(run)
        paragraph._p.append(change)


class Body(HTMLParser):
    """The tags and text inside the page's div.cj-body (the printable's div.cj-bulletin__body)."""

    def __init__(self, css: str = "cj-body") -> None:
        super().__init__()
        self.css = css
        self.depth = 0
        self.tags: list[str] = []
        self.images: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.tags.append(tag)
            if tag == "img":
                self.images.append(dict(attrs)["src"] or "")
            if tag != "img":
                self.depth += 1
        elif tag == "div" and self.css in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag != "img":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text += data


def body_of(page: Path, css: str = "cj-body") -> Body:
    parser = Body(css)
    parser.feed(page.read_text(encoding="utf-8"))
    assert parser.tags or parser.text, page
    return parser


def resolve(page: Path, src: str) -> Path:
    return (page.parent / PurePosixPath(src)).resolve()


def built_page(data: Path, tmp_path: Path, today: str, rel: str) -> str:
    """Check the data (no errors), build the site and read the page at ``rel``."""
    check(data, 0)
    out = tmp_path / "site"
    assert cunjing("build", "--data", data, "-d", out, "--today", today).code == 0
    return (out / rel / "index.html").read_text(encoding="utf-8")


def test_a_notice_written_in_word_builds_with_its_text_and_picture(data: Path, tmp_path: Path) -> None:
    run = cunjing(
        "new", "notice", "--docx", "--post", "zhongshu-changan", "--title", "警惕冒充客服诈骗",
        "--data", data, "--today", "2026-11-28",
    )
    assert run.code == 0, run.text
    path = created_docx(run.out)
    assert path.parent == data / "notices" and path.name == "2026-11-28-zhongshu-changan-notice.docx"

    # Unfilled, the template is refused, naming the body paragraph.
    err = check(data)
    assert f"{path.name} 正文第1段: 错误：" in err and "模板的提示文字" in err

    word = docx.Document(str(path))
    set_cell(word, "级别", "预警")
    drop_placeholder_paragraphs(word)
    word.add_heading("发生了什么", level=1)
    para = word.add_paragraph("有人冒充客服打电话，")
    para.add_run("要求转账的都是诈骗").bold = True
    para.add_run("。<script>alert(1)</script> **不是加粗** [链接](https://evil.example/)")
    tracked(para, deleted="删掉的旧说法", inserted="补上的新说法")
    word.add_comment(para.runs[0], text="批注：内部讨论的话", author="审核")
    word.add_paragraph("挂断电话", style="List Bullet")
    word.add_paragraph("打 110 核实", style="List Bullet")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "时间", "地点"
    table.cell(1, 0).text, table.cell(1, 1).text = "11月20日", "长安社区"
    picture = png()
    word.add_picture(io.BytesIO(picture), width=Inches(1))
    word.save(str(path))

    check(data, 0)
    out = tmp_path / "site"
    assert cunjing("build", "--data", data, "-d", out, "--today", "2026-11-28").code == 0
    page = out / "notices/2026-11-28-zhongshu-changan-notice/index.html"
    body = body_of(page)
    assert {"h2", "strong", "ul", "li", "table", "td", "img"} <= set(body.tags)
    assert "要求转账的都是诈骗" in body.text and "打 110 核实" in body.text
    # Markup typed into Word is text: no script element, no Markdown bold, no link.
    assert "<script>alert(1)</script>" in body.text and "**不是加粗**" in body.text
    assert "script" not in body.tags and "a" not in body.tags
    # Tracked changes as accepted: the insertion shows, the deletion and the comment never do.
    assert "补上的新说法" in body.text
    html = page.read_text(encoding="utf-8")
    assert "删掉的旧说法" not in html and "内部讨论的话" not in html
    # The picture is published under media/, named by its content, and found from the page.
    (src,) = body.images
    assert re.fullmatch(r"(\.\./)+media/word/[0-9a-f]{20}\.png", src), src
    assert resolve(page, src).read_bytes() == picture
    # The printable and the feed show it too.
    printable = out / "print/notices/2026-11-28-zhongshu-changan-notice/index.html"
    (print_src,) = body_of(printable, "cj-bulletin__body").images
    assert resolve(printable, print_src).read_bytes() == picture
    feed = feedparser.parse((out / "feeds/all.atom.xml").read_bytes())
    entry = next(e for e in feed.entries if e.title == "【预警】警惕冒充客服诈骗")
    assert "要求转账的都是诈骗" in entry.content[0].value and "删掉的旧说法" not in entry.content[0].value

    # The same data builds the same bytes.
    again = tmp_path / "again"
    assert cunjing("build", "--data", data, "-d", again, "--today", "2026-11-28").code == 0
    for rel in ("notices/2026-11-28-zhongshu-changan-notice/index.html", src.replace("../", ""),
                "feeds/all.atom.xml", "print/notices/2026-11-28-zhongshu-changan-notice/index.html"):
        assert (out / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_a_report_in_word_keeps_its_figures(data: Path, tmp_path: Path) -> None:
    run = cunjing("new", "report", "--docx", "--post", "zhongshu-changan", "--data", data, "--today", "2026-12-02")
    assert run.code == 0, run.text
    path = created_docx(run.out)
    assert path.stem.startswith("2026-11-zhongshu-changan")
    word = docx.Document(str(path))
    labels = [row.cells[0].text for row in word.tables[0].rows]
    assert labels[:5] == ["标题", "日期", "警务室编号", "报告期开始日期", "报告期结束日期"]
    values = {row.cells[0].text: row.cells[1].text for row in word.tables[0].rows}
    assert values["报告期开始日期"] == "2026-11-01" and values["报告期结束日期"] == "2026-11-30"
    set_cell(word, "标题", "长安社区警务室11月工作报告")
    for label in labels[5:]:
        set_cell(word, label, "7")
    set_cell(word, "调解化解", "3")
    row = word.tables[0].add_row().cells
    row[0].text, row[1].text = "帮扶困难群众", "2"
    drop_placeholder_paragraphs(word)
    word.add_paragraph("本月走访了长安社区各小区。")
    word.save(str(path))
    html = built_page(data, tmp_path, "2026-12-02", f"reports/{path.stem}")
    assert "本月走访了长安社区各小区。" in html
    for label in ("走访户数", "调解化解", "帮扶困难群众"):
        assert label in html


def test_mistakes_name_the_table_row_and_its_label(data: Path) -> None:
    word = docx.Document()
    table = word.add_table(rows=0, cols=2)
    for label, value in (
        ("标题", "防溺水"), ("日期", "2026-12-01"), ("级别", "紧急"), ("警务室", "zhongshu-chang-an"),
        ("有效期至", "2026-11-01"), ("有效期", "2026-12-31"),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    word.add_paragraph("请看好孩子。")
    word.save(str(data / "notices/fangnishui.docx"))
    err = check(data)
    rows = [line for line in err.splitlines() if "fangnishui.docx" in line]
    assert any("fangnishui.docx 表格第3行（级别）: 错误：" in r and "提示、预警、通报" in r for r in rows), err
    assert any("表格第6行（有效期）: 错误：" in r and "是否想写“有效期至”" in r for r in rows), err
    assert "Traceback" not in err and "[0]" not in "".join(rows)

    # With the level fixed, the place and the date are checked the same way as in Markdown.
    word = docx.Document(str(data / "notices/fangnishui.docx"))
    set_cell(word, "级别", "预警")
    word.tables[0]._tbl.remove(word.tables[0].rows[5]._tr)
    word.save(str(data / "notices/fangnishui.docx"))
    err = check(data)
    assert "fangnishui.docx 表格第4行（警务室）: 错误：" in err and "zhongshu-chang-an" in err
    assert "fangnishui.docx 表格第5行（有效期至）: 错误：有效期至 2026-11-01 早于发布日期 2026-12-01" in err


def test_old_and_damaged_word_files_get_a_message(data: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (data / "notices/tongzhi.doc").write_bytes(ole)
    (data / "reports/baogao.wps").write_bytes(ole)
    (data / "notices/renamed.docx").write_bytes(ole)
    (data / "notices/broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    half = io.BytesIO()
    with zipfile.ZipFile(half, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document")
    (data / "lectures/half.docx").write_bytes(half.getvalue())
    err = check(data)
    assert "Traceback" not in err
    doc = [line for line in err.splitlines() if "tongzhi.doc" in line]
    assert len(doc) == 1 and "另存为" in doc[0] and "Word 文档 (*.docx)" in doc[0] and "WPS" in doc[0]
    assert sum("baogao.wps" in line for line in err.splitlines()) == 1
    assert "renamed.docx: 错误：" in err and "旧的 Word/WPS 格式" in err
    for name in ("broken.docx", "half.docx"):
        assert any(name in line and "打不开" in line for line in err.splitlines()), err


def test_the_guard_reads_word_documents(data: Path) -> None:
    word = docx.Document()
    table = word.add_table(rows=0, cols=2)
    for label, value in (("标题", "失物招领"), ("日期", "2026-11-20"), ("级别", "提示")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    word.add_paragraph("捡到钱包一个。")
    word.add_paragraph("失主请联系 139 1234 5678 认领。")
    word.save(str(data / "notices/shiwu.docx"))
    err = check(data)
    assert "shiwu.docx 正文第2段: 错误：这一行含有手机号码（139*****678）" in err


def test_a_lecture_in_word(data: Path, tmp_path: Path) -> None:
    run = cunjing("new", "lecture", "--docx", "--kind", "以案说法", "--data", data, "--today", "2026-11-28")
    assert run.code == 0, run.text
    path = created_docx(run.out)
    word = docx.Document(str(path))
    set_cell(word, "标题", "一起土地纠纷的调解")
    for label in ("开始时间", "结束时间", "地点", "主讲人"):
        row = next(r for r in word.tables[0].rows if r.cells[0].text == label)
        word.tables[0]._tbl.remove(row._tr)
    set_cell(word, "主题", "土地纠纷、调解")
    set_cell(word, "资料", "materials/tiaojie-yaodian.pdf")
    drop_placeholder_paragraphs(word)
    word.add_paragraph("两户村民因为地界起了争执。")
    word.save(str(path))
    html = built_page(data, tmp_path, "2026-11-28", f"law/{path.stem}")
    assert "两户村民因为地界起了争执。" in html and "土地纠纷" in html and "tiaojie-yaodian.pdf" in html


def test_new_markdown_lecture_is_refused_until_filled(data: Path) -> None:
    run = cunjing("new", "lecture", "--title", "防范电信诈骗", "--data", data, "--today", "2026-11-28")
    assert run.code == 0, run.text
    path = Path(re.search(r"已新建 (\S+?\.md)", run.out).group(1))  # type: ignore[union-attr]
    err = check(data)
    assert f"{path.name}:" in err and "模板的提示文字" in err
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^(start|end|venue): .*\n", "", text, flags=re.M)
    text = text.replace("【请填写主讲人：本县民警写民警编号，其他人直接写姓名】", "li-jianguo")
    text = re.sub(r"【请填写[^】]*】", "反电诈", text)
    path.write_text(text, encoding="utf-8")
    check(data, 0)


def test_a_new_document_never_takes_a_name_used_in_another_format(data: Path) -> None:
    first = cunjing("new", "notice", "--data", data, "--today", "2026-11-28")
    second = cunjing("new", "notice", "--docx", "--data", data, "--today", "2026-11-28")
    assert first.code == 0 and second.code == 0
    assert created_docx(second.out).name == "2026-11-28-notice-2.docx"
