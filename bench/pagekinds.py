"""One representative page of every page kind of the sample site, in one table.

Used by the accessibility tests (tests/site/test_accessibility.py: axe-core and
the Nu HTML Checker), the page-weight benchmark (bench/weight.py) and the
Lighthouse script (bench/lighthouse.py). Adding a page kind is one line here.

Addresses come from each kind's ``urls.py``, so a moved page moves here too;
the ids are those of the sample data (data/).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from generator.actions import urls as actions
from generator.directory import urls as directory
from generator.events import urls as events
from generator.find import urls as find
from generator.law import urls as law
from generator.notices import urls as notices
from generator.reports import urls as reports
from generator.safety import urls as safety
from generator.stats import urls as stats


@dataclass(frozen=True)
class PageKind:
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
    PageKind("home", "首页", ""),
    PageKind("find", "找民警", find.FIND),
    PageKind("find-query", "找民警（查“长安”）", find.FIND, query="?q=长安"),
    PageKind("posts", "警务室列表", directory.POSTS),
    PageKind("township", "一个乡镇的警务室和村", directory.township("zhongshuzhen")),
    PageKind("post", "警务室", directory.post("zhongshu-changan")),
    PageKind("village", "村（社区）", directory.village("changan")),
    PageKind("village-old-id", "村的旧网址（跳转）", directory.village("zhongyang"), browser=False),
    PageKind("officer", "民警", directory.officer("li-jianguo")),
    PageKind("reports", "工作报告", reports.REPORTS),
    PageKind("reports-county", "县级工作报告", reports.COUNTY),
    PageKind("reports-township", "乡镇的工作报告", reports.reports_of_township("zhongshuzhen")),
    PageKind("reports-post", "警务室的工作报告", reports.reports_of_post("zhongshu-changan")),
    PageKind("report", "一份工作报告", reports.report("2026-11-zhongshu-changan")),
    PageKind("notices", "安全提示", notices.NOTICES),
    PageKind("notice", "一条安全提示", notices.notice("2026-11-anti-fraud")),
    PageKind("law", "法制宣传", law.LAW),
    PageKind("lecture", "一次法制讲座", law.lecture("fanzha-2026-09")),
    PageKind("events", "活动日历", events.EVENTS),
    PageKind("events-week", "活动日历（后面的一周）", events.week(date(2026, 12, 7))),
    PageKind("events-reception", "一个乡镇的接待时间", events.reception_of_township("zhongshuzhen")),
    PageKind("event", "一项活动", events.event("jingchajie-kaifangri")),
    PageKind("safety", "平安建设", safety.SAFETY),
    PageKind("actions", "立项整改", actions.ACTIONS),
    PageKind("action", "一项整改", actions.action("changan-ludeng")),
    PageKind("stats", "数据公开", stats.STATS),
    PageKind("about", "关于本站", "about/"),
    PageKind("404", "找不到页面", "404.html"),
    PageKind("print-village", "社区警务公示牌（打印）", directory.village_board("changan"), printable=True),
    PageKind("print-officer", "警民联系卡（打印）", directory.officer_cards("li-jianguo"), printable=True),
    PageKind("print-report", "工作报告（打印）", reports.report_printable("2026-11-zhongshu-changan"), printable=True),
    PageKind("print-notice", "安全提示（打印）", notices.notice_printable("2026-11-anti-fraud"), printable=True),
)


def page_kind(kind_id: str) -> PageKind:
    for kind in PAGE_KINDS:
        if kind.id == kind_id:
            return kind
    raise KeyError(kind_id)
