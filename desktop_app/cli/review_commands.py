"""`review` and `agreement`: a person's verdicts on answers, from a script or a terminal.

`review PROJECT RUN ROW right|wrong|clear` records (or takes back) a person's verdict on the
answer a run gave to a row; it overrides the automatic content verdict of that answer.
`agreement PROJECT [--json] [--sample N]` prints how often the automatic verdicts agree with
the person's (count, share, Cohen's kappa) and, with --sample, the rows worth reviewing next
(unsure answers first). Exit 2 with one line for bad input, like every command.
"""

from __future__ import annotations

import argparse
import json

from desktop_app.core.run import reviews
from desktop_app.core.errors import RunError
from desktop_app.core.project import Project
from desktop_app.core.run.store import ResultStore


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "review",
        help="record a person's verdict on one answer (right, wrong, or clear)",
        description="Record a person's verdict on the answer RUN gave to ROW. It replaces the "
        "automatic content verdict of that answer wherever results are shown.",
    )
    p.add_argument("project", metavar="PROJECT", help="the project folder")
    p.add_argument("run", metavar="RUN", help="the run's name (its latest run) or #ID")
    p.add_argument("row", metavar="ROW", help="the row id")
    p.add_argument("label", metavar="LABEL", choices=("right", "wrong", "clear"), help="right, wrong or clear")
    p.set_defaults(func=_review)

    a = sub.add_parser(
        "agreement",
        help="how often the automatic verdicts agree with a person's",
        description="Agreement (share and Cohen's kappa) of the automatic content verdicts "
        "with a person's reviews; --sample lists rows worth reviewing next.",
    )
    a.add_argument("project", metavar="PROJECT", help="the project folder")
    a.add_argument("--json", action="store_true", help="print JSON")
    a.add_argument(
        "--sample",
        type=int,
        default=0,
        metavar="N",
        help="also list N rows of the latest run to review next (unsure answers first)",
    )
    a.set_defaults(func=_agreement)


def _find_run(store: ResultStore, name: str):
    if name.startswith("#") and name[1:].isdigit():
        found = [r for r in store.runs() if r.id == int(name[1:])]
    else:
        found = store.runs_named(name)
    if not found:
        known = ", ".join(sorted({r.name for r in store.runs()})) or "none yet"
        raise RunError(f"No run named {name!r}.", f"Use one of: {known} (or #ID).")
    return found[-1]


def _review(args: argparse.Namespace) -> int:
    project = Project.open(args.project)
    with ResultStore(project.results_db) as store:
        run = _find_run(store, args.run)
        result = next((r for r in store.results(run.id) if r.row_id == args.row), None)
        if result is None or result.error is not None:
            raise RunError(
                f"Run {run.name!r} has no answer for row {args.row!r}.",
                "Give a row id the run answered (results --json lists the runs).",
            )
        store.set_review(run.id, args.row, result.output, None if args.label == "clear" else args.label)
    print(f"reviewed {run.name} {args.row} {args.label}")
    return 0


def _agreement(args: argparse.Namespace) -> int:
    project = Project.open(args.project)
    if not project.results_db.exists():
        raise RunError("This project has no runs yet.", "Run or import a run first.")
    with ResultStore(project.results_db) as store:
        runs = store.runs()
        every = [r for run in runs for r in store.results(run.id)]
        to_review = reviews.sample(store.results(runs[-1].id), args.sample) if args.sample and runs else []
    found = reviews.measure(every)
    decided = reviews.measure(every, skip_unsure=True)
    if args.json:
        print(
            json.dumps(
                {
                    **found.to_dict(),
                    "decided": decided.to_dict(),
                    "sample": to_review,
                    "sample_run": runs[-1].name if to_review else None,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not found.count:
        print("no answers reviewed yet")
    else:
        kappa = "-" if found.kappa is None else f"{found.kappa:.2f}"
        print(
            f"reviewed {found.count}, agreed {found.agreed} ({found.share:.0%}), kappa {kappa}, "
            f"automatic unsure {found.unsure}"
        )
    for row_id in to_review:
        print(f"to review: {runs[-1].name} {row_id}")
    return 0
