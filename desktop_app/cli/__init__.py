"""Headless commands (`llm-path-advisor-cli`, `python -m desktop_app.cli`).

A stable contract for scripts and CI pipelines: exit 0 on success, 2 with a one-line
message on stderr for bad input, 3 when `run` finished but some rows ended in errors (the
commonest error is named; running again resumes them), 4 when `run --collect` stored what was
ready but batches are still running at the provider, 130 when interrupted. Each area registers its sub-commands from its own module.
"""

from __future__ import annotations

import argparse
from typing import NoReturn
import importlib
import sqlite3
import sys

from desktop_app import __version__
from desktop_app.core.errors import AppError, as_app_error

COMMAND_MODULES = (
    "desktop_app.cli.project_commands",
    "desktop_app.cli.connection_commands",
    "desktop_app.cli.check_commands",
    "desktop_app.cli.engine_commands",
    "desktop_app.cli.knowledge_commands",
    "desktop_app.cli.advice_commands",
    "desktop_app.cli.report_commands",
    "desktop_app.cli.review_commands",
    "desktop_app.cli.finetune_commands",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own usage errors also exit 2, on one line
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="llm-path-advisor-cli",
        description="Evaluate an LLM feature and get advice on what to do next.",
        epilog="Exit codes: 0 done; 2 bad input (one line on stderr says what to do); 3 run "
        "finished but some rows ended in errors (run again to resume them); 4 run --collect: batches "
        "still running; 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except AppError as exc:
        print(f"error: {exc.one_line()}", file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error) as exc:  # a full disk or a read-only folder: the user's to fix
        known = as_app_error(exc)
        if known is None:
            raise
        print(f"error: {known.one_line()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; finished rows are saved, run again to resume", file=sys.stderr)
        return 130
