"""The ``cunjing`` command: check, build and serve a county's site.

Exit codes: 0 success, 1 invalid data or failed build, 2 usage.
Messages are in Chinese, for editors; bad data never shows a traceback.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from . import emit, mkdocs_run
from .core.dates import build_date
from .core.output import atomic_site
from .core.problems import DataError, format_report
from .kinds import KINDS
from .province.load import Province, is_province, load_province
from .province.run import (
    CountiesFailed,
    build_county_into,
    build_province,
    build_root_into,
    check_province,
    default_jobs,
)
from .site import Site, load_site


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"命令写法不对：{message}\n运行 cunjing --help 查看用法。\n")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”应写成 YYYY-MM-DD，例如 2026-03-01") from None


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cunjing", description="村警：把一村一警数据生成网站。")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    sub.required = True

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data", type=Path, default=Path("data"), help="数据文件夹（默认 data/）")
        p.add_argument(
            "--today", type=_date, default=None,
            help="按哪一天生成（YYYY-MM-DD），决定哪些通知、活动算“当前”；默认今天或 SOURCE_DATE_EPOCH",
        )

    p = sub.add_parser("check", help="只检查数据，不生成网站")
    common(p)
    p = sub.add_parser("build", help="检查数据并生成网站")
    common(p)
    p.add_argument("-d", "--site-dir", type=Path, default=Path("site"), help="网站输出文件夹（默认 site/）")
    p.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="MkDocs 配置文件")
    p.add_argument(
        "--emit-docs", type=Path, default=None, metavar="目录",
        help="不生成网站，而是把全部页面和文件写成普通的 MkDocs 项目（目录/mkdocs.yml），不需要 cunjing 插件就能生成",
    )
    p.add_argument(
        "--jobs", type=int, default=None, metavar="N",
        help="省（州）数据：同时生成几个县（默认本机的处理器核数）",
    )
    p.add_argument("--county", default=None, metavar="县编号", help="省（州）数据：只生成这一个县（输出到 -d 指定的文件夹）")
    p.add_argument(
        "--province-pages", action="store_true",
        help="省（州）数据：只生成省（州）自己的页面，用 -d 文件夹里已经生成好的各县",
    )
    p = sub.add_parser("counties", help="省（州）数据：列出全部县的编号（JSON，给自动化流水线用）")
    common(p)
    p = sub.add_parser("serve", help="在本机预览网站，数据改动后自动刷新")
    common(p)
    p.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="MkDocs 配置文件")
    p.add_argument("-a", "--dev-addr", default=None, help="预览地址，默认 127.0.0.1:8000（被占用时换一个，如 127.0.0.1:8001）")
    p.add_argument("--verbose", action="store_true", help="也显示 MkDocs 自己的（英文）提示，给技术人员排查问题用")
    p = sub.add_parser("schema", help="导出数据文件的 JSON Schema（供编辑器自动提示和检查）")
    p.add_argument("-o", "--output", type=Path, default=Path("schemas"), help="输出文件夹（默认 schemas/）")
    news = [(kind.title, kind.new) for kind in KINDS if kind.new is not None]
    words = "、".join(f"{new.name}（{title}）" for title, new in news)
    p = sub.add_parser("new", help=f"用模板新建一篇文件：{words}（不会覆盖已有文件）")
    kinds = p.add_subparsers(dest="kind", metavar="种类", parser_class=_Parser)
    kinds.required = True
    for _title, new in news:
        q = kinds.add_parser(new.name, help=new.help)
        common(q)
        new.arguments(q)
        q.set_defaults(run=new.run)
    p = sub.add_parser(
        "excel", help="Excel 名册：export 把警务室、村（社区）、民警、辅警协管员和平安建设导出成一个工作簿；"
        "use 改用这个工作簿（代替 .yml 文件）",
    )
    p.add_argument("action", choices=["export", "use"], metavar="操作", help="export（导出名册）或 use（改用工作簿）")
    p.add_argument(
        "file", type=Path, nargs="?", default=None, metavar="文件",
        help="export：导出到哪个文件（默认 名册.xlsx）；use：改好的工作簿（默认 data/名册.xlsx）",
    )
    common(p)
    p.add_argument("-o", "--output", type=Path, default=None, help="export 导出到哪个文件（同“文件”）")
    p = sub.add_parser("init", help="新建一个县的网站项目文件夹（设置、示例警务室、空的内容文件夹）")
    p.add_argument("dir", type=Path, metavar="文件夹", help="新项目的文件夹（可以不存在，已有文件不会被覆盖）")
    return parser


def _load(args: argparse.Namespace) -> Site | None:
    try:
        site = load_site(args.data, args.today)
    except DataError as exc:
        print(format_report(exc.problems), file=sys.stderr)
        return None
    if site.warnings:
        print(format_report(site.warnings), file=sys.stderr)
    return site


def _summary(site: Site) -> str:
    """What the data holds, kind by kind, so an editor sees a new file was taken in."""
    return "；".join(kind.count(site) for kind in KINDS if kind.count is not None)


def _config(args: argparse.Namespace) -> Path | None:
    path: Path = args.config_file
    if not path.is_file():
        print(f"找不到 MkDocs 配置文件 {path}，请在项目文件夹里运行，或用 -f 指定。", file=sys.stderr)
        return None
    return path


def _province(args: argparse.Namespace) -> Province | None:
    try:
        return load_province(args.data)
    except DataError as exc:
        print(format_report(exc.problems), file=sys.stderr)
        return None


def cmd_counties(args: argparse.Namespace) -> int:
    if not is_province(args.data):
        print(f"{args.data} 不是省（州）数据文件夹（里面应该有 counties 文件夹）。", file=sys.stderr)
        return 1
    province = _province(args)
    if province is None:
        return 1
    print(json.dumps([c.id for c in province.counties]))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if is_province(args.data):
        province = _province(args)
        if province is None:
            return 1
        failed, lines = check_province(province, build_date(args.today))
        print("\n".join(lines))
        if failed:
            print(f"共 {len(province.counties)} 个县，{failed} 个县的数据有错误。请改正后再生成网站。", file=sys.stderr)
            return 1
        print(f"共 {len(province.counties)} 个县，数据检查通过。")
        return 0
    site = _load(args)
    if site is None:
        return 1
    print(f"数据检查通过：{_summary(site)}。")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    config = _config(args)
    if config is None:
        return 1
    if is_province(args.data):
        return _build_province(args, config)
    if args.county or args.province_pages:
        print(f"--county 和 --province-pages 只用于省（州）数据，{args.data} 里没有 counties 文件夹。", file=sys.stderr)
        return 2
    if args.emit_docs is not None:
        return emit.run(args, config)
    try:
        with mkdocs_run.environment(args.data, build_date(args.today)), atomic_site(args.site_dir) as tmp:
            site = mkdocs_run.run_build(config, tmp)
    except mkdocs_run.BuildFailed as exc:
        print(str(exc), file=sys.stderr)
        print(f"网站没有生成，{args.site_dir} 保持原样。", file=sys.stderr)
        return 1
    assert site is not None  # a county's build always has its site object
    if site.warnings:
        print(format_report(site.warnings), file=sys.stderr)
    print(f"网站已生成到 {args.site_dir}/：{_summary(site)}。")
    return 0


def _build_province(args: argparse.Namespace, config: Path) -> int:
    province = _province(args)
    if province is None:
        print(f"网站没有生成，{args.site_dir} 保持原样。", file=sys.stderr)
        return 1
    today = build_date(args.today)
    if args.emit_docs is not None:
        print("--emit-docs 目前只用于一个县的数据：请用 --data 指定 counties 里的一个县。", file=sys.stderr)
        return 2
    if args.county is not None:
        if province.county(args.county) is None:
            known = "、".join(c.id for c in province.counties)
            print(f"没有编号为 {args.county} 的县。这个省（州）的县有：{known}。", file=sys.stderr)
            return 1
        with atomic_site(args.site_dir) as tmp:
            run = build_county_into(args.data.absolute(), args.county, config.absolute(), tmp, today)
            if not run.ok:
                print(run.report, file=sys.stderr)
                print(f"网站没有生成，{args.site_dir} 保持原样。", file=sys.stderr)
                raise _Quiet
        if run.report:
            print(run.report, file=sys.stderr)
        print(f"已生成 {args.county} 到 {args.site_dir}/：{run.pages} 个页面。")
        return 0
    if args.province_pages:
        try:
            build_root_into(args.data.absolute(), config.absolute(), args.site_dir.absolute(), today)
        except mkdocs_run.BuildFailed as exc:
            print(str(exc), file=sys.stderr)
            return 1
        print(f"已生成省（州）的页面到 {args.site_dir}/。")
        return 0
    jobs = args.jobs or default_jobs()
    print(f"正在生成 {len(province.counties)} 个县（同时生成 {jobs} 个）……")
    start = time.perf_counter()
    try:
        runs = build_province(province, config, args.site_dir, today, jobs)
    except CountiesFailed as exc:
        bad = [r for r in exc.runs if not r.ok]
        for run in bad:
            print(f"【{run.id}】\n{run.report}", file=sys.stderr)
        print(
            f"{len(bad)} 个县的数据有错误（{'、'.join(r.id for r in bad)}），网站没有生成，"
            f"{args.site_dir} 保持原样。", file=sys.stderr,
        )
        return 1
    except mkdocs_run.BuildFailed as exc:
        print(str(exc), file=sys.stderr)
        print(f"网站没有生成，{args.site_dir} 保持原样。", file=sys.stderr)
        return 1
    for run in runs:
        if run.report:
            print(f"【{run.id}】\n{run.report}", file=sys.stderr)
    pages = sum(r.pages for r in runs)
    print(
        f"网站已生成到 {args.site_dir}/：{len(runs)} 个县、{pages} 个页面，"
        f"用了 {time.perf_counter() - start:.0f} 秒。每个县在 {args.site_dir}/<县编号>/。"
    )
    return 0


class _Quiet(Exception):
    """The build was refused and its message already printed."""


def cmd_serve(args: argparse.Namespace) -> int:
    config = _config(args)
    if config is None:
        return 1
    if is_province(args.data):
        from .province.serve import serve_province

        addr = args.dev_addr or "127.0.0.1:8000"
        if mkdocs_run.port_taken(addr):
            return _port_taken(addr)
        return serve_province(args.data, config, addr, build_date(args.today), default_jobs())
    if _load(args) is None:
        print("数据有错误：预览页面会列出这些问题，改好并保存后自动刷新。", file=sys.stderr)
    addr = args.dev_addr or "127.0.0.1:8000"
    if mkdocs_run.port_taken(addr):
        return _port_taken(addr)
    print(f"正在预览：http://{addr}/ （修改 {args.data}/ 里的数据后页面会自动刷新，按 Ctrl+C 停止）")
    try:
        with mkdocs_run.environment(args.data, build_date(args.today)):
            mkdocs_run.run_serve(config, addr, verbose=args.verbose)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:  # taken between the check and the start
            return _port_taken(addr)
        raise
    return 0


def _port_taken(addr: str) -> int:
    host, _, port = addr.rpartition(":")
    suggestion = f"{host or '127.0.0.1'}:{int(port) + 1}" if port.isdigit() else "127.0.0.1:8001"
    print(
        f"地址 {addr} 已经被占用（可能已经开着一个预览，或者别的程序在用这个端口）。"
        f"请先关掉那个预览窗口，或者换一个地址，例如：cunjing serve -a {suggestion}",
        file=sys.stderr,
    )
    return 1


def cmd_new(args: argparse.Namespace) -> int:
    run: Callable[[argparse.Namespace], int] = args.run
    return run(args)


def cmd_schema(args: argparse.Namespace) -> int:
    from .schemas import write_schemas

    for path in write_schemas(args.output):
        print(f"已写入 {path}")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from .starter.init import InitRefused, create_county

    try:
        create_county(args.dir)
    except InitRefused as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(
        f"已新建项目 {args.dir}/。下一步：\n"
        f"  1. 打开 {args.dir}/data/site.yml，按说明改成本县的名称和网址；\n"
        f"  2. 照着 {args.dir}/data/posts/example-post.yml 写好每个警务室（或用 Excel 名册 data/名册.xlsx）；\n"
        f"  3. 在 {args.dir} 里运行 cunjing check 检查，cunjing serve 预览，cunjing build 生成网站。"
    )
    return 0


def cmd_excel(args: argparse.Namespace) -> int:
    from . import excel

    if not args.data.is_dir():
        print(f"找不到数据文件夹 {args.data}，请在项目文件夹里运行，或用 --data 指定。", file=sys.stderr)
        return 1
    today = build_date(args.today)
    try:
        if args.action == "export":
            output: Path = args.output or args.file or Path(excel.WORKBOOK)
            held = excel.export(args.data, today, output)
            print(
                f"已导出名册 {output}：{held}。用 Excel 或 WPS 修改后保存，"
                f"再运行 cunjing excel use {output}：它把工作簿放到 {args.data}/{excel.WORKBOOK}，"
                "把被代替的 .yml 文件移到备份文件夹（不删除），然后检查数据。"
            )
            return 0
        source: Path = args.file or args.data / excel.WORKBOOK
        target, moves = excel.use(args.data, source, today)
    except excel.Refused as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"已改用 Excel 名册 {target}。")
    if moves:
        print(f"移到备份文件夹的文件（共 {len(moves)} 个，没有删除，需要时可以放回去）：")
        for old, new in moves:
            print(f"  {old} -> {new}")
    return cmd_check(args)


COMMANDS = {
    "check": cmd_check, "build": cmd_build, "serve": cmd_serve, "new": cmd_new, "schema": cmd_schema,
    "init": cmd_init, "excel": cmd_excel, "counties": cmd_counties,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except _Quiet:
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug in cunjing, not in the data
        print(f"程序内部出错（{type(exc).__name__}: {exc}）。这不是数据的问题，请联系技术人员。", file=sys.stderr)
        if os.environ.get("CUNJING_DEBUG"):
            traceback.print_exc()
        return 1


if __name__ == "__main__":
    sys.exit(main())
