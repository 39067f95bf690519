"""One representative page of every page kind of the sample site, in one table.

Used by the accessibility tests (tests/site/test_accessibility.py: axe-core and
the Nu HTML Checker), the page-weight benchmark (bench/weight.py) and the
Lighthouse script (bench/lighthouse.py). Adding a page kind is one line here.

Addresses come from the kinds' links (generator/kinds.py), so a moved page
moves here too; each row names the kind that publishes it, and a test checks
that every kind with pages has a row. The ids are those of the sample data (data/).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from generator.build import links

url = links()


@dataclass(frozen=True)
class PageKind:
    kind: str
    """The content kind that publishes it (its name in generator/kinds.py)."""
    id: str
    """Short ASCII name (test ids, benchmark rows)."""
    name: str
    """What the site calls the page."""
    path: str
    """Site-relative address of a folder page (``x/``) or a file (``404.html``)."""
    query: str = ""
    """Appended in the browser only (``?q=…``): the same HTML file on disk."""
    printable: bool = False
    """A page made to be printed: also checked with print media emulated."""
    browser: bool = True
    """False for pages a browser leaves at once (a redirect): HTML checker only."""

    @property
    def file(self) -> str:
        """The HTML file under the built site."""
        return self.path if self.path.endswith(".html") else f"{self.path}index.html"

    @property
    def address(self) -> str:
        """Site-relative URL a browser opens (percent-encoded)."""
        return quote(self.path + self.query, safe="/?=&.")


PAGE_KINDS: tuple[PageKind, ...] = (
    PageKind("places", "home", "首页", ""),
    PageKind("find", "find", "找民警", url.find),
    PageKind("find", "find-query", "找民警（查“长安”）", url.find, query="?q=长安"),
    PageKind("directory", "posts", "警务室列表", url.posts),
    PageKind("directory", "township", "一个乡镇的警务室和村", url.township("zhongshuzhen")),
    PageKind("places", "post", "警务室", url.post("zhongshu-changan")),
    PageKind("places", "village", "村（社区）", url.village("changan")),
    PageKind("directory", "village-old-id", "村的旧网址（跳转）", url.village("zhongyang"), browser=False),
    PageKind("places", "officer", "民警", url.officer("li-jianguo")),
    PageKind("reports", "reports", "工作报告", url.reports),
    PageKind("reports", "reports-county", "县级工作报告", url.reports_county),
    PageKind("reports", "reports-township", "乡镇的工作报告", url.reports_of_township("zhongshuzhen")),
    PageKind("reports", "reports-post", "警务室的工作报告", url.reports_of_post("zhongshu-changan")),
    PageKind("reports", "report", "一份工作报告", url.report("2026-11-zhongshu-changan")),
    PageKind("notices", "notices", "安全提示", url.notices),
    PageKind("notices", "notice", "一条安全提示", url.notice("2026-11-anti-fraud")),
    PageKind("law", "law", "法制宣传", url.law),
    PageKind("law", "lecture", "一次法制讲座", url.lecture("fanzha-2026-09")),
    PageKind("law", "law-view", "法制宣传的一个类别", url.law_kind("yianshuofa")),
    PageKind("events", "events", "活动日历", url.events),
    PageKind("events", "events-week", "活动日历（后面的一周）", url.events_week(date(2026, 12, 5))),
    PageKind("events", "events-reception", "一个乡镇的接待时间", url.reception_of_township("zhongshuzhen")),
    PageKind("events", "event", "一项活动", url.event("jingchajie-kaifangri")),
    PageKind("safety", "safety", "平安建设", url.safety),
    PageKind("actions", "actions", "立项整改", url.actions),
    PageKind("actions", "action", "一项整改", url.action("changan-ludeng")),
    PageKind("stats", "stats", "数据公开", url.stats),
    PageKind("stats", "stats-township", "一个乡镇的数据公开", url.stats_of_township("zhongshuzhen")),
    PageKind("docs", "about", "关于本站", "about/"),
    PageKind("places", "404", "找不到页面", "404.html"),
    PageKind("directory", "print-village", "社区警务公示牌（打印）", url.village_board("changan"), printable=True),
    PageKind("directory", "print-officer", "警民联系卡（打印）", url.officer_cards("li-jianguo"), printable=True),
    PageKind("reports", "print-report", "工作报告（打印）", url.report_printable("2026-11-zhongshu-changan"), printable=True),
    PageKind("notices", "print-notice", "安全提示（打印）", url.notice_printable("2026-11-anti-fraud"), printable=True),
)


def page_kind(page_id: str) -> PageKind:
    for page in PAGE_KINDS:
        if page.id == page_id:
            return page
    raise KeyError(page_id)
