"""`cunjing new notice`: start a safety notice from a template (see reports/new.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ..core.documents import mark, quote

NOTICE_DAYS = 30


def notice_text(
    today: date, level: str, posts: Sequence[str], villages: Sequence[str], title: str | None
) -> str:
    lines = [
        "---",
        "# 安全提示。把所有【请填写……】改成实际内容，然后运行 cunjing check 检查。",
        "# 文件名就是网页地址（/notices/文件名/），发布以后不要再改。",
        f"title: {quote(title) if title else mark('标题，例如：警惕冒充客服诈骗')}",
        f"date: {today.isoformat()}  # 发布日期：到这一天才在网站上出现",
        f"level: {level}  # 提示、预警 或 通报",
        f"posts: [{', '.join(posts)}]  # 警务室编号" if posts else "# posts: [警务室编号]",
        f"villages: [{', '.join(villages)}]  # 村（社区）编号" if villages else "# villages: [村（社区）编号]",
        "# posts 和 villages 都不写，就是全县的提示（首页和每个村的页面都会显示）。",
        f"expires: {(today + timedelta(days=NOTICE_DAYS)).isoformat()}"
        "  # 有效期至：过了这一天移到“已过期”；一直有效就删掉这一行",
        "---",
        "",
        mark("提示内容：发生了什么、请群众注意什么、遇到情况打什么电话"),
        "",
    ]
    return "\n".join(lines)
