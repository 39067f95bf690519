"""Word documents (.docx as Word and WPS save them) written by editors:
reports, notices and lectures beside the Markdown files.

A document starts with a small two-column table of its fields (标题 | …,
日期 | 2026-12-01 …), labelled with the Chinese titles of the record the
Markdown front matter is validated with; the text below the table is the body.

* The table is read with python-docx (its rows and cells); each value goes to
  the field path its label names, and the values become a ``Document`` whose
  "lines" are table rows, so the front matter's checks and messages apply as
  they are; ``TableProblems`` turns "line 3" into "表格第3行（有效期至）".
* The body is turned into HTML by mammoth (headings, paragraphs, bold, lists,
  tables, pictures; deleted tracked changes and comments are left out) and
  sanitised like every other body. Text typed into Word stays text.
* Pictures are published under media/word/, named by a hash of their bytes,
  so builds are byte-reproducible.
* An old .doc/.wps (or one renamed .docx) and a damaged file get one message.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from markupsafe import Markup
from pydantic import BaseModel

from .documents import PLACEHOLDER
from .files import data_files, display_path
from .markup import sanitise_body
from .problems import Problem, Problems, Severity
from .yamlio import Document, read_limited

WORD = ".docx"
OLD_WORD = (".doc", ".wps")
MAX_DOCX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # a "zip bomb" is refused, not unpacked
MEDIA = "media/word/"  # where pictures from Word documents are published

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps (and .xls) before 2007
_IMAGE_TYPES = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)
SAVE_AS = (
    "请用 Word 打开它，点“文件 → 另存为”，保存类型选“Word 文档 (*.docx)”；"
    "用 WPS 的，点左上角“文件 → 另存为”，文件类型选“Word 文件 (*.docx)”。"
    "保存后把旧文件移出这个文件夹。"
)


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def old_word_message(name: str) -> str:
    return f"“{name}”是旧的 Word/WPS 格式，网站读不了。{SAVE_AS}"


def damaged_message(name: str) -> str:
    return (
        f"“{name}”打不开，文件可能损坏了或者没有保存完整。请用 Word 或 WPS 打开它，"
        "能打开就“另存为”一份新的 .docx；打不开就从原稿重新保存一份。"
    )


def document_files(folder: Path, what: str, problems: Problems, word: bool) -> list[Path]:
    """The .md files of a content folder, with ``word`` also the .docx ones.

    An old .doc or .wps gets one message (how to save it as .docx) instead
    of the folder's usual warnings and file-name rules."""
    if not word:
        return data_files(folder, (".md",), what, problems)
    scratch = Problems()
    found = data_files(folder, (".md", WORD), what, scratch)
    old = sorted(
        p for p in (folder.iterdir() if folder.is_dir() else ())
        if p.suffix.lower() in OLD_WORD and p.is_file() and not p.name.startswith((".", "~$"))
    )
    shown = {display_path(p) for p in old}
    problems.extend(p for p in scratch if p.file not in shown)
    for path in old:
        problems.add(display_path(path), None, None, old_word_message(path.name))
    return found


def read_docx_bytes(path: Path, display: str, problems: Problems) -> bytes | None:
    """The file's bytes if it is a .docx that can be opened; else one message."""
    name = path.name
    raw = read_limited(
        path, display, problems, MAX_DOCX_BYTES,
        lambda size: f"文件有 {size / (1024 * 1024):.1f} MB，超过 20 MB。请把里面的图片压缩一下"
        "（在 Word 里点图片 → “图片格式 → 压缩图片”）后再保存。",
    )
    if raw is None:
        return None
    if raw.startswith(_OLE2):
        problems.add(display, None, None, f"“{name}”其实是旧的 Word/WPS 格式（只是改了名字）。{SAVE_AS}")
        return None
    damaged = damaged_message(name)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            has_body = "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        problems.add(display, None, None, damaged)
        return None
    if not has_body or unpacked > MAX_UNPACKED_BYTES:
        problems.add(display, None, None, damaged)
        return None
    return raw


# -- text, for the placeholder check and the personal-data guard -----------------------------


def _text(element: Any) -> str:
    """What a part of the document shows: its text (tracked deletions left out), one
    line per paragraph."""
    lines = []
    for paragraph in element.iter(_w("p")):
        if paragraph is not element and any(a.tag == _w("p") for a in paragraph.iterancestors()):
            continue  # a paragraph inside a text box is part of its outer paragraph
        parts = []
        for node in paragraph.iter(_w("t"), _w("tab"), _w("br")):
            if any(a.tag in (_w("del"), _w("moveFrom")) for a in node.iterancestors()):
                continue
            parts.append((node.text or "") if node.tag == _w("t") else " ")
        lines.append("".join(parts))
    if not lines:
        return "".join(node.text or "" for node in element.iter(_w("t")))
    return "\n".join(lines).strip()


def _blocks(body: Any) -> Iterator[Any]:
    """The paragraphs and tables of a body in order (content controls opened)."""
    for child in body:
        if child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (_w("p"), _w("tbl")):
            yield child


def _has_picture(element: Any) -> bool:
    return next(element.iter(_w("drawing"), _w("pict")), None) is not None


def _rows(table: Any) -> list[list[Any]]:
    """Each row's cells (a merged cell once)."""
    out = []
    for row in table.iter(_w("tr")):
        if row.getparent() is not table:
            continue
        out.append([cell for cell in row if cell.tag == _w("tc")])
    return out


@dataclass(frozen=True)
class Place:
    """Where a text stands in a document, as an editor finds it in Word."""

    where: str  # 表格第3行, 正文第2段, 第1张图片的说明文字
    text: str


def docx_places(raw: bytes, hidden: bool = False) -> list[Place] | None:
    """Every published text of a .docx with where it stands: the first table's rows
    (表格第N行), then paragraphs and later tables, footnotes and pictures'
    descriptions; with ``hidden``, also deleted tracked changes and comments (a
    .docx handed out as it is carries them). None if the file cannot be read."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()
                     if name in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml",
                                 "word/comments.xml")}
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        trees = {name: etree.fromstring(data, parser) for name, data in parts.items()}
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, etree.XMLSyntaxError):
        return None
    root = trees.get("word/document.xml")
    body = root.find(_w("body")) if root is not None else None
    if root is None or body is None:
        return None
    out: list[Place] = []
    paragraphs = tables = 0
    for block in _blocks(body):
        if block.tag == _w("tbl"):
            tables += 1
            name = "表格" if tables == 1 else f"第{tables}个表格"
            for r, cells in enumerate(_rows(block), 1):
                text = " | ".join(_text(cell) for cell in cells)
                if text.strip(" |"):
                    out.append(Place(f"{name}第{r}行", text))
        else:
            text = _text(block)
            if text.strip():
                paragraphs += 1
                out.append(Place(f"正文第{paragraphs}段", text))
    for name, label in (("word/footnotes.xml", "脚注"), ("word/endnotes.xml", "尾注")):
        if name in trees:
            text = _text(trees[name])
            if text.strip():
                out.append(Place(label, text))
    for n, picture in enumerate(root.iter(f"{{{_WP}}}docPr"), 1):
        text = " ".join(v for v in (picture.get("descr"), picture.get("title")) if v)
        if text.strip():
            out.append(Place(f"第{n}张图片的说明文字", text))
    if hidden:
        deleted = [node.text or "" for node in root.iter(_w("delText"))]
        if "".join(deleted).strip():
            out.append(Place("修订里删掉的文字（请在 Word 里“审阅 → 接受所有修订”）", " ".join(deleted)))
        if "word/comments.xml" in trees and _text(trees["word/comments.xml"]).strip():
            out.append(Place("批注（请删除批注）", _text(trees["word/comments.xml"])))
    return out


# -- the fields table ------------------------------------------------------------------------


@dataclass(frozen=True)
class Form:
    """How a kind's fields table maps to its record, besides the fields' own titles:
    ``extra`` labels name deeper paths (走访户数 -> stats.visits); labels nobody
    knows go under ``other`` (a report's own figures), or are refused."""

    extra: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    other: tuple[str, ...] | None = None
    skip: frozenset[str] = frozenset({"slug", "body"})  # fields that are not written in the table


def _normal(label: str) -> str:
    label = label.replace("(", "（").replace(")", "）")
    return re.sub(r"[\s\u3000*＊:：]", "", label)


def _list_fields(model: type[BaseModel]) -> set[str]:
    """The fields (by alias) that hold a list, as the record's JSON Schema says."""
    properties = model.model_json_schema(by_alias=True, mode="validation").get("properties", {})
    return {key for key, schema in properties.items() if schema.get("type") == "array"}


def _model_of(annotation: Any) -> type[BaseModel] | None:
    for option in (annotation, *get_args(annotation)):
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None


@dataclass(frozen=True)
class Label:
    text: str  # as the template writes it
    path: tuple[str, ...]
    many: bool  # a list: several values, separated by 、 or commas


def form_labels(model: type[BaseModel], form: Form) -> list[Label]:
    """Every label of a kind's fields table, in the record's order: a field's
    Chinese title (a nested record's fields: its title and theirs, e.g. 报告期开始日期),
    then the form's extra labels."""
    out: list[Label] = []
    lists = _list_fields(model)
    for name, info in model.model_fields.items():
        if name in form.skip:
            continue
        key = info.alias or name
        nested = _model_of(info.annotation)
        if nested is not None:
            for sub, sub_info in nested.model_fields.items():
                out.append(Label(f"{info.title}{sub_info.title}", (key, sub_info.alias or sub), False))
        else:
            out.append(Label(info.title or key, (key,), key in lists))
    out += [Label(text, path, False) for text, path in form.extra.items()]
    return out


def label_for(model: type[BaseModel], form: Form, path: tuple[str, ...]) -> str:
    """The label a template writes for a field path."""
    return next(label.text for label in form_labels(model, form) if label.path == path)


_SEPARATORS = re.compile(r"[、，,；;\s]+")


class TableProblems(Problems):
    """Problems of one Word document: a "line" is a row of its fields table,
    named with the label the editor sees (表格第3行（有效期至）); everything
    goes on to ``target`` as it is reported."""

    def __init__(self, target: Problems, display: str, rows: dict[int, str], titles: dict[str, str]) -> None:
        super().__init__()
        self.target = target
        self.display = display
        self.rows = rows  # row -> its label
        self.titles = titles  # top-level field -> its label

    def add(
        self, file: str, line: int | None, field: str | None, message: str, severity: Severity = "error",
    ) -> None:
        if file == self.display:
            if line is not None and line in self.rows:
                file = f"{self.display} 表格第{line}行（{self.rows[line]}）"
            elif line is not None:
                file = f"{self.display} 表格"
            elif field:
                key = re.match(r"[^.\[（]*", field)
                title = self.titles.get(key.group(0) if key else "")
                file = f"{self.display} 表格（{title}）" if title else self.display
            line, field = None, None
        super().add(file, line, field, message, severity)
        self.target.add(file, line, field, message, severity)

    def extend(self, problems: Iterable[Problem]) -> None:
        for p in problems:
            self.add(p.file, p.line, p.field, p.message, p.severity)


@dataclass
class WordDocument:
    """A Word document read: its fields as a Document (lines are table rows), the
    problems reported about it (rows named), its body as safe HTML (pictures at
    site-relative media/word/… addresses) and the pictures to publish."""

    meta: Document
    problems: TableProblems
    body: Markup
    media: dict[str, bytes]
    unfilled: bool = False  # template text left: the fields are not checked until it is filled

    @property
    def failed(self) -> bool:
        return bool(self.problems.errors)


def read_word(
    path: Path, display: str, model: type[BaseModel], form: Form, problems: Problems,
    body_required: bool = True,
) -> WordDocument | None:
    """Read a .docx: the fields table into the record's field paths, the body to HTML.

    None (after one message) when the file cannot be read at all; otherwise the
    document, with ``failed`` set when a problem was reported (unfilled template
    text, unknown labels, an empty body …); checking the fields is the caller's."""
    import docx
    from docx.table import Table

    raw = read_docx_bytes(path, display, problems)
    if raw is None:
        return None
    try:
        word = docx.Document(io.BytesIO(raw))
        body = word.element.body
        places = docx_places(raw)
    except Exception:  # a damaged package: python-docx raises many kinds (KeyError, XML errors …)
        places = None
    if places is None:
        problems.add(display, None, None, damaged_message(path.name))
        return None
    labels = form_labels(model, form)
    by_label = {_normal(label.text): label for label in labels}
    by_label.update({_normal(".".join(label.path)): label for label in labels})
    titles = {label.path[0]: label.text for label in labels if len(label.path) == 1}
    titles.update({label.path[0]: model.model_fields[label.path[0]].title or label.path[0]
                   for label in labels if len(label.path) > 1 and label.path[0] in model.model_fields})
    rows: dict[int, str] = {}
    reporter = TableProblems(problems, display, rows, titles)

    first = next((b for b in _blocks(body) if b.tag == _w("tbl") or _text(b) or _has_picture(b)), None)
    if first is None or first.tag != _w("tbl"):
        reporter.add(
            display, None, None,
            "文档最上面应是一个两列的表格：左边写项目（标题、日期……），右边写内容，"
            "表格下面写正文。可以用 cunjing new … --docx 新建一份照着填。",
        )
        return WordDocument(Document(display, {}), reporter, Markup(""), {})
    data: dict[str, Any] = {}
    lines: dict[tuple[str | int, ...], int] = {}
    seen: dict[tuple[str, ...], int] = {}
    template_left = False
    table = Table(first, word.part)
    for r, row in enumerate(table.rows, 1):
        cells = list({id(cell._tc): cell._tc for cell in row.cells}.values())
        texts = [_text(cell) for cell in cells]
        if not any(t.strip() for t in texts):
            continue
        label_text = texts[0].strip()
        rows[r] = label_text or "左边是空的"
        if len(texts) < 2:
            reporter.add(display, r, None, "这一行只有一格。左边写项目（如 标题），右边写内容。")
            continue
        value = texts[1].strip()
        if PLACEHOLDER in value or PLACEHOLDER in label_text:
            template_left = True
            reporter.add(display, r, None, f"这里还是模板的提示文字“{value}”，请改成实际内容。")
            continue
        label = by_label.get(_normal(label_text))
        if label is None:
            known = [item.text for item in labels]
            guess = difflib.get_close_matches(label_text, known, n=1, cutoff=0.5)
            if form.other is not None and not guess and label_text:
                label = Label(label_text, (*form.other, label_text), False)
            else:
                hint = f"是否想写“{guess[0]}”？" if guess else f"可以写的项目有：{'、'.join(known)}。"
                reporter.add(display, r, None, f"表格左边的“{label_text}”不是能填的项目。{hint}")
                continue
        if label.path in seen:
            reporter.add(display, r, None, f"“{label.text}”已经在表格第{seen[label.path]}行写过了，请删掉其中一行。")
            continue
        seen[label.path] = r
        for depth in range(1, len(label.path) + 1):
            lines.setdefault(label.path[:depth], r)
        lines[label.path] = r
        if not value:
            continue  # an empty cell: the field is not given (the record says whether it must be)
        parent: Any = data
        for key in label.path[:-1]:
            parent = parent.setdefault(key, {})
            if not isinstance(parent, dict):
                reporter.add(
                    display, r, None,
                    f"表格第{lines[label.path[:1]]}行已经写了“{data[key]}”，这一行和它冲突，请删掉其中一行。",
                )
                break
        else:
            items = [v for v in _SEPARATORS.split(value) if v] if label.many else value
            if label.many:
                for i in range(len(items)):
                    lines[(*label.path, i)] = r
            if isinstance(parent.get(label.path[-1]), dict):
                reporter.add(display, r, None, "这一行和下面分项写的数字冲突：两种写法只用一种，请删掉其中一种。")
                continue
            parent[label.path[-1]] = items
    meta = Document(display, data, dict(lines))
    html, media = _body_html(raw, display, reporter, body_required)
    unfilled = [p for p in places if not p.where.startswith("表格第") and PLACEHOLDER in p.text]
    for place in unfilled:
        reporter.add(f"{display} {place.where}", None, None,
                     f"这里还是模板的提示文字“{place.text.strip()}”，请改成实际内容。")
    return WordDocument(meta, reporter, html, media, bool(unfilled) or template_left)


def _body_html(
    raw: bytes, display: str, problems: Problems, required: bool,
) -> tuple[Markup, dict[str, bytes]]:
    """The body below the fields table as sanitised HTML, and its pictures."""
    import mammoth

    media: dict[str, bytes] = {}
    pictures = 0

    def picture(image: Any) -> dict[str, str]:
        nonlocal pictures
        pictures += 1
        try:
            with image.open() as handle:
                data = handle.read()
        except Exception:  # a picture linked to a file outside the document, or a broken one
            data = b""
        suffix = next((s for magic, s in _IMAGE_TYPES if data.startswith(magic)), None)
        if suffix is None:
            problems.add(
                f"{display} 第{pictures}张图片", None, None,
                "这张图片网页上显示不了（不是 JPG、PNG 或 GIF 图片，或者是链接到别处的图片），已经略去。"
                "请把图片另存为 JPG 或 PNG，再用“插入 → 图片”放进文档。",
                "warning",
            )
            return {}
        name = f"{MEDIA}{hashlib.sha256(data).hexdigest()[:20]}.{suffix}"
        media[name] = data
        return {"src": name, "alt": image.alt_text or ""}  # no description: a decorative picture

    def without_fields_table(document: Any) -> Any:
        children = list(document.children)
        for i, child in enumerate(children):
            if type(child).__name__ == "Table":
                return document.copy(children=children[i + 1:])
        return document

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(raw),
            convert_image=mammoth.images.img_element(picture),
            transform_document=without_fields_table,
            external_file_access=False,  # a picture linked to a file on the computer stays out
        )
    except Exception:  # mammoth's own reader on a damaged part
        problems.add(display, None, None, damaged_message(display.rsplit("/", 1)[-1]))
        return Markup(""), {}
    html = sanitise_body(result.value)
    # A picture whose <img> was refused is not published.
    kept = {name: data for name, data in media.items() if f'src="{name}"' in html}
    if required and not re.sub(r"<[^>]*>", "", html).strip() and not kept:
        problems.add(f"{display} 正文", None, None, "正文是空的。请在表格下面写正文。")
    return html, dict(sorted(kept.items()))


# -- writing a template ----------------------------------------------------------------------


def word_template(
    fields: Sequence[tuple[str, str, str | None]], body: Sequence[tuple[str, str]],
) -> bytes:
    """A .docx ready to fill in: the fields table (label, value, a hint shown as a
    comment, which is never published), then the body (("h", heading) or ("p", text))."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value, hint in fields:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        run = cells[1].paragraphs[0].add_run(value)
        if hint:
            document.add_comment(run, text=hint, author="村警", initials="CJ")
    for kind, text in body:
        if kind == "h":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
