"""`run --batch` and `run --collect`: very large evaluations through the provider's Batch API.

`run PROJECT --batch` prints the estimate with both prices (online and batch), asks (or --yes),
submits and returns at once, printing one batch id a line (`--json`: an object with ``batches``,
``requests``, ``rows``, ``cached``, ``joined``, ``runs``). `run PROJECT --collect` checks every
open batch, stores what finished and prints each batch's status (`--json`: ``batches``,
``collected``, ``answered``, ``errors``, ``pending``, ``skipped``). Exit codes extend `run`'s:
0 done; 3 some collected rows ended in errors (run again, online or --batch, to resume them);
4 collected what was ready but batches are still running (run --collect again later).
"""

from __future__ import annotations

import json
import sys

from desktop_app.cli.plan_prompt import agreed, money
from desktop_app.core.errors import RunError

EXIT_BATCHES_PENDING = 4  # nothing is wrong: the provider has not finished yet


def cmd_batch(args, project, names) -> int:
    from desktop_app.core.providers.connection import ConnectionConfig  # noqa: PLC0415
    from desktop_app.core.run.batch import batch_supported, submit_batches  # noqa: PLC0415
    from desktop_app.core.run.project import prepare_project_run  # noqa: PLC0415

    if not batch_supported(ConnectionConfig.from_dict(project.section("connection")).preset):
        raise RunError(
            "This connection has no Batch API: batches go to OpenAI or Azure OpenAI.",
            "Run without --batch, or connect to OpenAI or Azure OpenAI (connect --preset).",
        )
    plan = prepare_project_run(project, names)
    if not agreed(
        plan, args, f"batch price: {money(plan.estimate.batch_cost_usd)} (about half; results within 24 hours)"
    ):
        return 1
    submission = submit_batches(plan)  # closes the plan
    if args.json:
        print(json.dumps(submission.to_dict(), ensure_ascii=False, indent=2))
        return 0
    for b in submission.batches:
        print(b.id)
    print(
        f"submitted {len(submission.batches)} batches: {submission.requests} requests for {submission.rows} rows"
        f" ({submission.cached} answered from the cache, {submission.joined} waiting on earlier batches);"
        " run --collect later",
        file=sys.stderr,
    )
    return 0


def cmd_collect(args, project) -> int:
    from desktop_app.core.run.batch import check_batches  # noqa: PLC0415

    check = check_batches(project)
    if args.json:
        print(json.dumps(check.to_dict(), ensure_ascii=False, indent=2))
    else:
        if not check.batches:
            print("no batches submitted for this project")
        for b in check.batches:
            state = "collected" if b.collected else f"due by {b.expires_at or '?'}"
            print(f"{b.id}\t{b.status}\t{b.completed}/{b.total} done\t{b.failed} failed\t{state}")
        if check.collected:
            print(
                f"stored {check.answered} answers and {check.errors} errors from {len(check.collected)} batches",
                file=sys.stderr,
            )
        for batch_id in check.skipped:
            print(
                f"warning: batch {batch_id} was sent through another connection; reconnect to it to collect",
                file=sys.stderr,
            )
    if check.errors:
        return 3
    return EXIT_BATCHES_PENDING if check.pending else 0
