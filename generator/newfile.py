"""`cunjing new report|notice`: start a report or notice file from a template.

The template carries today's date and the right front matter; everything the
editor still has to write is marked 【请填写…】, and `cunjing check` refuses
the file (naming each line) until every mark is replaced, so a half-written
template can never be published. An existing file is never overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from .bulletin_load import PLACEHOLDER
from .schema.report import STAT_LABELS

NOTICE_DAYS = 30


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _mark(hint: str) -> str:
    return f"{PLACEHOLDER}{hint}】"


def report_text(today: date, post: str | None, post_name: str | None, title: str | None) -> str:
    example = f"{post_name or '泸西县公安局'}{today.year}年{today.month}月工作报告"
    lines = [
        "---",
        "# 工作报告。把所有【请填写……】改成实际内容，然后运行 cunjing check 检查。",
        "# 文件名就是网页地址（/reports/文件名/），发布以后不要再改。",
        f"title: {_quote(title) if title else _mark('标题，例如：' + example)}",
        f"date: {today.isoformat()}  # 发布日期：到这一天才在网站上出现",
        f"post: {post}  # 警务室编号；全县的报告删掉这一行" if post else "# 全县的报告不写 post；警务室的报告写 post: 警务室编号",
        "period:  # 报告期",
        f"  from: {today.replace(day=1).isoformat()}",
        f"  to: {today.isoformat()}",
        "# 工作数据：只写数字，不需要的项目整行删掉，也可以加别的项目（如 帮扶困难群众: 3）。",
        "# 想从走访记录（data/visits/）自动统计走访数据，就把下面整段换成一行：stats: from_visits",
        "stats:",
    ]
    width = max(len(key) for key in STAT_LABELS)
    for key, label in STAT_LABELS.items():
        lines.append(f"  {key}: {' ' * (width - len(key))}{_mark('数字')}  # {label}")
    lines += [
        "---",
        "",
        "## 工作情况",
        "",
        _mark("：这段时间做了哪些工作"),
        "",
        "## 存在问题",
        "",
        _mark("：还有哪些问题"),
        "",
        "## 下步打算",
        "",
        _mark("：下一步怎么做"),
        "",
    ]
    return "\n".join(lines)


def notice_text(
    today: date, level: str, posts: Sequence[str], villages: Sequence[str], title: str | None
) -> str:
    lines = [
        "---",
        "# 安全提示。把所有【请填写……】改成实际内容，然后运行 cunjing check 检查。",
        "# 文件名就是网页地址（/notices/文件名/），发布以后不要再改。",
        f"title: {_quote(title) if title else _mark('标题，例如：警惕冒充客服诈骗')}",
        f"date: {today.isoformat()}  # 发布日期：到这一天才在网站上出现",
        f"level: {level}  # 提示、预警 或 通报",
        f"posts: [{', '.join(posts)}]  # 警务室编号" if posts else "# posts: [警务室编号]",
        f"villages: [{', '.join(villages)}]  # 村（社区）编号" if villages else "# villages: [村（社区）编号]",
        "# posts 和 villages 都不写，就是全县的提示（首页和每个村的页面都会显示）。",
        f"expires: {(today + timedelta(days=NOTICE_DAYS)).isoformat()}"
        "  # 有效期至：过了这一天移到“已过期”；一直有效就删掉这一行",
        "---",
        "",
        _mark("提示内容：发生了什么、请群众注意什么、遇到情况打什么电话"),
        "",
    ]
    return "\n".join(lines)


def write_new(folder: Path, stem: str, text: str) -> Path:
    """Write ``text`` to folder/<stem>.md, or <stem>-2.md … if taken; never overwrite."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 1
    while True:
        path = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
        try:
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            return path
        except FileExistsError:
            n += 1
