"""What every command shares: the ledger ``--db`` names, ISO dates, exit codes, the answer printed.

The feature modules import this and nothing of ``main``, so ``main`` can import every feature
module without a cycle.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

from planner_desktop.errors import UserFixableError
from planner_desktop.paths import default_ledger_path
from planner_desktop.store.database import Ledger, open_ledger

# A command's handler: the parsed arguments in, the JSON-ready answer out.
Handler = Callable[[argparse.Namespace], dict[str, Any]]
# ``command(name, handler, help_text, parent=sub)``: adds a subcommand (see main.build_parser).
Command = Callable[..., argparse.ArgumentParser]

EXIT_OK = 0
EXIT_BAD_INPUT = 1  # a UserFixableError: the clerk's file or ledger needs fixing
EXIT_MISUSE = 2  # called wrongly (argparse exits with 2 too)


class Misuse(Exception):
    """The command was called wrongly (exit status 2)."""


def open_from_args(args: argparse.Namespace) -> Ledger:
    return open_ledger(default_ledger_path(args.db))


@contextlib.contextmanager
def opened_ledger(args: argparse.Namespace) -> Iterator[Ledger]:
    """The ledger ``--db`` names (or the default one), closed when the command is done."""
    ledger = open_from_args(args)
    try:
        yield ledger
    finally:
        ledger.close()


def add_target_arguments(parser: argparse.ArgumentParser) -> None:
    """导入到 for the commands that import a plan's file: into plan ID, as a new plan, or (the
    default) into the one plan that matches the file (else a new one)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--plan", type=int, metavar="ID",
                       help="导入到这个计划（编号见 plans list）；"
                            "默认：与文件相符的计划（恰有一个时），否则新建")
    group.add_argument("--new", action="store_true", help="作为新计划导入")


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def print_answer(result: dict[str, Any], as_json: bool) -> None:
    """The command's answer on stdout: one JSON object, or ``key: value`` lines for people."""
    if as_json:
        print_to_reader(functools.partial(print, json.dumps(result, ensure_ascii=False, default=str)))
    else:
        print_to_reader(functools.partial(print_human, result))


def print_error(exc: UserFixableError, as_json: bool) -> None:
    """Bad input: the JSON error object on stdout (with ``--json``), the message on stderr."""
    if as_json:
        print_to_reader(functools.partial(print, json.dumps(exc.to_json(), ensure_ascii=False)))
    print(f"错误：{exc.full_message()}", file=sys.stderr)


def print_human(result: dict[str, Any]) -> None:
    for key, value in result.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            print(f"{key}:")
            for row in value:
                print("  " + "  ".join(f"{v}" for v in row.values() if v not in (None, "", [])))
        elif isinstance(value, (list, dict)):
            print(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        else:
            print(f"{key}: {value}")


def print_to_reader(write: Callable[[], None]) -> None:
    """Print the answer; a reader that stopped early (``| head``) is no error of ours, and the
    work is done by then: no traceback, and the interpreter's final flush is kept quiet."""
    try:
        write()
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
