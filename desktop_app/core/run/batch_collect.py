"""Collecting batches: ask the provider how each open batch is doing, download what finished, and
store every answer as an online run would (request cache, scores, cost), in one commit per row.

A row the batch could not answer becomes an error row with the reason (the error file's message,
"batch_expired", "batch_cancelled"), so the next run (online or a new batch) asks it again; what a
batch answered before it expired or was cancelled is kept. Collecting twice stores nothing twice:
a row already answered with the same request is skipped, and a collected batch is marked so.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from desktop_app.core.records import Row, RowResult
from desktop_app.core.run.batch_files import COMPLETION_WINDOW_S, BatchAnswer, read_results
from desktop_app.core.run.batch_table import BatchBook, BatchRecord, Mapped
from desktop_app.core.run.scoring import Scorer, checks_signature, collect_calls
from desktop_app.core.variants.variant import Variant, answer_part

# What a row that got no answer from its batch says, by how the batch ended.
UNANSWERED = {
    "expired": "batch_expired: the batch's 24 hours ran out before this request was answered",
    "cancelled": "batch_cancelled: the batch was cancelled before this request was answered",
    "failed": "batch_failed: the provider refused the batch",
    "completed": "batch_missing: the batch's results have no line for this request",
}


def _iso(stamp: int | float | None) -> str | None:
    if not stamp:
        return None
    return datetime.fromtimestamp(float(stamp), timezone.utc).isoformat(timespec="seconds")


def record_from(batch: Any, previous: BatchRecord | None = None, endpoint: str = "") -> BatchRecord:
    """A BatchRecord from the SDK's Batch object (its times are Unix seconds)."""
    counts = getattr(batch, "request_counts", None)
    created = _iso(getattr(batch, "created_at", None)) or (previous.created_at if previous else "")
    expires = _iso(getattr(batch, "expires_at", None))
    if expires is None and getattr(batch, "created_at", None):
        expires = _iso(float(batch.created_at) + COMPLETION_WINDOW_S)
    finished = next(
        (
            _iso(getattr(batch, f, None))
            for f in ("completed_at", "expired_at", "cancelled_at", "failed_at")
            if getattr(batch, f, None)
        ),
        None,
    )
    errors = getattr(getattr(batch, "errors", None), "data", None) or []
    message = "; ".join(str(getattr(e, "message", "") or getattr(e, "code", "")) for e in errors)[:500]
    return BatchRecord(
        id=batch.id,
        status=str(batch.status),
        total=getattr(counts, "total", 0) or 0,
        completed=getattr(counts, "completed", 0) or 0,
        failed=getattr(counts, "failed", 0) or 0,
        created_at=created,
        expires_at=expires,
        finished_at=finished,
        collected=previous.collected if previous else False,
        endpoint=previous.endpoint if previous else endpoint,
        input_file_id=getattr(batch, "input_file_id", "") or (previous.input_file_id if previous else ""),
        output_file_id=getattr(batch, "output_file_id", None),
        error_file_id=getattr(batch, "error_file_id", None),
        message=message,
    )


def expected_end(created_at: str) -> str:
    """When a batch's results are due at the latest (its 24-hour window)."""
    start = datetime.fromisoformat(created_at)
    return (start + timedelta(seconds=COMPLETION_WINDOW_S)).isoformat(timespec="seconds")


CostFn = Callable[[str, int, int], "float | None"]


def store_row(
    store,
    run_id: int,
    row: Row,
    mapped: Mapped,
    answer: BatchAnswer,
    *,
    scorer: Scorer,
    cost_fn: CostFn,
    cached: bool = False,
    answer_share: float = 1.0,
) -> bool:
    """Score and store one row's answer (or error) as the runner does; the answer goes into the
    request cache in the same commit. True when the row has an answer (not an error).
    ``answer_share``: the part of the list price the answer cost (the Batch API's discount); a
    judge's calls while scoring are online calls at the full price."""
    text = answer.text if answer.error is None else None
    with collect_calls() as calls:
        verdicts = scorer(row, text, mapped.passages)
    answer_cost = cost_fn(mapped.model, answer.tokens_in, answer.tokens_out) if answer.error is None else 0.0
    if answer_cost:
        answer_cost *= answer_share
    judge_costs = [cost_fn(m, tin, tout) for m, tin, tout in calls.usage]
    parts = [answer_cost, *judge_costs]
    error = answer.error
    if error is None and calls.failures:  # not judged: an error, so a rerun judges it again (answer cached)
        error = f"judge_error: {calls.failures[0]}"
    result = RowResult(
        run_id=run_id,
        row_id=row.id,
        output=text,
        error=error,
        latency_s=None,
        tokens_in=answer.tokens_in,
        tokens_out=answer.tokens_out,
        cost=None if any(c is None for c in parts) else sum(p or 0.0 for p in parts),
        cached=cached,
        attempts=1,
        passages=mapped.passages,
        verdicts=verdicts,
    )
    store.store_answer(result, mapped.request_key, model=mapped.model)
    return error is None


def _download(client, file_id: str | None) -> str:
    if not file_id:
        return ""
    return client.files.content(file_id).text


def collect_one(
    client,
    store,
    record: BatchRecord,
    *,
    rows_by_id: dict[str, Row],
    scorer_for: Callable[[int], Scorer],
    cost_fn: CostFn,
    answer_share: float,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[dict], None] | None = None,
) -> tuple[int, int]:
    """Store a finished batch's answers and errors; (rows answered, rows in error). The batch is
    marked collected only when every row of it is stored, so a stop or a crash collects again."""
    book = BatchBook(store)
    answers: dict[str, BatchAnswer] = {}
    for text in (_download(client, record.error_file_id), _download(client, record.output_file_id)):
        for a in read_results(text):
            answers[a.custom_id] = a  # an output line wins over an error line of the same id
    answered = errors = 0
    run_ids = {m.run_id for m in book.mapped(record.id)}
    keys = {rid: store.request_keys(rid) for rid in run_ids}
    done = {rid: store.finished_row_ids(rid) for rid in run_ids}
    served: set[str] = set()  # custom ids whose answer is stored: its twins are cache hits
    mapped = book.mapped(record.id)
    for n, m in enumerate(mapped, 1):
        if should_stop is not None and should_stop():
            return answered, errors
        if progress is not None:  # storing 50,000 scored rows takes a while: say how far it is
            progress({"event": "collecting", "batch": record.id, "done": n - 1, "total": len(mapped)})
        row = rows_by_id.get(m.row_id)
        if row is None:  # the row left the evaluation set since: nothing to score it against
            continue
        if m.row_id in done[m.run_id] and keys[m.run_id].get(m.row_id) == m.request_key:
            continue  # collected before (an earlier collect stopped midway)
        answer = answers.get(m.custom_id) or BatchAnswer(
            m.custom_id, error=UNANSWERED.get(record.status, UNANSWERED["failed"])
        )
        if answer.error and record.status == "failed" and record.message:
            answer = dataclasses.replace(answer, error=f"batch_failed: {record.message}"[:500])
        ok = store_row(
            store,
            m.run_id,
            row,
            m,
            answer,
            scorer=scorer_for(m.run_id),
            cost_fn=cost_fn,
            cached=m.custom_id in served,
            answer_share=answer_share,
        )
        if answer.error is None:
            served.add(m.custom_id)
        answered += ok
        errors += not ok
    book.update(dataclasses.replace(record, collected=True))
    return answered, errors


def run_status(book: BatchBook, run_id: int) -> str:
    """A run's status once its batches are in: waiting while one is open, else how they ended."""
    batches = book.run_batches(run_id)
    if any(not b.collected for b in batches):
        return "batch"
    statuses = {b.status for b in batches}
    if "cancelled" in statuses:
        return "cancelled"
    return "failed" if statuses & {"expired", "failed"} else "complete"


def answer_scorer(scorer: Scorer, variant: Variant | None) -> Scorer:
    """The scorer reading only the answer part of a variant that marks one."""
    if variant is None or not variant.answer_marker:
        return scorer
    return scorer.with_extract(lambda out: answer_part(variant, out))


class CollectScoring:
    """The project's checks for collected answers: built once per check, and only when a batch has
    answers to score (loading rows and a judge is not free); one scorer per run, as a run rescores."""

    def __init__(self, project, store) -> None:
        self.project, self.store = project, store
        self.scorer: Scorer | None = None
        self.rows_by_id: dict = {}
        self.signature = ""
        self.closers: list[Callable[[], None]] = []
        self.per_run: dict[int, Scorer] = {}

    def ready(self) -> "CollectScoring":
        from desktop_app.core.data import rows as datasets  # noqa: PLC0415
        from desktop_app.core.run.judge import metered_embedder  # noqa: PLC0415
        from desktop_app.core.run.project import model_tools  # noqa: PLC0415
        from desktop_app.core.run.scoring import project_scorer  # noqa: PLC0415

        if self.scorer is None:
            rows, _ = datasets.load_rows(self.project)
            judge, embed, self.closers = model_tools(self.project, self.store)
            self.scorer = project_scorer(
                self.project, rows, judge=judge, embed=metered_embedder(embed) if embed else None
            )
            self.rows_by_id = {r.id: r for r in rows}
            self.signature = checks_signature(self.scorer.specs)
        return self

    def for_run(self, run_id: int) -> Scorer:
        """The run's rows from earlier sessions are rescored under the same checks first, as a run does."""
        from desktop_app.core.run.project_scores import refresh_scores  # noqa: PLC0415

        scorer = self.ready().scorer
        if run_id not in self.per_run and scorer is not None:
            run = self.store.run(run_id)
            refresh_scores(self.store, run, self.rows_by_id, scorer, self.signature)
            self.store.set_checks_signature(run_id, self.signature)
            self.per_run[run_id] = answer_scorer(scorer, Variant.from_dict(run.variant) if run.variant else None)
        return self.per_run[run_id]

    def close(self) -> None:
        for close in self.closers:
            close()
