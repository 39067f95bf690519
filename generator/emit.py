"""``cunjing build --emit-docs DIR``: the whole site as a plain MkDocs project.

DIR/docs holds every generated page (Markdown wrapping escaped HTML) and
asset, and the hand-written docs/ pages; DIR/mkdocs.yml is the project's
configuration without the ``cunjing`` plugin; DIR/overrides/404.html is the
Chinese 404 page. Any MkDocs-compatible engine builds it with no plugin of
ours installed, into the same URLs (MkDocs 1.6 and ProperDocs are tested).
The sample banner is written into the pages, since no plugin adds it there.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from .build import SAMPLE_BANNER, build_site
from .core.dates import build_date
from .core.output import atomic_site
from .core.pages import STYLESHEET, SiteOutput
from .core.preview import NOT_FOUND
from .core.problems import DataError, format_report
from .mkdocs_run import PLUGIN_NAME, BuildFailed
from .shell.pages import theme_dir
from .site import Site, load_site

OVERRIDES = "overrides"


def _without_plugin(plugins: Any) -> list[Any]:
    items = plugins if isinstance(plugins, list) else [plugins] if plugins else []
    return [
        item for item in items
        if item != PLUGIN_NAME and not (isinstance(item, dict) and PLUGIN_NAME in item)
    ]


def with_banner(markdown: str) -> str:
    """The banner first in the page body, after any front matter."""
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 4) + len("\n---\n")
        return markdown[:end] + "\n" + SAMPLE_BANNER + "\n\n" + markdown[end:].lstrip("\n")
    return SAMPLE_BANNER + "\n\n" + markdown


def source_of(src: str) -> str:
    """'officers/x.md' -> 'officers/x/index.md': the same URL, in the folder of that URL.

    The pages' relative links are written from their URL (v/x/); an engine
    that resolves links from the Markdown file's folder (Zensical rewrites
    them so) then finds them where MkDocs does.
    """
    name = src.rsplit("/", 1)[-1]
    return src if name == "index.md" else src[: -len(".md")] + "/index.md"


def _renamed_nav(nav: Any, pages: set[str]) -> Any:
    """The nav with generated pages at their emitted source paths."""
    if isinstance(nav, list):
        return [_renamed_nav(item, pages) for item in nav]
    if isinstance(nav, dict):
        return {key: _renamed_nav(value, pages) for key, value in nav.items()}
    if isinstance(nav, str) and nav in pages:
        return source_of(nav)
    return nav


def plain_config(config_file: Path, site: Site, pages: set[str]) -> dict[str, Any]:
    """The project's mkdocs.yml as an engine without our plugin needs it."""
    config: dict[str, Any] = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    config["site_name"] = str(escape(site.settings.title))
    if not config.get("site_url"):
        config["site_url"] = site.settings.site_url
    config["docs_dir"] = "docs"
    config["plugins"] = _without_plugin(config.get("plugins"))
    theme = config.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    theme["font"] = False  # never Google Fonts
    theme["custom_dir"] = OVERRIDES
    config["theme"] = theme
    config["extra"] = {**(config.get("extra") or {}), "cunjing_footer": str(site.settings.footer())}
    extra_css = list(config.get("extra_css") or [])
    if STYLESHEET not in extra_css:
        extra_css.append(STYLESHEET)
    config["extra_css"] = extra_css
    if "nav" in config:
        config["nav"] = _renamed_nav(config["nav"], pages)
    config.pop("watch", None)
    config.pop("site_dir", None)
    return config


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def write_tree(config_file: Path, site: Site, output: SiteOutput, out: Path) -> None:
    raw: dict[str, Any] = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    base = config_file.parent
    hand_written = base / str(raw.get("docs_dir") or "docs")
    theme = raw.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    custom_dir = base / custom if custom else None
    docs = out / "docs"
    sample = site.settings.sample

    generated = {page.src for page in output.pages} | {asset.dest for asset in output.assets}
    if hand_written.is_dir():
        for path in sorted(hand_written.rglob("*")):
            rel = path.relative_to(hand_written).as_posix()
            if not path.is_file():
                continue
            if rel in generated:
                raise BuildFailed(f"docs/{rel} 与自动生成的页面同名，请给手写页面换个文件名。")
            if sample and path.suffix == ".md":
                _write(docs / rel, with_banner(path.read_text(encoding="utf-8")).encode("utf-8"))
            else:
                _write(docs / rel, path.read_bytes())
    for page in output.pages:
        text = page.markdown()
        _write(docs / source_of(page.src), (with_banner(text) if sample else text).encode("utf-8"))
    not_found = b""
    for asset in output.assets:
        content = asset.data()
        if asset.dest == NOT_FOUND:
            not_found = content  # rendered by the theme in place of its own 404 page
            continue
        _write(docs / asset.dest, content)
    # Our page shell first; the county's own custom_dir may override it, as in the plugin.
    shutil.copytree(theme_dir(), out / OVERRIDES, dirs_exist_ok=True)
    if custom_dir is not None and custom_dir.is_dir():
        shutil.copytree(custom_dir, out / OVERRIDES, dirs_exist_ok=True)
    _write(out / OVERRIDES / NOT_FOUND, b"{% raw %}" + not_found + b"{% endraw %}")
    config = plain_config(config_file, site, {page.src for page in output.pages})
    header = (
        "# Written by `cunjing build --emit-docs`: the county's whole site as plain pages,\n"
        "# built by MkDocs 1.6 or ProperDocs without the cunjing plugin. Do not edit:\n"
        "# change data/ and emit again.\n"
    )
    body = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=10_000)
    (out / "mkdocs.yml").write_text(header + body, encoding="utf-8")


def emit_docs(config_file: Path, data_dir: Path, today: date, out: Path) -> Site:
    """Write the plain project into ``out`` (replaced as a whole, only on success).

    Raises DataError for bad data and BuildFailed for a clash with docs/.
    """
    site = load_site(data_dir, today)
    output = build_site(site)
    with atomic_site(out) as tmp:
        write_tree(config_file, site, output, tmp)
    return site


def run(args: argparse.Namespace, config_file: Path) -> int:
    """The CLI's ``build --emit-docs DIR``: messages in Chinese, exit code."""
    out: Path = args.emit_docs
    try:
        site = emit_docs(config_file, args.data, build_date(args.today), out)
    except DataError as exc:
        print(format_report(exc.problems), file=sys.stderr)
        print(f"没有写出，{out} 保持原样。", file=sys.stderr)
        return 1
    except BuildFailed as exc:
        print(str(exc), file=sys.stderr)
        print(f"没有写出，{out} 保持原样。", file=sys.stderr)
        return 1
    if site.warnings:
        print(format_report(site.warnings), file=sys.stderr)
    print(
        f"已写出 {out}/：{len(site.grid.villages)} 个村（社区）的全部页面和文件。"
        f"生成网站：properdocs build -f {out}/mkdocs.yml（或 mkdocs build），不需要 cunjing 插件。"
    )
    return 0
