"""check-add, check-list, check-remove: what "good" means for a project.

Output is line-oriented for scripts: check-add prints "<status> <id>" (status: inferred for
each default stored with the first edit, then added / updated / unchanged), check-list prints
a tab-separated table (or JSON with --json), check-remove prints "removed <id>".
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop_app.core.checks import CLI_KIND_NAMES, CheckSpec, add_check, kind_from_name, project_checks, remove_check
from desktop_app.core.errors import CheckError
from desktop_app.core.run.project_scores import rescore_project
from desktop_app.core.project.folder import Project

# Kinds whose value may be long enough to keep in a file: VALUE "@path" reads it.
_FILE_VALUE_KINDS = {"json_schema", "rubric"}


def register(sub: argparse._SubParsersAction) -> None:
    add = sub.add_parser(
        "check-add",
        help="add a check (content or behaviour) to a project",
        description="Add a check. The first edit of a project without checks also "
        "stores the checks inferred from its dataset.",
    )
    add.add_argument("project", metavar="PROJECT", help="the project folder")
    add.add_argument("kind", metavar="KIND", help="one of: " + ", ".join(CLI_KIND_NAMES))
    add.add_argument(
        "value",
        metavar="VALUE",
        nargs="?",
        default=None,
        help="regex, JSON schema, number of characters, phrase, language code (ja, zh, ko, en) "
        "or rubric text; @FILE reads a json-schema or rubric from a file",
    )
    add.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="pass threshold 0..1 for token-f1 (default 0.5) and semantic (default 0.8)",
    )
    add.add_argument(
        "--allow-fence", action="store_true", help="json / json-schema: accept an answer wrapped in a ``` code fence"
    )
    add.add_argument(
        "--mode",
        choices=("unsure", "all"),
        default=None,
        help="judge: decide only the rows text alone cannot (unsure, the default) or every row (all)",
    )
    add.add_argument(
        "--judge-model",
        metavar="MODEL",
        default=None,
        help="judge: the model that judges, on the project's connection (default: the model "
        "under test; a stronger one is recommended)",
    )
    add.set_defaults(func=_cmd_add)

    lst = sub.add_parser("check-list", help="list a project's checks")
    lst.add_argument("project", metavar="PROJECT", help="the project folder")
    lst.add_argument("--json", action="store_true", help="print the checks as a JSON list")
    lst.set_defaults(func=_cmd_list)

    rem = sub.add_parser("check-remove", help="remove a check by id")
    rem.add_argument("project", metavar="PROJECT", help="the project folder")
    rem.add_argument("id", metavar="ID", help="the check id shown by check-list")
    rem.set_defaults(func=_cmd_remove)


def _read_value(kind: str, value: str | None) -> str | None:
    if value is None or kind not in _FILE_VALUE_KINDS or not value.startswith("@"):
        return value
    path = Path(value[1:])
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckError(
            f"Cannot read the {kind.replace('_', '-')} value from {path}: {exc}.",
            "Give an existing UTF-8 text file after @, or the value itself.",
        ) from exc


def _cmd_add(args: argparse.Namespace) -> int:
    kind = kind_from_name(args.kind)
    project = Project.open(args.project)
    params = {"allow_fence": True} if args.allow_fence else None
    if params and kind not in ("json", "json_schema"):
        raise CheckError("--allow-fence applies to json and json-schema checks only.", "Leave it out.")
    if (args.mode or args.judge_model) and kind != "judge":
        raise CheckError("--mode and --judge-model apply to the judge check only.", "Leave them out.")
    if kind == "judge":
        params = {k: v for k, v in (("mode", args.mode), ("model", args.judge_model)) if v} or None
    spec, status, seeded = add_check(
        project, kind, _read_value(kind, args.value), threshold=args.threshold, params=params
    )
    for default in seeded:
        if default.id != spec.id:
            print(f"inferred {default.id}")
    if status != "unchanged":
        rescore_project(project)  # the stored verdicts follow the checks (no model call)
    print(f"{status} {spec.id}")
    return 0


def _describe_params(spec: CheckSpec) -> str:
    parts = []
    if spec.threshold is not None:
        parts.append(f"threshold={spec.threshold:g}")
    if spec.params.get("allow_fence"):
        parts.append("allow_fence")
    if spec.kind == "judge":
        parts.append(f"mode={spec.params.get('mode', 'unsure')}")
        if spec.params.get("model"):
            parts.append(f"model={spec.params['model']}")
    return ",".join(parts) or "-"


def _cmd_list(args: argparse.Namespace) -> int:
    project = Project.open(args.project)
    specs, stored = project_checks(project)
    if args.json:
        print(json.dumps([s.to_dict() for s in specs], ensure_ascii=False, indent=2))
        return 0
    if not specs:
        print("# no checks: import a dataset or add one with check-add")
        return 0
    print("id\tfamily\tkind\tvalue\tsettings\tsource")
    for s in specs:
        value = "-" if s.value is None else " ".join(s.value.split())
        value = value if len(value) <= 60 else value[:59] + "…"
        source = ("inferred" if s.inferred else "user") + ("" if s.enabled else ",disabled")
        print(f"{s.id}\t{s.family}\t{s.kind.replace('_', '-')}\t{value}\t{_describe_params(s)}\t{source}")
    if not stored:
        print("# inferred from the dataset, not saved yet: check-add or check-remove stores them")
    return 0


def _cmd_remove(args: argparse.Namespace) -> int:
    project = Project.open(args.project)
    removed = remove_check(project, args.id)
    rescore_project(project)
    print(f"removed {removed.id}")
    return 0
