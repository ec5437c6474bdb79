"""Very large evaluations through the provider's Batch API (OpenAI, Azure OpenAI Global Batch):
submit, close the app, come back, collect.

``submit_batches`` plans exactly as an online run does (``prepare_project_run``: same requests,
same hashes, same runs), answers cache hits at once, and sends the rest as batch input files split
over the provider's limits; rows already waiting in an open batch are not sent again.
``check_batches`` asks the provider about every open batch and, for those that ended, stores
their answers in the same store and request cache, scored (``batch_collect``). ``cancel_batch``
asks the provider to stop one; what finished before is kept when it is collected.
All of them hold the project's run lock: two windows never file the same answers at once.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterator

from desktop_app.core.errors import RunError
from desktop_app.core.providers.prices import BATCH_DISCOUNT
from desktop_app.core.run.batch_collect import BatchAnswer, CollectScoring, answer_scorer, collect_one
from desktop_app.core.run.batch_collect import record_from, run_status, store_row
from desktop_app.core.run.batch_files import BATCH_PRESETS, COMPLETION_WINDOW, LIMITS, custom_id, endpoint_path
from desktop_app.core.run.batch_files import TooLargeForBatch, input_line, split_lines
from desktop_app.core.run.batch_table import PLACEHOLDER_PREFIX, SUBMITTING, BatchBook, BatchRecord, Mapped
from desktop_app.core.run.plan import open_run
from desktop_app.core.run.scoring import checks_signature
from desktop_app.core.phrases import phrase, translate

ShouldStop = Callable[[], bool]
INPUT_FILE_NAME = "llm-path-advisor-batch.jsonl"


@dataclass(frozen=True)
class Submission:
    """What ``submit_batches`` did: the batches sent, and where every planned row went."""

    batches: tuple[BatchRecord, ...] = ()
    requests: int = 0  # requests in the new batches (twins sent once)
    rows: int = 0  # rows that wait for the new batches
    cached: int = 0  # rows answered from the request cache at once
    joined: int = 0  # rows that wait for a batch submitted before (same request)
    runs: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "batches": [b.to_dict() for b in self.batches],
            "requests": self.requests,
            "rows": self.rows,
            "cached": self.cached,
            "joined": self.joined,
            "runs": list(self.runs),
        }


@dataclass(frozen=True)
class BatchCheck:
    """What ``check_batches`` found: every batch of the project, and what was stored now."""

    batches: tuple[BatchRecord, ...] = ()
    collected: tuple[str, ...] = ()  # batches whose results were stored by this check
    answered: int = 0
    errors: int = 0
    runs: tuple[int, ...] = ()  # runs that got rows
    skipped: tuple[str, ...] = field(default_factory=tuple)  # open batches of another connection

    @property
    def pending(self) -> int:
        return sum(1 for b in self.batches if not b.collected)

    def to_dict(self) -> dict:
        return {
            "batches": [b.to_dict() for b in self.batches],
            "collected": list(self.collected),
            "answered": self.answered,
            "errors": self.errors,
            "pending": self.pending,
            "skipped": list(self.skipped),
        }


def batch_supported(preset: str) -> bool:
    """The Batch API is OpenAI's and Azure OpenAI's; local servers and offline projects have none."""
    return preset in BATCH_PRESETS


def _require_batch(cfg) -> None:
    if not batch_supported(cfg.preset):
        raise RunError(
            translate("RunErrors", "This connection has no Batch API: batches go to OpenAI or Azure OpenAI."),
            translate("RunErrors", "Run online instead, or choose OpenAI or Azure OpenAI under Connection."),
            details={"kind": "no_batch_api"},
        )


@contextlib.contextmanager
def project_lock(project) -> Iterator[None]:
    """The run lock of ``execute_plan``: a run, a submit and a collect never overlap."""
    from filelock import FileLock, Timeout  # noqa: PLC0415

    lock = FileLock(str(project.root / ".run.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise RunError(
            translate("RunErrors", "A run is going on for this project in another window or command."),
            translate("RunErrors", "Wait for it to finish (or stop it there), then try again: finished rows are kept."),
            details={"kind": "project_busy"},
        ) from None
    try:
        yield
    finally:
        lock.release()


def _cost_fn(cfg, prices: dict) -> Callable[[str, int, int], "float | None"]:
    from desktop_app.core.providers import prices as pricing  # noqa: PLC0415
    from desktop_app.core.run.judge import price_name  # noqa: PLC0415

    return lambda model, tin, tout: pricing.cost(price_name(cfg, model, prices), tin, tout, prices, preset=cfg.preset)


def submit_batches(
    plan, progress: Callable[[dict], None] | None = None, should_stop: ShouldStop | None = None
) -> Submission:
    """Send a prepared plan (``run.project.prepare_project_run``) as batches; returns at once.

    Cache hits are stored now; every other pending row is filed under its batch's custom id
    before this returns, so the answers find their rows whenever they are collected.
    ``should_stop`` is asked before each file goes up: batches already sent stay sent, the rows
    of the others are left for the next run or batch."""
    from desktop_app.core.providers import client as providers  # noqa: PLC0415
    from desktop_app.core.run.project_scores import refresh_scores  # noqa: PLC0415

    cfg, store = plan.cfg, plan.store
    try:
        _require_batch(cfg)
        with project_lock(plan.project):
            if getattr(plan, "rerank", None) is not None:  # ratings are chat calls made now, not batched
                plan.rerank(None, should_stop)
            book = BatchBook(store)
            signature = checks_signature(plan.scorer.specs)
            rows_by_id = {r.id: r for r in plan.rows}
            cost = _cost_fn(cfg, plan.prices)
            url = endpoint_path(cfg.preset)
            lines: dict[str, tuple[str, bytes]] = {}  # request hash -> (custom id, input line)
            filed: dict[str, list[Mapped]] = {}  # custom id -> the rows it answers
            waiting: list[Mapped] = []
            cached = 0
            for p in plan.prepared:
                run = open_run(store, p)
                if p.finished:
                    refresh_scores(store, run, rows_by_id, plan.scorer, signature)
                store.set_checks_signature(run.id, signature)
                scorer = answer_scorer(plan.scorer, p.variant)
                for req in p.pending:
                    line = lines.get(req.key)
                    custom = line[0] if line else custom_id(run.id, req.row.id, req.key)
                    m = Mapped(custom, run.id, req.row.id, req.key, p.model, tuple(req.passages))
                    hit = store.cache_get(req.key)
                    if hit is not None:  # answered before, anywhere: never paid again
                        store_row(
                            store,
                            run.id,
                            req.row,
                            m,
                            BatchAnswer(custom, hit.response, hit.tokens_in, hit.tokens_out),
                            scorer=scorer,
                            cost_fn=cost,
                            cached=True,
                        )
                        cached += 1
                        continue
                    waiting.append(m)
                    if line is None:
                        lines[req.key] = (custom, input_line(custom, req.body, url))
                    filed.setdefault(custom, []).append(m)
            joined_before = book.open_keys()
            joining = [m for m in waiting if m.request_key in joined_before]
            joined = book.join(joining)
            fresh = [(c, ln) for k, (c, ln) in lines.items() if k not in joined_before]
            client = providers.make_client(cfg)
            batches = []
            stopped = False
            try:
                max_requests, max_bytes = LIMITS[cfg.preset]
                try:
                    chunks = list(split_lines(fresh, max_requests, max_bytes))
                except TooLargeForBatch as exc:
                    raise RunError(
                        phrase(
                            translate(
                                "RunErrors",
                                "A request is too large for the Batch API: one request "
                                "is larger than a batch file may be ({size} bytes).",
                            ),
                            size=f"{exc.size:,}",
                        ),
                        translate("RunErrors", "Run online, or lower the variant's top-k or the chunk size."),
                    ) from None
                for i, chunk in enumerate(chunks):
                    if should_stop is not None and should_stop():
                        stopped = True
                        break
                    if progress is not None:
                        progress({"event": "sending", "done": i, "total": len(chunks)})
                    record = _send(client, book, chunk, filed, url, f"{i + 1}/{len(chunks)}", cfg.endpoint_id())
                    batches.append(record)
            finally:
                client.close()
                waiting_runs = book.runs_waiting()
                for p in plan.prepared:
                    if p.run is not None:  # a run with rows in an open batch waits for it; else it is whole now
                        store.set_status(
                            p.run.id, "batch" if p.run.id in waiting_runs else "cancelled" if stopped else "complete"
                        )
            sent = {m.custom_id for r in batches for m in book.mapped(r.id)}
            return Submission(
                tuple(batches),
                requests=len(sent),
                rows=sum(len(filed[c]) for c in sent if c in filed),
                cached=cached,
                joined=joined,
                runs=tuple(p.variant.name for p in plan.prepared),
            )
    finally:
        plan.close()


def _send(
    client,
    book: BatchBook,
    chunk: list[tuple[str, bytes]],
    filed: dict[str, list[Mapped]],
    url: str,
    part: str,
    endpoint: str,
) -> BatchRecord:
    """Upload one input file and create its batch. Its rows are filed under a placeholder first,
    named in the batch's metadata: a kill or a lost reply after the provider made the batch is
    resolved by the next check (``_resolve``), so the batch is neither lost nor paid for twice."""
    import openai  # noqa: PLC0415

    token = uuid.uuid4().hex
    placeholder = BatchRecord(
        id=PLACEHOLDER_PREFIX + token,
        status=SUBMITTING,
        endpoint=endpoint,
        created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    book.add(placeholder, [m for c, _ in chunk for m in filed[c]])
    try:
        upload = client.files.create(file=(INPUT_FILE_NAME, b"".join(ln for _, ln in chunk)), purpose="batch")
    except BaseException:
        book.drop(placeholder.id)  # no batch can exist without its file
        raise
    try:
        # Never retried: a retry after a lost reply would make (and bill) the batch twice; the
        # placeholder lets the next check find the one that was made.
        batch = client.with_options(max_retries=0).batches.create(
            input_file_id=upload.id,
            endpoint=url,
            completion_window=COMPLETION_WINDOW,
            metadata={"app": "llm-path-advisor", "part": part, "submission": token},
        )
    except openai.APIStatusError:
        book.drop(placeholder.id)  # the provider answered "no": nothing was made
        raise
    record = record_from(batch, endpoint=endpoint)
    book.replace(placeholder.id, record)
    return record


def _resolve(client, book: BatchBook, placeholder: BatchRecord) -> BatchRecord | None:
    """The batch a submit left as a placeholder, if the provider made it (found by its metadata);
    else the placeholder is dropped and its rows are free to be sent again."""
    token = placeholder.id[len(PLACEHOLDER_PREFIX) :]
    for found in client.batches.list(limit=100).data:
        if (found.metadata or {}).get("submission") == token:
            record = record_from(found, endpoint=placeholder.endpoint)
            book.replace(placeholder.id, record)
            return record
    book.drop(placeholder.id)
    return None


def list_batches(project) -> list[BatchRecord]:
    """The project's batches as last seen, newest first (no network)."""
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415

    if not project.results_db.exists():
        return []
    with ResultStore(project.results_db) as store:
        return BatchBook(store).all()


def check_batches(
    project,
    *,
    collect: bool = True,
    should_stop: ShouldStop | None = None,
    progress: Callable[[dict], None] | None = None,
) -> BatchCheck:
    """Ask the provider about every open batch; store the answers of those that ended."""
    from desktop_app.core.providers import client as providers  # noqa: PLC0415
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415

    if not project.results_db.exists():
        return BatchCheck()
    with ResultStore(project.results_db) as store:
        book = BatchBook(store)
        open_batches = [b for b in book.all() if not b.collected]
        cfg = providers.ConnectionConfig.from_dict(project.section("connection"))
        # Batches sent through another connection (or before it went local/offline) wait for it to come back.
        mine = [b for b in open_batches if batch_supported(cfg.preset) and b.endpoint == cfg.endpoint_id()]
        skipped = tuple(b.id for b in open_batches if b not in mine)
        if not mine:
            return BatchCheck(tuple(book.all()), skipped=skipped)
        collected: list[str] = []
        answered = errors = 0
        runs: set[int] = set()
        with project_lock(project):
            client = providers.make_client(cfg)
            scoring = CollectScoring(project, store)
            cost = _cost_fn(cfg, project.section("prices") or {})
            try:
                for b in mine:
                    if should_stop is not None and should_stop():
                        break
                    if b.status == SUBMITTING:
                        adopted = _resolve(client, book, b)
                        if adopted is None:
                            continue
                        b = adopted
                    record = record_from(client.batches.retrieve(b.id), previous=b)
                    book.update(record)
                    if not (collect and record.final):
                        continue
                    got, failed = collect_one(
                        client,
                        store,
                        record,
                        rows_by_id=scoring.ready().rows_by_id,
                        scorer_for=scoring.for_run,
                        cost_fn=cost,
                        answer_share=BATCH_DISCOUNT,
                        should_stop=should_stop,
                        progress=progress,
                    )
                    answered, errors = answered + got, errors + failed
                    done = book.get(b.id)
                    if done is not None and done.collected:
                        collected.append(b.id)
                    runs.update(m.run_id for m in book.mapped(b.id))
                for run_id in runs:
                    store.set_status(run_id, run_status(book, run_id))
            finally:
                client.close()
                scoring.close()
        return BatchCheck(tuple(book.all()), tuple(collected), answered, errors, tuple(sorted(runs)), skipped)


def cancel_batch(project, batch_id: str) -> BatchRecord:
    """Ask the provider to stop a batch; its finished requests come back when it is collected."""
    from desktop_app.core.providers import client as providers  # noqa: PLC0415
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415

    cfg = providers.ConnectionConfig.from_dict(project.section("connection"))
    _require_batch(cfg)
    with ResultStore(project.results_db) as store:
        book = BatchBook(store)
        known = book.get(batch_id)
        if known is None:
            raise RunError(
                phrase(translate("RunErrors", "This project has no batch “{batch}”."), batch=batch_id),
                translate("RunErrors", "Pick a batch from the project's list."),
            )
        if known.final:
            return known
        if known.status == SUBMITTING:
            raise RunError(
                translate("RunErrors", "This batch is still being sent."),
                translate("RunErrors", "Press Refresh first; then cancel it if you still want to."),
            )
        client = providers.make_client(cfg)
        try:
            record = record_from(client.batches.cancel(batch_id), previous=known)
        finally:
            client.close()
        book.update(record)
        return record
