"""Re-ranking in a run: counted when the run is planned, made once the user agreed.

Planning retrieves through a closed ``knowledge.rerank.RerankGate``: no model call, the rating
calls still to make are noted and priced in the estimate (``rating_requests``). When the run
starts, ``perform`` makes those calls (in parallel, each cached like any judge call, so a
resumed run pays none twice), opens the gate and plans the pending RAG rows again with the
re-ranked passages. Each question's rating cost rides on its first answer (``extra_usage``),
so a RAG run's cost says what its re-ranking cost.
"""

from __future__ import annotations

import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from desktop_app.core.errors import RunError
from desktop_app.core.phrases import phrase, translate
from desktop_app.core.run.plan import request_key
from desktop_app.core.run.rating_retry import Retrying
from desktop_app.core.run.run_options import RunOptions
from desktop_app.core.variants.variant import build_messages

RATING_REPLY_TOKENS = 3  # "7"


def rating_requests(gate, cfg, prices: dict | None) -> list:
    """The estimate's view of the rating calls the run will make (priced by the judge's server)."""
    from desktop_app.core.providers import estimate  # noqa: PLC0415
    from desktop_app.core.run.judge import price_name  # noqa: PLC0415

    if gate is None:
        return []
    model = price_name(cfg, cfg.chat_model, prices)
    return [estimate.PlannedRequest(messages, model, RATING_REPLY_TOKENS) for _, messages in gate.planned.values()]


def rating_figures(gate, ratings: list, prices: dict | None, preset: str | None) -> dict:
    """The Estimate's ``rerank_*`` fields for these rating requests."""
    from desktop_app.core.providers import estimate  # noqa: PLC0415

    if gate is None:
        return {}
    est = estimate.estimate_run(ratings, RATING_REPLY_TOKENS, prices, preset=preset)
    return {
        "rerank_calls": est.calls,
        "rerank_cached": gate.cached,
        "rerank_tokens": est.total_tokens,
        "rerank_cost_usd": est.cost_usd,
    }


@dataclass
class Ratings:
    """What the rating calls of one run did."""

    calls: int = 0
    replies: dict[str, str] = field(default_factory=dict)
    usage: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)  # question -> paid calls
    failures: list[str] = field(default_factory=list)
    stopped: bool = False


def make_ratings(
    planned: dict,
    judge,
    concurrency: int,
    progress: Callable[[dict], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    label: str = "",
    options: RunOptions | None = None,
) -> Ratings:
    """Send the planned rating calls (call -> (question, messages), ``RerankGate.planned``),
    ``concurrency`` at a time, through ``judge`` (each reply cached). Rate limits and lost
    connections are waited out and retried as the runner does (``options``), so a provider's
    limit never leaves a passage unrated."""
    items = list(planned.items())
    out = Ratings()
    if not items:
        return out
    retry = Retrying(options or RunOptions(), should_stop or (lambda: False))

    def rate(key: str, query: str, messages: list[dict]):
        reply, calls = retry.call(judge, messages)
        return key, query, reply, calls

    def event(kind: str) -> dict:
        return {
            "event": kind,
            "run": label,
            "run_id": None,
            "done": out.calls,
            "total": len(items),
            "errors": len(out.failures),
            "cached": 0,
            "cost": 0.0,
            "eta_s": None,
            "status": "rerank",
            "waiting_s": round(retry.pause.left(), 1),
            "rate_limited": retry.pause.limited,
        }

    todo = list(reversed(items))
    said = [0.0]  # when a waiting event was last sent
    running: set[Future] = set()
    with ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(items)))) as pool:
        while todo or running:
            stop = should_stop is not None and should_stop()
            out.stopped = out.stopped or stop
            while todo and not stop and len(running) < max(1, concurrency):
                key, (query, messages) = todo.pop()
                running.add(pool.submit(rate, key, query, messages))
            if not running:
                break
            done, running = wait(running, timeout=0.1, return_when=FIRST_COMPLETED)
            if not done and retry.pause.left() > 0 and progress is not None and time.monotonic() - said[0] >= 1.0:
                said[0] = time.monotonic()
                progress(event("rerank"))  # the bar says it waits for the provider's limit
            for fut in done:
                key, query, reply, calls = fut.result()
                out.calls += 1
                out.usage.setdefault(query, []).extend(calls.usage)
                out.failures += calls.failures
                if reply is not None:
                    out.replies[key] = reply
                if progress is not None:
                    progress(event("rerank"))
    return out


def perform(plan, judge, examples, retriever, endpoint: str, progress=None, should_stop=None) -> Ratings:
    """Make the planned rating calls, then plan the pending RAG rows again, re-ranked. Raises
    RunError when every rating call failed (the server refused them: no answer is sent)."""
    gate = plan.gate
    first_rag = next((p.variant.name for p in plan.prepared if p.variant.uses_retrieval and p.pending), "")
    ratings = make_ratings(
        gate.planned, judge, plan.options.concurrency, progress, should_stop, label=first_rag, options=plan.options
    )
    check_answered(ratings)
    gate.open(ratings.replies)
    owed = {q: list(u) for q, u in ratings.usage.items() if u}
    for p in plan.prepared:
        if not (p.variant.uses_retrieval and p.pending):
            continue
        p.pending = [_replanned(req, p.variant, examples, retriever, endpoint, owed) for req in p.pending]
        p.cached_keys = plan.store.cached_keys(r.key for r in p.pending)
    return ratings


def check_answered(ratings: Ratings) -> None:
    """RunError when every rating call failed: the server refused them (nothing else is sent)."""
    if ratings.calls and len(ratings.replies) == 0 and not ratings.stopped:
        raise RunError(
            phrase(
                translate(
                    "RunErrors",
                    "Re-ranking failed: none of its {n} rating calls was answered (first problem: {problem}).",
                ),
                n=ratings.calls,
                problem=(ratings.failures or ["?"])[0],
            ),
            translate(
                "RunErrors",
                "Check the connection (or the judge's), or turn re-ranking off under Knowledge; no answer was sent.",
            ),
            details={"kind": "rerank_failed"},
        )


def _replanned(req, variant, examples, retriever, endpoint: str, owed: dict[str, list]) -> Any:
    """The same request with the re-ranked passages (its parameters, cap included, unchanged)."""
    passages = tuple(retriever(req.row.input, variant.top_k or None))
    body = {**req.body, "messages": build_messages(variant, req.row, examples, passages)}
    usage = tuple(owed.pop(req.row.input, ()))  # the question's ratings are paid once, with its first answer
    return replace(req, body=body, key=request_key(body, endpoint), passages=passages, extra_usage=usage)
