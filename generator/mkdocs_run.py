"""Running MkDocs for the CLI: with plugin.py and theme_pages.py, the only modules that import it."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import socket
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

from .core.precompress import precompress
from .site import Site

PLUGIN_NAME = "cunjing"

# Environment overrides read by the plugin; the CLI sets them for one run.
ENV_DATA = "CUNJING_DATA_DIR"
ENV_TODAY = "CUNJING_TODAY"
# A county of a province: the province folder and the county's id; the
# province's own pages: the province folder and the built site (no county).
ENV_PROVINCE = "CUNJING_PROVINCE_DIR"
ENV_COUNTY = "CUNJING_COUNTY"
ENV_BUILT = "CUNJING_BUILT_SITE"


class BuildFailed(Exception):
    """The engine refused to build; the message is for editors (Chinese)."""


@contextlib.contextmanager
def environment(
    data_dir: Path, today: date, county: str | None = None, built: Path | None = None,
) -> Iterator[None]:
    """Point the plugin at data_dir and fix the build date for one run.

    With ``county``, data_dir is a province folder and the run builds that
    county; with ``built``, it builds the province's own pages from the
    counties built in that folder.

    SOURCE_DATE_EPOCH is set from the build date (unless already set) so the
    sitemap and its gzip copy are byte-identical for the same data and date.
    """
    keys = (ENV_DATA, ENV_TODAY, ENV_PROVINCE, ENV_COUNTY, ENV_BUILT, "SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING")
    saved = {k: os.environ.get(k) for k in keys}
    for key in (ENV_PROVINCE, ENV_COUNTY, ENV_BUILT):
        os.environ.pop(key, None)
    if county is not None or built is not None:
        os.environ[ENV_PROVINCE] = str(data_dir.absolute())
        if county is not None:
            os.environ[ENV_COUNTY] = county
        if built is not None:
            os.environ[ENV_BUILT] = str(built.absolute())
    else:
        os.environ[ENV_DATA] = str(data_dir.absolute())
    os.environ[ENV_TODAY] = today.isoformat()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        midnight = datetime.combine(today, time(0, 0), tzinfo=UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def run_build(config_file: Path, site_dir: Path) -> Site | None:
    """Strict MkDocs build of config_file into site_dir (which it empties), with
    the .gz copies of its text files (core.precompress).

    Returns the site object the plugin built the pages from (None for a
    province's own pages).
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        plugin = config.plugins.get(PLUGIN_NAME)
        if plugin is None:
            raise BuildFailed(f"{config_file} 的 plugins 里没有 {PLUGIN_NAME}，无法生成村警页面。")
        # As `mkdocs build` runs it: MkDocs keeps one plugin object per process.
        config.plugins.on_startup(command="build", dirty=False)
        plugin.compressing = True
        try:
            mkdocs_build(config)
            compressed = plugin.compressed
        finally:
            config.plugins.on_shutdown()
    except PluginError as exc:
        raise BuildFailed(str(exc)) from None
    except (Abort, ConfigurationError) as exc:
        details = "\n".join(collect.messages) or f"网站生成失败（{exc}）"
        raise BuildFailed(details) from None
    finally:
        logger.removeHandler(collect)
    precompress(site_dir, compressed)  # .gz siblings for the web server (deploy/nginx.conf)
    site: Site | None = plugin.site
    return site


class _OursOnly(logging.Filter):
    """Editors see cunjing's own messages (Chinese) and MkDocs' errors, not its English notes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name.startswith(PLUGIN_LOGGER) or record.levelno >= logging.ERROR


PLUGIN_LOGGER = "mkdocs.plugins.cunjing"


def run_serve(config_file: Path, dev_addr: str | None, verbose: bool = False) -> None:
    """`mkdocs serve` with live reload; MkDocs' own log lines only with ``verbose``."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    handler = logging.StreamHandler()
    if verbose:
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    else:
        handler.setFormatter(logging.Formatter("%(message)s"))
        handler.addFilter(_OursOnly())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)


def port_taken(dev_addr: str) -> bool:
    """Whether something already listens at host:port (another preview, another program)."""
    host, _, port = dev_addr.rpartition(":")
    if not port.isdigit():
        return False  # MkDocs says what is wrong with the address
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.bind((host.strip("[]") or "127.0.0.1", int(port)))
    except OSError as exc:
        return exc.errno == errno.EADDRINUSE
    return False
