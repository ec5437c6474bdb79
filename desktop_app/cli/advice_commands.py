"""`advise PROJECT [--json]`: the recommended next step, its evidence and checklist.

`--json` prints the stable contract of ``Diagnosis.to_dict()`` for scripts and CI; without it
a short plain summary. Bad input exits 2 with one line (see desktop_app/cli/__init__.py).
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop_app.core.advice.inputs import diagnose_project
from desktop_app.core.advice.diagnose import Diagnosis
from desktop_app.core.project.folder import Project

_MAX_ROWS_SHOWN = 8


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "advise",
        help="recommend the next step (prompt, RAG, retrieval, fine-tuning) with evidence",
        description="Classify every failing row of the project's runs as a knowledge, behaviour, "
        "retrieval or generation gap and recommend the next step.",
    )
    p.add_argument("project", metavar="PROJECT", help="the project folder")
    p.add_argument("--json", action="store_true", help="print the full diagnosis as JSON")
    p.add_argument(
        "--readiness",
        action="store_true",
        help="while no RAG run exists, also measure whether the documents hold the answers",
    )
    p.set_defaults(func=_advise)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x * 100:.0f}%"


def _numbers(numbers: dict) -> str:
    return " ".join(f"{k}={','.join(map(str, v)) if isinstance(v, list) else v}" for k, v in numbers.items())


def summary(d: Diagnosis) -> str:
    """A few plain lines a person can read in a terminal or a CI log."""
    gaps = ", ".join(f"{k} {v}" for k, v in d.to_dict()["gaps"].items())
    focus = f" ({d.focus.replace('_', ' ')})" if d.focus else ""
    why = f": {', '.join(r.replace('_', ' ') for r in d.confidence_reasons)}" if d.confidence_reasons else ""
    lines = [
        f"Next step: {d.recommendation}{focus} (confidence {d.confidence_level}{why}), starting from run "
        f"{d.from_run!r}; target pass rate {_pct(d.target)}.",
        f"Failing rows of {d.from_run!r} by gap: {gaps}; errors (no output) {d.errors}.",
        "Runs:",
    ]
    width = max(len(p.name) for p in d.runs)
    for p in d.runs:
        tokens = "-" if p.tokens_per_request is None else f"{p.tokens_per_request:.0f}"
        lines.append(
            f"  {p.name:<{width}}  pass {_pct(p.pass_rate):>4}  content {_pct(p.content_score):>4}  "
            f"behaviour {_pct(p.behaviour_score):>4}  tokens/request {tokens}  "
            f"grid {p.technique_position[0]},{p.technique_position[1]}"
        )
    lines.append("Evidence:")
    for e in d.evidence:
        rows = list(e.rows[:_MAX_ROWS_SHOWN]) + (["..."] if len(e.rows) > _MAX_ROWS_SHOWN else [])
        where = f" runs {', '.join(e.runs)}" if e.runs else ""
        shown = f" rows {', '.join(rows)}" if rows else ""
        lines.append(f"  {e.kind}: {_numbers(e.numbers)}{where}{shown}")
    steps = ", ".join(c.id + (" (costly)" if c.costly else "") + (" (done)" if c.done else "") for c in d.checklist)
    lines.append(f"Checklist: {steps}")
    return "\n".join(lines)


def _advise(args: argparse.Namespace) -> int:
    diagnosis = diagnose_project(Project.open(args.project), measure_readiness=args.readiness)
    if args.json:
        json.dump(diagnosis.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(summary(diagnosis))
    return 0
