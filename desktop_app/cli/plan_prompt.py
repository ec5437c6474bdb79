"""What `run` shows before it spends anything: the plan, the estimate, and the question to go on."""

from __future__ import annotations

import sys

from desktop_app.core.errors import RunError


def money(value) -> str:
    return "price unknown" if value is None else f"${value:,.4f}"


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(round(seconds))
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def print_plan(plan) -> None:
    for p in plan.prepared:
        state = "new run" if p.run is None else f"resuming run {p.run.id}"
        waiting = f", {p.waiting} waiting for a batch" if p.waiting else ""
        print(
            f"{p.variant.name}: {p.total} rows, {p.finished} done, {len(p.pending)} to do "
            f"({p.cached} from cache{waiting}) - {p.model}, {state}"
        )
    est = plan.estimate
    cost = money(est.cost_usd)
    if est.unpriced_models:
        cost += f" (no price for {', '.join(est.unpriced_models)})"
    print(
        f"estimate: {est.calls} calls, {est.input_tokens:,} input + ~{est.output_tokens:,} output tokens, "
        f"{cost}, about {duration(est.time_s)} at concurrency {est.concurrency}"
    )
    if est.rerank_calls or est.rerank_cached:  # counted here, made only after the answer below is yes
        print(
            f"re-ranking: {est.rerank_calls} rating calls, ~{est.rerank_tokens:,} tokens, "
            f"{money(est.rerank_cost_usd)} (included above; {est.rerank_cached} ratings from cache)"
        )
    if getattr(est, "too_long", 0) and est.context_tokens:
        what = "1 request is" if est.too_long == 1 else f"{est.too_long:,} requests are"
        print(
            f"warning: {what} longer than the model's context ({est.context_tokens:,} tokens): lower the "
            f"variant's top-k or the chunk size, or use a model with a longer context"
        )
    if est.extrapolated:
        print(
            f"note: {est.extrapolated} request(s) hold a very long text; their input tokens are estimated from "
            f"its length (check the data for a huge cell)"
        )


def confirm(args) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise RunError(
            "Not starting: this would call the model and there is no terminal to confirm on.",
            "Add --yes to run without asking.",
        )
    try:
        answer = input("Run now? [y/N] ")
    except EOFError:
        answer = ""
    return answer.strip().lower() in ("y", "yes")


def agreed(plan, args, extra: str = "") -> bool:
    """Print the plan (and ``extra``, e.g. the batch price) and ask; a plan not agreed to is closed.
    With --json the words go to stderr, so stdout holds the JSON alone."""
    out = sys.stderr if getattr(args, "json", False) else sys.stdout
    try:
        stdout, sys.stdout = sys.stdout, out
        try:
            print_plan(plan)
            if extra:
                print(extra)
        finally:
            sys.stdout = stdout
        if plan.estimate.calls and not confirm(args):
            print("not started", file=sys.stderr)
            plan.close()
            return False
    except BaseException:
        plan.close()
        raise
    return True
