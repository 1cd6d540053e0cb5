"""The parser of every command, and running one: ``run(argv)`` returns the exit status.

The feature modules are listed here in the order their commands appear in ``--help``; each
adds its commands through ``register(command, sub)``.
"""

from __future__ import annotations

import argparse
import sys

from planner_desktop import __version__
from planner_desktop.cli import (
    assessment,
    calendar,
    demo,
    extensions,
    fillin,
    items,
    ledger,
    plan_document,
    reports,
    slips,
    summary,
    targets,
    tasks,
    units,
)
from planner_desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_MISUSE,
    EXIT_OK,
    Handler,
    print_answer,
    print_error,
)
from planner_desktop.errors import UserFixableError

FEATURES = (ledger, demo, units, tasks, items, calendar, fillin, plan_document, reports, summary, slips,
            targets, extensions, assessment)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="输出一个 JSON 对象（供脚本使用）")
    parser = argparse.ArgumentParser(
        prog="planner-desktop", parents=[common],
        description="工作要点督办台：不带参数运行时打开图形界面；带子命令时在命令行中执行。",
    )
    parser.add_argument("--db", metavar="PATH", help="账本文件（默认在用户数据文件夹中）")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str, parent=sub) -> argparse.ArgumentParser:
        p = parent.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    for feature in FEATURES:
        feature.register(command, sub)
    return parser


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    as_json = getattr(args, "json", False)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_MISUSE
    try:
        result = handler(args)
    except UserFixableError as exc:
        print_error(exc, as_json)
        return EXIT_BAD_INPUT
    print_answer(result, as_json)
    return EXIT_OK
