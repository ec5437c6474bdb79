"""The asyncio evaluation loop: send planned requests, retry, cache, score, store each row.

``execute_run`` is the lowest layer and takes everything explicitly (an AsyncOpenAI client,
a ResultStore, the planned requests, a scorer), so it is tested without a project. The
project-level entry points (``run_variants``, ``plan_run``) live in ``run.project``.

Guarantees: at most ``concurrency`` requests in flight; every answer is stored and cached in
one commit the moment it arrives (a kill loses only what was in flight; when checks call a
judge, the answer is cached before judging, so a cancel or kill while judging never re-pays
it); a row whose judge call failed is stored as an error ("judge_error: ...") with its output,
so the next run judges it again from the cache; a request whose
exact twin was answered before, anywhere, is served from the cache with no network call;
a row that still fails after its retries is stored with its error and the run goes on;
``should_stop`` stops promptly: no new requests; answers already on their way get
``cancel_grace_s`` to land and be stored (they are billed once sent), then the rest is cancelled.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from typing import Any, Callable, Sequence

import openai

from desktop_app.core.errors import AppError, ConnectionFailed
from desktop_app.core.providers.client import classify, is_quota_error, is_retryable, retry_after_s
from desktop_app.core.records import Passage, Row, RowResult, RunInfo, Verdict
from desktop_app.core.run.plan import PlannedRequest
from desktop_app.core.providers.replies import error_text as _error_text
from desktop_app.core.providers.replies import read_answer
from desktop_app.core.run.pacing import Pacer, limit_wait_s, prompt_tokens, request_tokens
from desktop_app.core.run.scoring import ModelCalls, collect_calls
from desktop_app.core.run.store import ResultStore
from desktop_app.core.run.run_options import Outcome, RunOptions, Answer, Fatal, retry_delay

__all__ = ["Outcome", "RunOptions", "retry_delay", "execute_run", "run_sync", "Progress", "ShouldStop"]

Progress = Callable[[dict], None]
ShouldStop = Callable[[], bool]
CostFn = Callable[[str, int, int], "float | None"]
ScoreFn = Callable[[Row, "str | None", Sequence[Passage]], tuple[Verdict, ...]]
_STOP_POLL_S = 0.05


class _Session:
    """One execute_run: shared counters, the in-flight map that folds identical requests."""

    def __init__(
        self,
        client,
        store: ResultStore,
        run: RunInfo,
        requests: Sequence[PlannedRequest],
        *,
        scorer: ScoreFn | None,
        cost_fn: CostFn | None,
        options: RunOptions,
        progress: Progress | None,
        total: int,
        already_done: int,
        model: str,
        seed: int | None,
    ):
        self.client = client.with_options(max_retries=0, timeout=options.timeout_s)
        self.api_key = getattr(client, "api_key", None)  # to mask it in stored error texts
        self.store, self.run, self.options = store, run, options
        self.queue = list(reversed(requests))  # pop() from the end: cheap, keeps plan order
        self.scorer, self.cost_fn, self.progress = scorer, cost_fn, progress
        self.total, self.already_done, self.model = total, already_done, model
        self.outcome = Outcome(run_id=run.id)
        self.inflight: dict[str, asyncio.Future] = {}
        # Twins within this run are served from memory (the cache is looked up per request).
        keys = [r.key for r in requests]
        self.twins = {k for k, n in Counter(keys).items() if n > 1}
        self.answered: dict[str, Answer] = {}
        self.rng = random.Random(seed)
        self.started = time.perf_counter()
        self.unreachable_streak = 0
        self.timeout_streak = 0  # timeouts in a row with no answer in between: a server that answers nothing
        self.pacer = Pacer(options.concurrency)
        self.score_off_loop = bool(getattr(scorer, "calls_models", False))
        self.fatal: Fatal | None = None
        self.stopping = False  # Cancel asked: send nothing new
        self.tasks: list[asyncio.Task] = []

    # -- one request -------------------------------------------------------------------------
    async def _send(self, req: PlannedRequest) -> Answer:
        attempts = timeouts = 0
        limited_s = 0.0
        sent = prompt_tokens(req.body)  # counted once: the budget's charge and the row's tokens_sent
        tokens = request_tokens(req.body, sent)  # charged against the tokens-per-minute budget
        while True:
            attempts += 1
            self.outcome.calls += 1
            t0 = time.perf_counter()
            ticket = await self.pacer.acquire(tokens)
            headers, refused = None, False  # the budget's news from the server, and whether it counted this one
            try:
                # A guard over the SDK timeout, which is per read; a trickling server can't hold a slot forever.
                async with asyncio.timeout(self.options.timeout_s * 2 + 1):
                    raw = await self.client.chat.completions.with_raw_response.create(**req.body)
                headers = raw.headers
                resp = raw.parse()
            except (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError) as exc:
                raise Fatal(exc) from exc
            except openai.RateLimitError as exc:
                if is_quota_error(exc):  # no wait helps: the account is out of credit
                    raise Fatal(exc) from exc
                headers, refused = getattr(exc.response, "headers", None), True
                wait = limit_wait_s(headers, retry_after_s(exc))
                self.pacer.rate_limited(wait)
                limited_s += wait if wait is not None else 1.0
                if self.progress is not None:  # the user reads "waiting for the rate limit: 12 s"
                    self.progress(self.event("waiting"))
                if limited_s > self.options.rate_limit_max_wait_s:
                    return Answer(None, attempts=attempts, error=_error_text(exc, self.api_key))
                attempts -= 1  # a rate limit is a wait, not a failed try
                continue
            except (openai.APIError, TimeoutError, ValueError) as exc:
                timed_out = isinstance(exc, (TimeoutError, openai.APITimeoutError))
                if timed_out:
                    timeouts += 1
                    self.pacer.timed_out()
                    self._note_timeout(exc)
                retryable = (
                    timed_out or is_retryable(exc) or isinstance(exc, (ValueError, openai.APIResponseValidationError))
                )
                # A timed-out request is sent again once at most: with the same parameters it would
                # most likely run away again, and each abandoned try keeps a local server busy.
                if not retryable or attempts > self.options.max_retries or timeouts > 1:
                    self._note_unreachable(exc)
                    return Answer(None, attempts=attempts, error=_error_text(exc, self.api_key))
                await asyncio.sleep(retry_delay(exc, attempts, self.options, self.rng))
                continue
            finally:
                await self.pacer.release(ticket, headers, refused=refused)
            self.unreachable_streak = self.timeout_streak = 0
            latency = time.perf_counter() - t0
            text, problem = read_answer(resp)
            if problem is not None:  # not an answer: an error of the row, never stored as the model's text
                if attempts > self.options.max_retries:
                    return Answer(None, attempts=attempts, error=f"broken_answer: {problem}")
                await asyncio.sleep(retry_delay(RuntimeError(problem), attempts, self.options, self.rng))
                continue
            self.pacer.succeeded()
            usage = getattr(resp, "usage", None)
            return Answer(
                text,
                getattr(usage, "prompt_tokens", 0) or 0,
                getattr(usage, "completion_tokens", 0) or 0,
                latency,
                attempts,
                tokens_sent=sent,
            )

    def _note_timeout(self, exc: BaseException) -> None:
        # Every request timing out, none answered: the server does not answer; stop instead of
        # waiting out each row (a fully hung server would hold a 2,000-row run for hours).
        self.timeout_streak += 1
        if (
            self.timeout_streak >= max(4, 2 * self.options.concurrency)
            and self.outcome.completed == self.outcome.errors
        ):
            raise Fatal(exc)

    def _note_unreachable(self, exc: BaseException) -> None:
        # Refused connections on every row mean the server is down: stop rather than fail each row slowly.
        if isinstance(exc, openai.APIConnectionError) and not isinstance(exc, openai.APITimeoutError):
            self.unreachable_streak += 1
            if self.unreachable_streak >= max(3, self.options.concurrency):
                raise Fatal(exc)

    async def _answer(self, req: PlannedRequest) -> Answer:
        # Looked up for every request, not only from the start's list: an answer stored meanwhile
        # (a twin, an earlier attempt of this row) is never paid again.
        hit = self.store.cache_get(req.key)
        if hit is not None:
            return Answer(hit.response, hit.tokens_in, hit.tokens_out, hit.latency_s, 0, cached=True)
        done = self.answered.get(req.key)
        if done is not None:  # its twin was answered earlier in this run (and cached with it)
            return Answer(done.text, done.tokens_in, done.tokens_out, done.latency_s, 0, cached=True)
        twin = self.inflight.get(req.key)
        if twin is not None:  # the same request is on its way for another row: share its answer
            first: Answer = await asyncio.shield(twin)
            if first.error is None:
                return Answer(first.text, first.tokens_in, first.tokens_out, first.latency_s, 0, cached=True)
        fut = asyncio.get_running_loop().create_future()
        self.inflight[req.key] = fut
        try:
            answer = await self._send(req)
            fut.set_result(answer)
            if answer.error is None and req.key in self.twins:
                self.answered[req.key] = answer
            return answer
        except BaseException:
            fut.set_result(Answer(None, error="cancelled"))
            raise
        finally:
            self.inflight.pop(req.key, None)

    # -- score + store -------------------------------------------------------------------------
    def _score(self, req: PlannedRequest, text: str | None) -> tuple[tuple[Verdict, ...], ModelCalls]:
        with collect_calls() as calls:  # the judge notes its paid and failed calls here
            verdicts = self.scorer(req.row, text, req.passages) if self.scorer is not None else ()
        return verdicts, calls

    def _cost(self, model: str, tokens_in: int, tokens_out: int) -> float | None:
        return self.cost_fn(model, tokens_in, tokens_out) if self.cost_fn is not None else 0.0

    async def _finish(self, req: PlannedRequest, ans: Answer) -> None:
        t0 = time.perf_counter()
        model = req.body.get("model", self.model)
        if self.score_off_loop:  # judging takes seconds: keep the loop free, and the answer safe first
            if ans.error is None and not ans.cached:  # a cancel or kill while judging must not re-pay it
                self.store.cache_put(
                    req.key,
                    ans.text or "",
                    tokens_in=ans.tokens_in,
                    tokens_out=ans.tokens_out,
                    latency_s=ans.latency_s,
                    model=model,
                )
            t_off = time.perf_counter()
            verdicts, calls = await asyncio.to_thread(self._score, req, ans.text)
            t0 += time.perf_counter() - t_off  # model time is not scoring overhead
        else:
            verdicts, calls = self._score(req, ans.text)
        answer_cost = self._cost(model, ans.tokens_in, ans.tokens_out) if ans.error is None else 0.0
        judge_costs = [self._cost(m, tin, tout) for m, tin, tout in (*calls.usage, *req.extra_usage)]
        parts = [answer_cost, *judge_costs]
        known = [c for c in parts if c is not None]
        cost = sum(known) if len(known) == len(parts) else None  # unknown price: None, not $0
        error = ans.error
        if error is None and calls.failures:  # not judged: an error, so a resume judges it again (answer cached)
            error = f"judge_error: {calls.failures[0]}"
        result = RowResult(
            run_id=self.run.id,
            row_id=req.row.id,
            output=ans.text,
            error=error,
            latency_s=ans.latency_s,
            tokens_in=ans.tokens_in,
            tokens_out=ans.tokens_out,
            cost=cost,
            cached=ans.cached,
            attempts=ans.attempts,
            passages=tuple(req.passages),
            verdicts=verdicts,
            tokens_sent=(ans.tokens_sent or prompt_tokens(req.body)) if ans.error is None else 0,
        )
        self.store.store_answer(result, req.key, model=model)
        o = self.outcome
        o.overhead_s += time.perf_counter() - t0
        o.completed += 1
        o.errors += error is not None
        o.cache_hits += ans.cached
        o.cost_paid += (0.0 if ans.cached else answer_cost or 0.0) + sum(c or 0.0 for c in judge_costs)
        if self.progress is not None:
            self.progress(self.event("progress"))

    def event(self, kind: str) -> dict:
        o = self.outcome
        done = self.already_done + o.completed
        elapsed = time.perf_counter() - self.started
        remaining = max(0, self.total - done)
        eta = elapsed / o.completed * remaining if o.completed else None
        return {
            "event": kind,
            "run": self.run.name,
            "run_id": self.run.id,
            "done": done,
            "total": self.total,
            "errors": o.errors,
            "cached": o.cache_hits,
            "cost": round(o.cost_paid, 6),
            "eta_s": None if eta is None else round(eta, 1),
            "status": o.status,
            # "waiting for the rate limit: 12 s" (0: not waiting), and how often it was met
            "waiting_s": round(self.pacer.waiting_s(), 1),
            "rate_limited": self.pacer.limited,
        }

    async def worker(self) -> None:
        try:
            while self.queue and self.fatal is None and not self.stopping:
                req = self.queue.pop()
                await self._finish(req, await self._answer(req))
        except Fatal as fatal:  # first one wins; stop the other workers, finished rows stay stored
            if self.fatal is None:
                self.fatal = fatal
            for task in self.tasks:
                if task is not asyncio.current_task():
                    task.cancel()


async def _watch(
    should_stop: ShouldStop, session: "_Session", tasks: list[asyncio.Task], stopped: list[bool], grace_s: float
) -> None:
    while True:
        await asyncio.sleep(_STOP_POLL_S)
        if should_stop():
            stopped.append(True)
            session.stopping = True
            _done, pending = await asyncio.wait(tasks, timeout=grace_s) if grace_s > 0 else ((), tasks)
            for t in pending:
                t.cancel()
            return


async def execute_run(
    client,
    store: ResultStore,
    run: RunInfo,
    requests: Sequence[PlannedRequest],
    *,
    scorer: ScoreFn | None = None,
    cost_fn: CostFn | None = None,
    options: RunOptions = RunOptions(),
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    total: int | None = None,
    already_done: int = 0,
    model: str = "",
    seed: int | None = None,
    describe_fatal: Callable[[BaseException], AppError] | None = None,
) -> Outcome:
    """Send ``requests`` for ``run`` and store each result as it completes.

    Returns the session's Outcome; its status is "complete", "cancelled" or "failed" (the
    run's status in the store is set to the same). A fatal connection problem (key rejected,
    model not found, server unreachable) stops the run and raises ConnectionFailed after the
    finished rows are safe.
    """
    session = _Session(
        client,
        store,
        run,
        requests,
        scorer=scorer,
        cost_fn=cost_fn,
        options=options,
        progress=progress,
        total=len(requests) + already_done if total is None else total,
        already_done=already_done,
        model=model,
        seed=seed,
    )
    store.set_status(run.id, "running")
    if progress is not None:
        progress(session.event("start"))
    workers = [asyncio.create_task(session.worker()) for _ in range(max(1, min(options.concurrency, len(requests))))]
    session.tasks = workers
    stopped: list[bool] = []
    watcher = (
        asyncio.create_task(_watch(should_stop, session, workers, stopped, options.cancel_grace_s))
        if should_stop
        else None
    )
    status = "failed"
    try:
        results = await asyncio.gather(*workers, return_exceptions=True)
        other = next((r for r in results if isinstance(r, Exception)), None)
        if other is not None:
            raise other
        status = "failed" if session.fatal else "cancelled" if stopped else "complete"
    except asyncio.CancelledError:  # Ctrl+C in the CLI, or the caller cancelled us: keep what finished
        status = "cancelled"
        for t in workers:
            t.cancel()
        raise
    finally:
        if watcher is not None:
            watcher.cancel()
        session.outcome.status = status
        session.outcome.wall_s = time.perf_counter() - session.started
        store.set_status(run.id, status)
        if progress is not None:
            progress(session.event("finished"))
    if session.fatal is not None:
        exc = session.fatal.exc
        if describe_fatal is not None:
            raise describe_fatal(exc) from exc
        raise ConnectionFailed(
            f"The model server refused the run: {_error_text(exc, session.api_key)}",
            "Check the connection (key, model, address) and run again; finished rows are kept.",
            details={"verdict": classify(exc)},
        ) from exc
    return session.outcome


def run_sync(coro) -> Any:
    """Run a coroutine to completion from sync code (CLI, a ui worker thread)."""
    return asyncio.run(coro)
