"""The page `cunjing serve` shows while the data has errors.

Instead of leaving the browser waiting, the preview answers every address
with one Chinese page listing the problems (file:line). The preview server
watches data/ and reloads the page by itself once the data is fixed.
Never used by `cunjing build`, which stays strict.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from .pages import Asset, Page, SiteOutput
from .problems import Problem

TITLE = "数据有错误，网站暂时不能预览"
NOT_FOUND = "404.html"
NOT_FOUND_REFRESH = 3  # seconds


def _item(problem: Problem) -> Markup:
    where = problem.file if problem.line is None else f"{problem.file}:{problem.line}"
    field = f"字段 {problem.field}：" if problem.field else ""
    label = "错误" if problem.severity == "error" else "警告"
    kind = "cj-problem" if problem.severity == "error" else "cj-warning"
    return Markup(
        '<li class="{}"><code>{}</code> <strong>{}</strong>：{}{}</li>'
    ).format(kind, where, label, field, problem.message)


def problem_pages(problems: Iterable[Problem]) -> SiteOutput:
    """The home page and the not-found page, both listing every problem."""
    items = list(problems)
    errors = [p for p in items if p.severity == "error"]
    warnings = [p for p in items if p.severity == "warning"]
    rows = Markup("\n").join(_item(p) for p in errors)
    html = Markup(
        '<div class="cj-preview-problems">\n<h1>{}</h1>\n'
        "<p>共发现 {} 个错误。请按下面的提示改好数据文件并保存，"
        "这个页面会自动刷新成网站（不用关掉预览）。</p>\n"
        '<ol class="cj-problems">\n{}\n</ol>\n'
    ).format(TITLE, len(errors), rows)
    if warnings:
        # Warnings do not stop the site; they are listed after the errors to fix.
        html += Markup('<h2>另有 {} 个警告（不影响生成，请核对）</h2>\n<ul class="cj-warnings">\n{}\n</ul>\n').format(
            len(warnings), Markup("\n").join(_item(p) for p in warnings)
        )
    html += Markup("</div>")
    # Every other address: the preview server answers with 404.html, which it
    # serves without the reload script, so that page simply reloads every few seconds.
    standalone = Markup(
        '<!doctype html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="refresh" content="{}"><title>{}</title></head>\n<body>{}</body></html>\n'
    ).format(NOT_FOUND_REFRESH, TITLE, html)
    return SiteOutput(
        pages=[Page("index.md", TITLE, str(html))],
        assets=[Asset(NOT_FOUND, str(standalone).encode("utf-8"))],
    )


__all__ = ["NOT_FOUND", "TITLE", "problem_pages"]
