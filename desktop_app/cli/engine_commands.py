"""run, import-run, results: evaluate a project's variants, import outputs made elsewhere, show the leaderboard.

`results --json` prints a list with one object per run; its keys are a contract for scripts:
name, techniques, technique_position, rows, errors, content_score, behaviour_score,
pass_rate, tokens, cost, latency_p50, latency_p95 (and a few more, never renamed). ``cost`` is
null when no price is known for the model (``cost_known`` false); ``missing`` counts evaluation
rows the run has no result for, which the scores count as failed.
`run` exits 0 when the runs finished (rows that failed are counted in `errors`), 1 when the
user declined at the prompt, 2 for bad input, 130 on Ctrl+C (finished rows are kept).
`run --batch` / `run --collect` go through the provider's Batch API (cli/batch_commands.py); they
add exit 4: batches still running.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time

from desktop_app.core.errors import RunError
from desktop_app.core.project.folder import Project
from desktop_app.cli.plan_prompt import agreed, duration, money


def register(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser(
        "run",
        help="run variants against the connected model (resumes unfinished runs)",
        description="Print the estimate, ask, then run. Finished rows are kept on Ctrl+C; "
        "running again resumes and never pays for a finished or cached request.",
    )
    run.add_argument("project", metavar="PROJECT", help="the project folder")
    run.add_argument(
        "--variants",
        metavar="NAME,...",
        default="",
        help="variants to run (names in the project, or presets: baseline, instructions, "
        "step_by_step, few_shot, rag, rag_few_shot, fine_tuned, fine_tuned_rag)",
    )
    run.add_argument(
        "--concurrency",
        metavar="N",
        type=int,
        default=None,
        help="requests in flight at once (default: the project's setting, 8)",
    )
    run.add_argument("--yes", "-y", action="store_true", help="run without asking")
    mode = run.add_mutually_exclusive_group()
    mode.add_argument(
        "--batch",
        action="store_true",
        help="submit to the provider's Batch API (OpenAI, Azure OpenAI): about half the price, "
        "results within 24 hours; prints the batch ids and returns at once",
    )
    mode.add_argument(
        "--collect",
        action="store_true",
        help="check the submitted batches and store the results of those that finished "
        "(exit 4: some are still running)",
    )
    run.add_argument("--json", action="store_true", help="with --batch or --collect: print the outcome as JSON")
    run.set_defaults(func=_cmd_run)

    imp = sub.add_parser(
        "import-run",
        help="import outputs produced elsewhere as a run",
        description="Import a CSV/XLSX/JSONL of outputs keyed by row id; it is scored like any run.",
    )
    imp.add_argument("project", metavar="PROJECT", help="the project folder")
    imp.add_argument("name", metavar="NAME", help="the run's name (re-importing a name replaces that import)")
    imp.add_argument("file", metavar="FILE", help="CSV, XLSX or JSONL with one output per row id")
    imp.add_argument(
        "--techniques",
        metavar="T1,T2",
        required=True,
        help="techniques that produced it: none, or instructions, step_by_step, few_shot, rag, rag_tuned, fine_tuned",
    )
    imp.add_argument("--output-col", metavar="C", default=None, help="column with the outputs (default: guessed)")
    imp.add_argument(
        "--contexts-col",
        metavar="C",
        default=None,
        help="column with the retrieved passages: a JSON list of strings or {text, source}",
    )
    imp.add_argument("--id-col", metavar="C", default=None, help="column with the row ids (default: guessed)")
    imp.add_argument("--model", metavar="M", default="", help="the model that produced the outputs, if known")
    imp.add_argument("--json", action="store_true", help="print the import report as JSON")
    imp.set_defaults(func=_cmd_import)

    res = sub.add_parser("results", help="the leaderboard: one line per run")
    res.add_argument("project", metavar="PROJECT", help="the project folder")
    res.add_argument("--json", action="store_true", help="print a JSON list, one object per run")
    res.set_defaults(func=_cmd_results)


# -- run ------------------------------------------------------------------------------------
class _StopOnSignals:
    """Ctrl+C and SIGTERM stop a run the way the window's Cancel does: nothing new is sent, the
    answers already on their way get their short grace and are stored (the provider bills them
    once sent), and the run is marked cancelled, so a resume never pays for them again."""

    def __init__(self) -> None:
        self.signal = ""
        self._old: dict = {}

    def requested(self) -> bool:
        return bool(self.signal)

    def _handle(self, signum, _frame) -> None:
        self.signal = signal.Signals(signum).name

    def __enter__(self) -> "_StopOnSignals":
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                self._old[sig] = signal.signal(sig, self._handle)
            except (ValueError, OSError):  # not the main thread, or not supported here
                pass
        return self

    def __exit__(self, *exc) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)


class _Bar:
    """A one-line progress bar on a terminal's stderr (nothing when stderr is not a terminal)."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.on = stream.isatty()
        self.last = 0.0

    def __call__(self, event: dict) -> None:
        if not self.on:
            return
        now = time.monotonic()
        final = event["event"] == "finished"
        if not final and now - self.last < 0.1 and event["done"] < event["total"]:
            return  # redraw at most ten times a second
        self.last = now
        total = max(1, event["total"])
        filled = int(30 * event["done"] / total)
        eta = "" if event["eta_s"] is None else f" eta {duration(event['eta_s'])}"
        if (event.get("waiting_s") or 0) >= 0.5:
            eta = f" waiting for the rate limit: {duration(event['waiting_s'])}"
        label = f"re-ranking {event['run']}" if event["event"] == "rerank" else event["run"]
        line = (
            f"\r{label[:20]:<20} [{'#' * filled}{'.' * (30 - filled)}] {event['done']}/{event['total']}"
            f" errors {event['errors']} cached {event['cached']} ${event['cost']:.4f}{eta}"
        )
        self.stream.write(line.ljust(100)[:120] + ("\n" if final else ""))
        self.stream.flush()


def _cmd_run(args) -> int:
    from desktop_app.core.run.project import execute_plan, prepare_project_run  # noqa: PLC0415

    if args.concurrency is not None and not 1 <= args.concurrency <= 256:
        raise RunError(f"--concurrency {args.concurrency} is out of range.", "Use 1 to 256 (default 8).")
    project = Project.open(args.project)
    names = [n.strip() for n in args.variants.split(",") if n.strip()] or None
    if args.json and not (args.batch or args.collect):
        raise RunError("--json goes with --batch or --collect.", "Use `results --json` for the leaderboard.")
    if args.batch or args.collect:
        from desktop_app.cli import batch_commands  # noqa: PLC0415

        if args.collect:
            return batch_commands.cmd_collect(args, project)
        return batch_commands.cmd_batch(args, project, names)
    plan = prepare_project_run(project, names, concurrency=args.concurrency)
    if not agreed(plan, args):
        return 1
    stop = _StopOnSignals()
    with stop:
        summaries = execute_plan(plan, progress=_Bar(sys.stderr), should_stop=stop.requested)
    if stop.signal:  # answers in flight had their grace and are stored; the run is marked cancelled
        print(f"stopped ({stop.signal}); finished rows are saved, run again to resume", file=sys.stderr)
        return 130
    for s in summaries:
        print(
            f"{s.run.name}: {s.run.status}, {s.rows} rows, {s.errors} errors, content {s.content_score:.1%}, "
            f"behaviour {s.behaviour_score:.1%}, pass {s.pass_rate:.1%}, cost {money(s.cost)}"
        )
    for s in summaries:
        if s.prompt_cut:  # answered, so not an error; but those answers never saw the whole prompt
            from desktop_app.core.advice.evidence_words import PROMPT_CUT_HINT  # noqa: PLC0415

            print(
                f"warning: {s.run.name}: the server cut the prompt of {s.prompt_cut} of {s.rows} rows to fit its "
                f"context window; those answers never saw all of their passages or instructions. {PROMPT_CUT_HINT}",
                file=sys.stderr,
            )
    errors = sum(s.errors for s in summaries)
    if errors:  # exit 0 only when every row has an answer: a script must not take half a run for a run
        reason, count = _commonest_error(project, [s.run.id for s in summaries])
        print(
            f"{errors} rows ended in errors (commonest: {reason!r}, {count} rows); run again to resume them",
            file=sys.stderr,
        )
        return EXIT_ROWS_FAILED
    return 0


EXIT_ROWS_FAILED = 3  # the run finished, but some rows have no answer (documented in the CLI's help)


def _commonest_error(project, run_ids: list[int]) -> tuple[str, int]:
    from desktop_app.core.providers.replies import commonest_error  # noqa: PLC0415
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415

    with ResultStore(project.results_db) as store:
        found = commonest_error(r.error for rid in run_ids for r in store.results(rid))
    return (found[0], found[1]) if found else ("unknown", 0)


# -- import-run -------------------------------------------------------------------------------
def _cmd_import(args) -> int:
    from desktop_app.core.run.imported import import_run  # noqa: PLC0415

    project = Project.open(args.project)
    report = import_run(
        project,
        args.name,
        args.file,
        args.techniques,
        output_col=args.output_col,
        contexts_col=args.contexts_col,
        id_col=args.id_col,
        model=args.model,
    )
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return 0
    verb = "replaced" if report.replaced else "imported"
    print(
        f"{verb} {report.run.name}: {report.stored} of {report.evaluation_rows} evaluation rows "
        f"(techniques: {', '.join(report.run.techniques) or 'none'})"
    )
    for label, ids in (
        ("missing (no output in the file)", report.missing),
        ("unknown ids (ignored)", report.unknown),
        ("examples-pool ids (not evaluated, ignored)", report.pool),
    ):
        if ids:
            more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
            print(f"warning: {len(ids)} {label}: {', '.join(ids[:10])}{more}", file=sys.stderr)
    if report.blank_outputs:
        print(f"warning: {report.blank_outputs} blank outputs", file=sys.stderr)
    return 0


# -- results -----------------------------------------------------------------------------------
def _cmd_results(args) -> int:
    from desktop_app.core.run.project_scores import project_summaries  # noqa: PLC0415
    from desktop_app.core.run.scoring import summary_to_dict  # noqa: PLC0415

    project = Project.open(args.project)
    rows = [summary_to_dict(s, unknown_cost=None) for s in project_summaries(project)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("no runs yet")
        return 0
    print(
        "\t".join(
            (
                "name",
                "techniques",
                "x,y",
                "rows",
                "errors",
                "content",
                "behaviour",
                "pass",
                "tokens",
                "cost",
                "p50_s",
                "p95_s",
                "missing",
            )
        )
    )
    for r in rows:
        lat = ["-" if r[k] is None else f"{r[k]:.2f}" for k in ("latency_p50", "latency_p95")]
        cost = "-" if r["cost"] is None else f"{r['cost']:.4f}"  # no price known for the model
        print(
            "\t".join(
                (
                    r["name"],
                    ",".join(r["techniques"]) or "none",
                    "{},{}".format(*r["technique_position"]),
                    str(r["rows"]),
                    str(r["errors"]),
                    f"{r['content_score']:.3f}",
                    f"{r['behaviour_score']:.3f}",
                    f"{r['pass_rate']:.3f}",
                    str(r["tokens"]),
                    cost,
                    *lat,
                    str(r["missing"]),
                )
            )
        )
    return 0
