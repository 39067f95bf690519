"""Read editors' YAML (and Markdown front matter) with line numbers.

Editors know Excel, not YAML, so this reader is deliberately strict and
deliberately simple:

* every scalar is read as text; the schema decides whether it is a number,
  a date or a yes/no, so a badge ``010023`` or a phone ``13912345678`` keeps
  its digits instead of turning into an (octal) integer;
* duplicate keys, anchors/aliases (``&``/``*``, also the "billion laughs"
  bomb) and custom tags are errors, not silent surprises;
* every value remembers its line, so messages can say ``posts/x.yml:12``;
* the file must be UTF-8 (a BOM and CRLF line ends are fine); a GBK/GB18030
  file is refused with a message naming the encoding, never shown as mojibake.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problems, field_path
from .slips import find_slips

Path_ = tuple[str | int, ...]

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000
_NULL_TAG = "tag:yaml.org,2002:null"
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass
class Document:
    """One parsed data file: its values plus the line of every value."""

    display: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """Line of the value at path, or of its nearest enclosing value."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def read_limited(
    path: Path, display: str, problems: Problems, limit: int, too_big: Callable[[int], str],
) -> bytes | None:
    """A file's bytes, or one message: it cannot be read, or it is over ``limit``
    bytes (``too_big`` says so in the editor's words, given the size)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(display, None, None, f"无法读取文件（{exc.strerror}）。")
        return None
    if len(raw) > limit:
        problems.add(display, None, None, too_big(len(raw)))
        return None
    return raw


def read_text(path: Path, display: str, problems: Problems) -> str | None:
    """Read a data file as UTF-8 text; report size and encoding problems."""
    raw = read_limited(
        path, display, problems, MAX_FILE_BYTES,
        lambda size: f"文件过大（{size // 1024} KB），数据文件不能超过 {MAX_FILE_BYTES // 1024} KB。",
    )
    if raw is None:
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            raw.decode("gb18030")
            hint = "文件看起来是 GBK/GB18030 编码（Windows 记事本、WPS 常用）"
        except UnicodeDecodeError:
            hint = "文件不是 UTF-8 编码"
        problems.add(
            display, line, None,
            f"{hint}。请用“另存为”选择 UTF-8 编码后再保存。",
        )
        return None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        problems.add(display, line, None, "文件含有不可见的二进制字符，不是文本文件。")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# libyaml's parser (C) when PyYAML has it: the same nodes and line marks, several
# times faster on a province's post files. Text it rejects is parsed again by the
# pure-Python parser, whose error details the messages below were written for.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> yaml.Node | None:
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def parse_yaml(
    text: str, display: str, problems: Problems, line_offset: int = 0
) -> Document | None:
    """Parse YAML text into a Document; problems go to ``problems``."""
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        slips = find_slips(text)
        for slip in slips:
            problems.add(display, slip.line + line_offset, None, "YAML 格式错误：" + slip.message)
        if slips:
            return None
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        detail = f"{exc.context or ''} {exc.problem or ''}".strip()
        problems.add(
            display, line, None,
            "YAML 格式错误，常见原因：缩进没有对齐、冒号后面缺空格、引号不成对、"
            f"同一文件写了多段内容。（{detail}）",
        )
        return None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 + line_offset
        problems.add(
            display, line, None,
            f"含有不可见的控制字符（#x{exc.character:04x}），请删掉这个字符后再保存。"
            if isinstance(exc.character, int)
            else "含有无法识别的字符，请删掉后再保存。",
        )
        return None
    except yaml.YAMLError as exc:
        problems.add(display, 1 + line_offset, None, f"YAML 格式错误（{exc}）。")
        return None
    doc = Document(display, None)
    if root is None:
        return doc
    walker = _Walker(doc, problems, line_offset)
    try:
        doc.data = walker.value(root, ())
    except _Abort:
        return None
    return doc


class _Abort(Exception):
    pass


class _Walker:
    def __init__(self, doc: Document, problems: Problems, line_offset: int) -> None:
        self.doc = doc
        self.problems = problems
        self.offset = line_offset
        self.seen: set[int] = set()

    def line(self, node: Node) -> int:
        return int(node.start_mark.line) + 1 + self.offset

    def fail(self, node: Node, path: Path_, message: str) -> None:
        self.problems.add(self.doc.display, self.line(node), field_path(path) or None, message)
        raise _Abort

    def value(self, node: Node, path: Path_) -> Any:
        if id(node) in self.seen:
            self.fail(node, path, "不支持 YAML 锚点和别名（& 和 *），请把内容直接写出来。")
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            self.fail(node, path, "文件内容过多，请拆分成多个文件。")
        if node.tag not in _STANDARD_TAGS:
            self.fail(node, path, f"不支持的 YAML 标签 {node.tag}，请删掉以 ! 开头的标记。")
        self.doc.lines[path] = self.line(node)
        if isinstance(node, ScalarNode):
            if node.tag == _NULL_TAG and not node.style:  # plain: None (Python parser) or "" (libyaml)
                return None
            return str(node.value)
        if isinstance(node, SequenceNode):
            items = [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
            return self.split_fullwidth(node, path, items) if node.flow_style else items
        if isinstance(node, MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag == _NULL_TAG:
                    self.fail(key_node, path, "字段名必须是普通文字。")
                key = str(key_node.value)
                if key == "<<":
                    self.fail(key_node, path, "不支持 YAML 合并键（<<），请把内容直接写出来。")
                if key in result:
                    first = self.doc.lines.get((*path, key))
                    self.problems.add(
                        self.doc.display, self.line(key_node), field_path((*path, key)),
                        f"字段重复：“{key}”在第 {first} 行已经写过一次，请删掉其中一个。",
                    )
                    continue
                result[key] = self.value(value_node, (*path, key))
            return result
        self.fail(node, path, "无法识别的 YAML 内容。")
        return None  # pragma: no cover - fail() raises

    def split_fullwidth(self, node: SequenceNode, path: Path_, items: list[Any]) -> list[Any]:
        """``[甲，乙]``: a full-width comma where the list needs ``,`` -> two items, with a warning."""
        if not any(isinstance(item, str) and "，" in item for item in items):
            return items
        out: list[Any] = []
        for item in items:
            parts = [p.strip() for p in item.split("，")] if isinstance(item, str) else [item]
            out.extend(p for p in parts if p != "")
        line = self.line(node)
        for i in range(len(out)):
            self.doc.lines[(*path, i)] = line
        self.problems.add(
            self.doc.display, line, field_path(path) or None,
            f"列表里用了中文全角逗号“，”，已按 {len(out)} 项读取（{'、'.join(map(str, out))}）。"
            "列表的各项之间要用英文半角逗号加空格，请改成 [" + ", ".join(map(str, out)) + "]。",
            "warning",
        )
        return out


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split ``---`` front matter from a Markdown body.

    Returns (front matter YAML or None, body, line number of the body's first
    line). The YAML itself starts on line 2, so parse it with line_offset=1.
    """
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, text, 1
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]) + "\n", "\n".join(lines[i + 1 :]), i + 2
    return None, text, 1


def load_yaml_file(path: Path, display: str, problems: Problems) -> Document | None:
    text = read_text(path, display, problems)
    if text is None:
        return None
    return parse_yaml(text, display, problems)


@dataclass
class MarkdownDocument:
    """A Markdown data file: its front matter (a Document) and its body."""

    meta: Document
    body: str
    body_line: int


def load_markdown_file(path: Path, display: str, problems: Problems) -> MarkdownDocument | None:
    """Read a Markdown file with ``---`` YAML front matter, with line numbers."""
    text = read_text(path, display, problems)
    if text is None:
        return None
    front, body, body_line = split_front_matter(text)
    if front is None:
        problems.add(
            display, 1, None,
            "文件开头缺少用 --- 包起来的信息（标题、日期等），请参照示例文件的写法。",
        )
        return None
    meta = parse_yaml(front, display, problems, line_offset=1)
    if meta is None:
        return None
    if meta.data is not None and not meta.lines:
        meta.lines[()] = 2
    meta.lines.setdefault((), 2)
    return MarkdownDocument(meta=meta, body=body, body_line=body_line)
