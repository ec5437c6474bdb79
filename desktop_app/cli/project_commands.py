"""`new`: create a project folder from an evaluation set. See desktop_app/cli/__init__.py."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from desktop_app.core.data.sniff import label
from desktop_app.core.data.rows import HUGE_CELL, import_dataset
from desktop_app.core.errors import AppError
from desktop_app.core.project.folder import Project, sweep_temp_files

_ROLE_OPTIONS = ("input", "expected", "id", "context", "category")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "new",
        help="create a project from an evaluation set",
        description="Create PROJECT (a folder) and import the evaluation set FILE: "
        "CSV/TSV in any common encoding, XLSX, JSONL, OpenAI chat or Evals JSONL.",
    )
    p.add_argument("project", metavar="PROJECT", help="folder to create (may exist if it has no project)")
    p.add_argument("--dataset", required=True, metavar="FILE", help="the evaluation set to import")
    p.add_argument("--sheet", metavar="S", help="XLSX sheet name (default: the first sheet)")
    p.add_argument("--encoding", metavar="E", help="text encoding, e.g. utf-8, cp932 (default: detected)")
    p.add_argument("--delimiter", metavar="D", help="CSV delimiter, e.g. ',' ';' or tab (default: detected)")
    for role in _ROLE_OPTIONS:
        p.add_argument(f"--{role}", metavar="COL", help=f"the {role} column (default: guessed from the names)")
    p.add_argument(
        "--examples",
        type=int,
        default=0,
        metavar="N",
        help="rows to set aside as the examples pool for few-shot and fine-tuning (default 0)",
    )
    p.add_argument("--seed", type=int, default=0, metavar="N", help="seed of the examples split (default 0)")
    p.set_defaults(func=run_new)


def run_new(args: argparse.Namespace) -> int:
    root = Path(args.project)
    existed = root.is_dir()
    before = set(root.iterdir()) if existed else set()
    mapping = {role: getattr(args, role) for role in _ROLE_OPTIONS if getattr(args, role) is not None}
    if _replace_half_made(root):
        before = set(root.iterdir())
    project = Project.create(root)  # refuses a folder that already holds a project
    try:
        section = import_dataset(
            project,
            args.dataset,
            encoding=args.encoding,
            sheet=args.sheet,
            delimiter=args.delimiter,
            mapping=mapping,
            examples=args.examples,
            seed=args.seed,
        )
    except BaseException:
        _remove_created(root, existed, before)  # so the same command can simply be run again
        raise
    for line in summary_lines(root, section):
        print(line)
    return 0


def _replace_half_made(root: Path) -> bool:
    """A `new` that was killed before its import finished leaves a project with nothing in it: say
    so and start it again, rather than refuse the very command that made it."""
    if not (root / "project.json").exists():
        return False
    try:
        half = Project.open(root).half_made()
    except AppError:
        return False  # a damaged file is not ours to delete: Project.create explains
    if half:
        print(f"note: {root} holds a project an interrupted `new` left empty; creating it again", file=sys.stderr)
        (root / "project.json").unlink()
        sweep_temp_files(root, stale_s=0)
    return half


def _remove_created(root: Path, existed: bool, before: set[Path]) -> None:
    if not existed:
        shutil.rmtree(root, ignore_errors=True)
        return
    for child in root.iterdir():
        if child not in before:
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)


def summary_lines(root: Path, section: dict) -> list[str]:
    where = {
        "csv": f"CSV, delimiter {section['delimiter']!r}",
        "xlsx": f"XLSX, sheet '{section['sheet']}'",
        "jsonl": "JSONL",
        "chat_jsonl": "OpenAI chat-format JSONL",
        "evals_jsonl": "OpenAI Evals JSONL",
    }.get(section["format"], section["format"])
    encoding = f", encoding {label(section['encoding'])}" if section.get("encoding") else ""
    mapping = section["mapping"]
    shown = ", ".join(f"{role}={mapping[role] or ('(generated)' if role == 'id' else '-')}" for role in _ROLE_OPTIONS)
    examples = section["examples"]
    lines = [
        f"Created project {root}",
        f"Read {Path(section['source']).name}: {where}{encoding}",
        f"Rows: {section['rows']} (evaluation {section['eval_rows']}, examples pool "
        f"{examples['count']}, seed {examples['seed']})",
        f"Columns: {shown}",
    ]
    lines += [f"Warning: {_warning_text(w)}" for w in section.get("warnings", [])]
    return lines


def _listed(values: list, count: int) -> str:
    more = ", ..." if count > len(values) else ""
    return ", ".join(map(str, values)) + more


def _warning_text(w: dict) -> str:
    kind, count = w.get("kind"), w.get("count", 0)
    texts = {
        "huge_cell": lambda: (
            f"{count} row(s) have a cell over {HUGE_CELL:,} characters "
            f"(kept, flagged huge_cell): {_listed(w['ids'], count)}"
        ),
        "empty_input": lambda: f"{count} row(s) without an input were skipped (lines {_listed(w['lines'], count)})",
        "empty_expected": lambda: f"{count} row(s) have no expected output: {_listed(w['ids'], count)}",
        "generated_ids": lambda: (
            f"{count} row(s) had an empty id; ids were generated (lines {_listed(w['lines'], count)})"
        ),
        "duplicate_inputs": lambda: (
            f"{count} rows share their input with another row (they stay on the same side of the split)"
        ),
        "renamed_columns": lambda: f"blank or repeated column names were renamed: {', '.join(w['columns'])}",
        "encoding_differs": lambda: (
            f"you chose {label(w['chosen'])} but the file looks like "
            f"{label(w['detected'])}; check the text for garbled characters"
        ),
        "ignored_keys": lambda: (
            f"{count} line(s) have keys not seen in the first lines (ignored): {', '.join(w['keys'])}"
        ),
        "cells_outside_header": lambda: f"{count} row(s) have cells right of the last named column (ignored)",
    }
    return texts[kind]() if kind in texts else str(w)
