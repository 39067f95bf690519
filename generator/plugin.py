"""The MkDocs plugin: wires MkDocs events to the engine-independent pipeline.

    on_config   load + validate data/ (errors -> PluginError), site settings
    on_pre_build  `cunjing serve` after a good build: the output is set aside
                so MkDocs' cleaning leaves it (see "Rebuilds" below)
    on_files    build the pages (MkDocs has emptied site_dir by then): generated
                files go straight into site_dir, pages wait in a spool file; the
                pages the navigation names are added to MkDocs' files (never
                written into docs/)
    on_nav      the navigation kept for the other pages
    on_env      the other pages rendered through the theme's main.html and written
                (theme_pages)
    on_template_context  the sitemap lists those pages too
    on_page_markdown  generated pages (already HTML) skip Python-Markdown
    on_page_content  their HTML put back; the "示例数据" banner on every page when sample: true
    on_post_build  a serve rebuild: files of the build before that this one did not make are deleted

Rebuilds (`cunjing serve`): the output of the build before comes back into
site_dir in on_files. The kinds' parts whose data did not change are taken as
they were (core.reuse; build.changed_scopes names what changed), their pages
left unrendered (theme_pages); a file whose bytes did not change is not written
again (AssetWriter). Each serve session keeps one page spool.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage
from mkdocs.utils.templates import TemplateContext

from .build import SAMPLE_BANNER, build_site, changed_scopes
from .core.outfiles import OutputFiles
from .core.pages import STYLESHEET, AssetWriter, PageSpool, SiteOutput
from .core.preview import NOT_FOUND, problem_pages
from .core.problems import DataError, format_report
from .core.reuse import Reuse
from .mkdocs_run import ENV_BUILT, ENV_COUNTY, ENV_DATA, ENV_PROVINCE, ENV_TODAY, PLUGIN_LOGGER
from .province.load import Province, load_province
from .province.pages import built_counties, province_output
from .shell.pages import theme_dir
from .site import Site, load_site
from .theme_pages import HOME, ThemePages, linked_sources, nav_sources

log = logging.getLogger(PLUGIN_LOGGER)



class CunjingConfig(base.Config):
    # The county's data directory, relative to mkdocs.yml.
    data_dir = c.Type(str, default="data")
    # Build date (YYYY-MM-DD) used to judge what is current or upcoming.
    # Empty: SOURCE_DATE_EPOCH when set, else today's date.
    today = c.Optional(c.Type(str))


class CunjingPlugin(BasePlugin[CunjingConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.output: SiteOutput | None = None
        self.serving = False
        # Source path -> HTML of each generated page (see on_page_markdown).
        self.prepared: dict[str, str] = {}
        self.province_sample = False  # building a province's own pages of sample data
        # The generated pages rendered here, not by MkDocs (see on_env).
        self.theme_pages: ThemePages | None = None
        self.spool: PageSpool | None = None
        self.nav: Navigation | None = None
        # `cunjing serve`: the last good build of the county, what this build takes from it.
        self.reuse = Reuse()
        self.before: Site | None = None  # its site object
        self.before_dir: str | None = None  # its site_dir
        self.writer: AssetWriter | None = None
        # The process that writes this build's files, and the .gz copies it made
        # (path -> size); those only when ``compressing`` (mkdocs_run.run_build,
        # which makes every other .gz copy after the build).
        self.out: OutputFiles | None = None
        self.compressing = False
        self.compressed: dict[str, int] = {}
        self.digests: dict[str, bytes] = {}  # its files' digests (AssetWriter)
        self.keeping = False  # this build started from its output
        self.outputs: set[str] = set()  # every file it wrote, site-relative
        self.mkdocs_files: set[str] = set()  # this build's files MkDocs writes, site-relative
        self.session: dict[str, Any] = {}  # Build.session

    @staticmethod
    def _aside(site_dir: str) -> Path:
        return Path(site_dir.rstrip("/\\") + ".cunjing-kept")

    def _forget(self) -> None:
        self.reuse.forget()
        self.before, self.before_dir, self.digests, self.keeping = None, None, {}, False
        self.session, self.outputs = {}, set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this plugin across `mkdocs serve` rebuilds.
        self.serving = command == "serve"

    def data_dir(self, config: MkDocsConfig) -> Path:
        data = Path(os.environ.get(ENV_DATA) or self.config.data_dir)
        if not data.is_absolute() and config.config_file_path:
            data = Path(config.config_file_path).parent / data
        return data

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        data_dir = self.data_dir(config)
        today = os.environ.get(ENV_TODAY) or self.config.today
        parent = None
        try:
            if os.environ.get(ENV_PROVINCE):
                province = load_province(Path(os.environ[ENV_PROVINCE]))
                if not os.environ.get(ENV_COUNTY):
                    return self._province_pages(config, province, Path(os.environ[ENV_BUILT]))
                county = province.county(os.environ[ENV_COUNTY])
                if county is None:
                    raise PluginError(f"省（州）数据里没有编号为 {os.environ[ENV_COUNTY]} 的县。")
                data_dir, parent = county.data_dir, province.parent(county)
            self.site = load_site(data_dir, today, parent)
        except DataError as exc:
            if not self.serving:
                raise PluginError("数据有错误，网站没有生成：\n" + format_report(exc.problems)) from None
            # Preview: answer the browser with the problems; data/ is watched,
            # so the page reloads into the site once the data is fixed.
            log.warning("数据有错误，网站没有生成：\n" + format_report(exc.problems))
            self.site = None
            self.output = problem_pages(exc.problems)
            # Our 404.html lists the problems; the theme must not write its own over it.
            config.theme.static_templates.discard(NOT_FOUND)
            if data_dir.is_dir() and str(data_dir) not in config.watch:
                config.watch.append(str(data_dir))
            return config
        except ValueError as exc:
            raise PluginError(f"today 设置不正确（应为 YYYY-MM-DD）：{exc}") from None
        for warning in self.site.warnings:
            log.info(str(warning))
        self.output = None  # built in on_files, into the emptied site_dir
        # MkDocs/Material print site_name without escaping.
        config.site_name = str(escape(self.site.settings.title))
        if not config.site_url:
            config.site_url = self.site.settings.site_url
        # No request to any other host: never load Google Fonts.
        config.theme["font"] = False
        # The theme's English 404 page would hard-code site_url's path: ours replaces it.
        config.theme.static_templates.discard("404.html")
        # The footer every page shows (the page shell reads it from extra).
        config.extra["cunjing_footer"] = str(self.site.settings.footer())
        if parent is not None:  # the shell's link up to the province home
            config.extra["cunjing_up"] = str(escape(parent.title))
        self._shell(config)
        if data_dir.is_dir() and str(data_dir) not in config.watch:
            config.watch.append(str(data_dir))
        return config

    @staticmethod
    def _shell(config: MkDocsConfig) -> None:
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        # Our page shell replaces the theme's main.html/base.html (and so its JS bundle
        # and CSS); after the county's own custom_dir, which may still override it.
        shell = str(theme_dir())
        if shell not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, shell)

    def _province_pages(
        self, config: MkDocsConfig, province: Province, built: Path,
    ) -> MkDocsConfig:
        """The province's own pages at the root, from the counties built in ``built``."""
        counties, missing = built_counties(province, built)
        if missing:
            raise PluginError(
                f"{built} 里还没有这些县的网站：{'、'.join(missing)}。"
                "请先用 cunjing build --county 生成每个县，再生成省（州）的页面。"
            )
        self.site = None
        self.province_sample = province.settings.sample
        self.output = province_output(province, counties)
        settings = province.settings.as_site()
        config.site_name = str(escape(settings.title))
        if not config.site_url:
            config.site_url = settings.site_url
        config["nav"] = [{"首页": "index.md"}, {"找民警": "find/index.md"}, {"数据公开": "stats/index.md"}]
        config.theme["font"] = False
        config.theme.static_templates.discard("404.html")
        config.extra["cunjing_footer"] = str(settings.footer())
        self._shell(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.keeping = False
        if not (self.serving and self.site is not None and self.before is not None
                and self.before_dir == config.site_dir and os.path.isdir(config.site_dir)):
            self._forget()
            return
        # MkDocs empties site_dir next: set its entries aside (on_files brings them back).
        aside = self._aside(config.site_dir)
        shutil.rmtree(aside, ignore_errors=True)
        aside.mkdir()
        for entry in os.scandir(config.site_dir):
            os.rename(entry.path, aside / entry.name)
        self.keeping = True

    def _bring_back(self, site_dir: str) -> None:
        aside = self._aside(site_dir)
        for entry in os.scandir(aside):
            os.rename(entry.path, os.path.join(site_dir, entry.name))
        aside.rmdir()

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.prepared = {}
        written = self.output is None
        before_pages = None
        if written:
            # The county: MkDocs has emptied site_dir by now, so files go straight
            # there as each kind makes them (MkDocs would hold every one until the
            # end), and each page's body waits in the spool file until on_env.
            assert self.site is not None
            if self.keeping:
                assert self.before is not None
                self._bring_back(config.site_dir)
                self.reuse.start(changed_scopes(self.before, self.site))
                before_pages = self.theme_pages
            else:
                self.reuse.start(None)
                if self.spool is not None:
                    self.spool.close()
                self.spool = PageSpool()
            assert self.spool is not None
            self._stop_writing()
            self.out = OutputFiles(compress=self.compressing)
            self.writer = AssetWriter(
                Path(config.site_dir), partial(self._refuse_hand_written, files),
                before=self.digests if self.keeping else None, files=self.out,
            )
            self.output = build_site(
                self.site, write=self.writer, keep=self.spool, reuse=self.reuse if self.serving else None,
                session=self.session if self.serving else None,
            )
        assert self.output is not None
        named = nav_sources(config.nav) | linked_sources(files) | {HOME}
        rendered_here = []
        for page in self.output.pages:
            if page.src in named:
                # Only the front matter: the body, already HTML, skips Markdown
                # (on_page_markdown) and is held once, here.
                self._add(files, config, page.src, content=page.front_matter())
                self.prepared[page.src] = page.body()
            else:
                self._refuse_hand_written(files, page.src)
                rendered_here.append(page)
        banner = SAMPLE_BANNER if self._sample() else ""
        self.theme_pages = ThemePages(
            rendered_here, [page.src for page in self.output.pages], banner,
            before=before_pages, taken=self.reuse.taken_pages() if before_pages is not None else (),
        )
        for asset in [] if written else self.output.assets:
            if asset.source is not None:
                self._add(files, config, asset.dest, abs_src_path=str(asset.source))
            else:
                self._add(files, config, asset.dest, content=asset.content or b"")
        self.output = None
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.serving:
            self.mkdocs_files = {f.dest_uri for f in files}
        if self.theme_pages is not None and self.nav is not None:
            self.theme_pages.render(env, config, self.nav, files, self.out)
        if self.spool is not None and not self.serving:
            self.spool.close()
            self.spool = None
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.out is not None:
            self.compressed = self.out.close()
            self.out = None
        if not self.serving:
            return
        if self.site is None or self.writer is None:
            self._forget()
            return
        outputs = set(self.writer.digests) | self.mkdocs_files
        if self.theme_pages is not None:
            outputs |= set(self.theme_pages.dests.values())
        if self.keeping:
            self._drop_stale(config.site_dir, self.outputs - outputs)
        self.before, self.before_dir, self.digests = self.site, config.site_dir, self.writer.digests
        self.outputs = outputs
        self.writer = None

    @staticmethod
    def _drop_stale(site_dir: str, stale: set[str]) -> None:
        """Delete the files the build before wrote and this one did not, and the
        folders that leaves empty."""
        folders: set[str] = set()
        for rel in stale:
            path = os.path.join(site_dir, rel)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
            folder = os.path.dirname(rel)
            while folder and folder not in folders:
                folders.add(folder)
                folder = os.path.dirname(folder)
        for folder in sorted(folders, key=len, reverse=True):
            with contextlib.suppress(OSError):  # not empty: something of this build is in it
                os.rmdir(os.path.join(site_dir, folder))

    def _stop_writing(self) -> None:
        """Stop the writer process of a build that did not finish."""
        if self.out is not None:
            self.out.abort()
            self.out = None
        self.compressed = {}

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_writing()
        if self.before_dir is not None:
            shutil.rmtree(self._aside(self.before_dir), ignore_errors=True)
        self._forget()

    def on_shutdown(self) -> None:
        self._stop_writing()
        if self.before_dir is not None:
            shutil.rmtree(self._aside(self.before_dir), ignore_errors=True)
        self._forget()
        self.serving = False
        if self.spool is not None:
            self.spool.close()
            self.spool = None

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if template_name == "sitemap.xml" and self.theme_pages is not None:
            context["pages"] = self.theme_pages.sitemap_pages(context["pages"])
        return context

    def _sample(self) -> bool:
        return self.site.settings.sample if self.site is not None else self.province_sample

    @staticmethod
    def _refuse_hand_written(files: Files, src: str) -> None:
        existing = files.get_file_from_path(src)
        if existing is not None and existing.generated_by is None:
            raise PluginError(
                f"docs/{src} 与自动生成的页面同名，请给手写页面换个文件名。"
            )

    @classmethod
    def _add(cls, files: Files, config: MkDocsConfig, src: str, **kwargs: Any) -> None:
        cls._refuse_hand_written(files, src)
        existing = files.get_file_from_path(src)
        if existing is not None:
            files.remove(existing)
        # Generated pages are reached from index pages, not the nav.
        files.append(File.generated(config, src, inclusion=InclusionLevel.NOT_IN_NAV, **kwargs))

    def on_page_markdown(
        self, markdown: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str:
        # A generated page's body is one block of escaped HTML, which
        # Python-Markdown would only parse to pass it through unchanged (its
        # HTML parser is a large share of a build): hand it an empty body and put the
        # HTML back in on_page_content. The Markdown file itself stays complete
        # for `--emit-docs` and for engines without this plugin.
        if page.file.generated_by and page.file.src_uri in self.prepared:
            return ""
        return markdown

    def on_page_content(
        self, html: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.generated_by and page.file.src_uri in self.prepared:
            html = self.prepared[page.file.src_uri]
        if self._sample():
            return SAMPLE_BANNER + html
        return html
