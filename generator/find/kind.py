"""找民警: look a village up by its name in characters or pinyin."""

from __future__ import annotations

from ..kind import Kind
from . import urls
from .pages import find_pages, find_shards
from .province import find_export, province_find

KIND = Kind(
    name="find",
    title="找民警",
    summary="/find/：按村名（汉字或拼音）找民警，分片的查找索引和 find.js；不用 JavaScript 时按乡镇找",
    needs=("directory",),
    pages=find_pages,
    ahead=find_shards,
    export=find_export,
    province=province_find,
    templates=True,
    stylesheet="find.css",
    nav=(1, "找民警", urls.FIND),
    links={"find": urls.FIND, "find_index": urls.INDEX_DIR, "find_script": urls.SCRIPT},
)
