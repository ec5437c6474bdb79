"""Runs at project level: wire the project's rows, connection, prices, checks and knowledge
into the planner and the asyncio runner.

``prepare_project_run`` plans (and retrieves passages) once; the CLI shows its estimate,
asks, then hands the same plan to ``execute_plan``. ``run_variants`` does both for the ui.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from desktop_app.core.run.judge import (
    JUDGE_REPLY_TOKENS,
    judge_config,
    judge_requests_for,
    make_judge,
    metered_embedder,
    price_name,
    rejudge_rows,
)
from desktop_app.core.errors import AppError, RunError
from desktop_app.core.records import Row, RunSummary
from desktop_app.core.run.runner import Progress, RunOptions, ShouldStop, execute_run
from desktop_app.core.run.plan import PreparedRun, open_run, prepare_variant, resolve_model
from desktop_app.core.run.scoring import Scorer, checks_signature, percentile, project_scorer, summarize, unjudged_rows
from desktop_app.core.run.batch_table import BatchBook
from desktop_app.core.run.project_scores import refresh_scores
from desktop_app.core.run.store import ResultStore
from desktop_app.core.variants.variant import Variant, answer_part, resolve_variants
from desktop_app.core.phrases import translate
from desktop_app.core.run import throughput
from desktop_app.core.run.rerank_phase import RATING_REPLY_TOKENS, perform, rating_figures, rating_requests

DEFAULT_LATENCY_GUESS_S = 1.5  # a small chat answer from a hosted model, when no run has measured one


@dataclass
class ProjectRunPlan:
    """Everything a run needs, decided before the first request; ``estimate`` is what it costs."""

    project: Any
    cfg: Any
    store: ResultStore
    options: RunOptions
    prepared: list[PreparedRun]
    scorer: Scorer
    prices: dict
    rows: list[Row] = field(default_factory=list)
    estimate: Any = None
    closers: list[Callable[[], None]] = field(default_factory=list)
    rejudge: dict[int, list[str]] = field(default_factory=dict)  # run id -> finished rows to judge again
    judge_cfg: Any = None  # the judge's connection (judge.judge_config): priced by its own server
    gate: Any = None  # knowledge.rerank.RerankGate: re-ranking counted when planning, made when running
    rerank: Callable[..., Any] | None = None  # (progress, should_stop): rerank_phase.perform, once agreed

    def close(self) -> None:
        for close in self.closers:
            try:
                close()
            except Exception:  # noqa: BLE001 - closing is best effort
                pass
        self.closers.clear()


def model_tools(project, store: ResultStore) -> tuple[Any, Any, list[Callable[[], None]]]:
    """(judge, embed, closers) from the project's connection, or Nones when it cannot call a model
    (offline, no key): checks that need a model are then left out, as everywhere else."""
    from desktop_app.core.providers import client as providers  # noqa: PLC0415
    from desktop_app.core.errors import AppError  # noqa: PLC0415

    closers: list[Callable[[], None]] = []
    judge = embed = None
    try:
        cfg = providers.ConnectionConfig.from_dict(project.section("connection"))
        if cfg.preset != "offline":
            embed = providers.make_embedder(cfg) if cfg.embedding_model else None
            if embed is not None:
                closers.append(embed.close)
        jcfg = judge_config(project, cfg)  # its own server even for an offline project (imported runs)
        if jcfg.preset != "offline" and jcfg.chat_model:
            client = providers.make_client(jcfg)
            closers.append(client.close)
            judge = make_judge(client, jcfg.chat_model, store, endpoint=jcfg.endpoint_id())
    except AppError:
        pass  # cannot call a model (no key, bad URL): the checks that need one are left out
    return judge, embed, closers


def _knowledge(project, variants: Sequence[Variant], plan: ProjectRunPlan, judge=None):
    """(retriever, fingerprint extra) for RAG variants; (None, {}) when none retrieves or no documents.

    With the knowledge setting ``rerank`` on and a model to ask, passages are re-ranked by
    LLM-judged relevance (the talk's retrieval case gained most from re-ranking): through a
    closed gate while planning (no call; the estimate counts the ratings), opened by the run."""
    if not any(v.uses_retrieval for v in variants):
        return None, {}
    from desktop_app.core.knowledge import KnowledgeBase  # noqa: PLC0415 - chromadb is slow
    from desktop_app.core.knowledge.rerank import RerankGate  # noqa: PLC0415

    gate = RerankGate(judge.lookup) if judge is not None else None
    kb = KnowledgeBase.open(project, rerank=gate)
    plan.closers.append(kb.close)
    stats = kb.stats()
    if not stats.get("chunks"):
        return None, {}
    plan.gate = gate if stats.get("rerank") else None
    # The index's state is part of a RAG run's identity: new documents mean new passages, a new run.
    extra = {
        "knowledge": {
            k: stats.get(k)
            for k in ("documents", "chunks", "embedding", "chunk_size", "chunk_overlap", "fusion_weight")
        },
        "rerank": bool(stats.get("rerank") and judge),
        "generation": kb.store.generation(),
    }
    return (lambda query, k: kb.search(query, k)), extra


def _examples_signature(examples: Sequence[Row]) -> str:
    return hashlib.sha256("\x1f".join(f"{e.id}\x1e{e.input}\x1e{e.expected}" for e in examples).encode()).hexdigest()[
        :16
    ]


def latency_guess(store: ResultStore, model: str) -> float:
    """Median latency this model showed in earlier runs of the project, else a default."""
    latencies = [
        r.latency_s
        for run in store.runs()
        if run.model == model and not run.imported
        for r in store.results(run.id)
        if r.latency_s and not r.cached and r.error is None
    ]
    return percentile(latencies, 50) or DEFAULT_LATENCY_GUESS_S


def _estimate(plan: ProjectRunPlan) -> Any:
    from desktop_app.core.providers import estimate, model_info  # noqa: PLC0415

    requests, expected, seen, cached, judged = [], [], set(), 0, []
    windows: dict[str, int | None] = {}  # model -> its context window, where known
    by_id = {r.id: r for r in plan.rows}
    for p in plan.prepared:
        params = p.variant.params or {}
        max_tokens = params.get("max_tokens") or params.get("max_completion_tokens")
        model = price_name(plan.cfg, p.model, plan.prices)
        for req in p.pending:
            if req.key in p.cached_keys or req.key in seen:  # answered from the cache / by its twin
                cached += 1
                continue
            seen.add(req.key)
            cap = next((req.body[k] for k in ("max_tokens", "max_completion_tokens") if req.body.get(k)), None)
            requests.append(
                estimate.PlannedRequest(req.messages, model, max_tokens, req.key, batchable=True, output_cap=cap)
            )
            windows.setdefault(model, model_info.context_window(plan.project, plan.cfg, p.model, model))
            expected.append(req.row.expected)
            judged.append(req.row)  # its answer gets judged by every judge/rubric check
        judged += [by_id[rid] for rid in plan.rejudge.get(p.run.id if p.run else -1, ())]
    models = sorted({p.model for p in plan.prepared})
    guess = max((latency_guess(plan.store, m) for m in models), default=DEFAULT_LATENCY_GUESS_S)
    expected_tokens = estimate.expected_tokens(expected, requests[0].model) if requests else []
    judge_requests = judge_requests_for(plan.judge_cfg or plan.cfg, plan.prices, plan.scorer, judged)
    ratings = rating_requests(plan.gate, plan.judge_cfg or plan.cfg, plan.prices)
    est = estimate.estimate_run(
        requests + judge_requests + ratings,
        expected_tokens + [JUDGE_REPLY_TOKENS] * len(judge_requests) + [RATING_REPLY_TOKENS] * len(ratings),
        plan.prices,
        plan.options.concurrency,
        guess,
        preset=plan.cfg.preset,
        context_windows=windows,
    )
    est = dataclasses.replace(est, cached=cached, **rating_figures(plan.gate, ratings, plan.prices, plan.cfg.preset))
    return throughput.adjust_estimate(est, plan.project, plan.cfg, models)


def prepare_project_run(
    project, variant_names: Iterable[str] | None = None, *, concurrency: int | None = None
) -> ProjectRunPlan:
    """Plan the variants' runs: rows still missing, their exact requests, the estimate."""
    from desktop_app.core.data import rows as datasets
    from desktop_app.core.providers import client as providers  # noqa: PLC0415 - wired here, not in the engine

    rows, examples = datasets.load_rows(project)
    cfg = providers.ConnectionConfig.from_dict(project.section("connection"))
    sync_client = providers.make_client(cfg)  # fails now (offline, no key, bad URL), before any planning
    store = ResultStore(project.results_db)
    options = run_options(project, cfg, concurrency)
    prices = project.section("prices") or {}
    plan = ProjectRunPlan(
        project, cfg, store, options, [], Scorer(), prices, rows=rows, closers=[store.close, sync_client.close]
    )
    try:
        variants = resolve_variants(project, variant_names, has_examples=bool(examples))
        jcfg = judge_config(project, cfg)
        judge_client = sync_client if jcfg is cfg else providers.make_client(jcfg)
        if judge_client is not sync_client:
            plan.closers.append(judge_client.close)
        judge = make_judge(judge_client, jcfg.chat_model, store, endpoint=jcfg.endpoint_id())
        plan.judge_cfg = jcfg
        retriever, kb_extra = _knowledge(project, variants, plan, judge)
        embed = metered_embedder(providers.make_embedder(cfg)) if cfg.embedding_model else None
        if embed is not None:
            plan.closers.append(embed.close)
        plan.scorer = project_scorer(project, rows, judge=judge, embed=embed)
        judged_specs = [
            s
            for s in plan.scorer.specs
            if (s.needs == "judge" and judge is not None) or (s.needs == "embed" and embed is not None)
        ]
        for v in variants:
            extra: dict = {}
            if v.uses_retrieval:
                extra.update(kb_extra)
            if v.uses_examples:
                extra["examples"] = _examples_signature(examples)
            model = resolve_model(v, cfg.chat_model)
            p = prepare_variant(
                store,
                v,
                model,
                rows,
                examples,
                retriever,
                extra,
                cap_param=providers.limit_param(model),
                endpoint=cfg.endpoint_id(),
            )
            if p.run is not None:  # rows waiting in a batch are not sent again (online or in a new batch)
                waiting = BatchBook(store).waiting_rows(p.run.id)
                kept = [r for r in p.pending if r.row.id not in waiting]
                p.waiting, p.pending = len(p.pending) - len(kept), kept
            plan.prepared.append(p)
            if p.run is not None and judged_specs:  # finished rows whose judge failed or was edited
                plan.rejudge[p.run.id] = unjudged_rows(store.results(p.run.id), {r.id: r for r in rows}, judged_specs)
        plan.estimate = _estimate(plan)
        if plan.gate is not None:
            plan.rerank = lambda progress=None, should_stop=None: perform(
                plan, judge, examples, retriever, cfg.endpoint_id(), progress, should_stop
            )
    except BaseException:
        plan.close()
        raise
    return plan


def _fatal(cfg, model: str, key: str | None, exc: BaseException) -> AppError:
    """A fatal provider error of one variant's run, said for the model that variant calls."""
    from desktop_app.core.providers import client as providers  # noqa: PLC0415 - openai loads with it

    return providers.to_connection_failed(
        exc, cfg.replace(model=model, azure_deployment=model if cfg.preset == "azure" else ""), key=key
    )


async def _execute(plan: ProjectRunPlan, progress: Progress | None, should_stop: ShouldStop | None) -> None:
    from desktop_app.core.providers import prices as pricing
    from desktop_app.core.providers import client as providers  # noqa: PLC0415

    cfg = plan.cfg
    client = providers.make_async_client(cfg, max_retries=0, timeout_s=plan.options.timeout_s)

    def cost(model: str, tin: int, tout: int) -> float | None:
        return pricing.cost(price_name(cfg, model, plan.prices), tin, tout, plan.prices, preset=cfg.preset)

    signature = checks_signature(plan.scorer.specs)
    rows_by_id = {r.id: r for r in plan.rows}
    try:
        if plan.rerank is not None and any(p.variant.uses_retrieval and p.pending for p in plan.prepared):
            await asyncio.to_thread(plan.rerank, progress, should_stop)  # the user agreed: now the ratings
        for p in plan.prepared:
            if should_stop is not None and should_stop():
                break
            run = open_run(plan.store, p)
            scorer = plan.scorer.with_extract(
                functools.partial(answer_part, p.variant) if p.variant.answer_marker else None
            )
            if p.finished:  # rows from an earlier session join the new ones under the same checks
                refresh_scores(plan.store, run, rows_by_id, plan.scorer, signature)
                if plan.rejudge.get(run.id):
                    await asyncio.to_thread(
                        rejudge_rows, plan.store, run, plan.rejudge[run.id], rows_by_id, scorer, should_stop
                    )
            plan.store.set_checks_signature(run.id, signature)
            outcome = await execute_run(
                client,
                plan.store,
                run,
                p.pending,
                scorer=scorer,
                cost_fn=cost,
                options=plan.options,
                progress=progress,
                should_stop=should_stop,
                total=p.total,
                already_done=p.finished,
                model=p.model,
                describe_fatal=functools.partial(_fatal, cfg, p.model, client.api_key),
            )
            try:  # the pace this server kept, for the next estimate's time
                throughput.record(plan.project, cfg, p.model, outcome)
            except AppError:
                pass  # a full disk refuses the note, not the answers already stored
            if p.waiting:  # the rest of its rows are still with the provider's Batch API
                plan.store.set_status(run.id, "batch")
    finally:
        await client.close()


def execute_plan(
    plan: ProjectRunPlan, progress: Progress | None = None, should_stop: ShouldStop | None = None
) -> list[RunSummary]:
    """Run a prepared plan (blocking; call from the CLI or a ui worker); summaries of its runs.

    One run per project at a time: a second window or command meets a clear message instead of
    paying for the same rows twice (the lock is released when the run ends, or its process dies)."""
    from filelock import FileLock, Timeout  # noqa: PLC0415

    lock = FileLock(str(plan.project.root / ".run.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        plan.close()
        raise RunError(
            translate("RunErrors", "A run is going on for this project in another window or command."),
            translate("RunErrors", "Wait for it to finish (or stop it there), then run again: finished rows are kept."),
            details={"kind": "project_busy"},
        ) from None
    try:
        asyncio.run(_execute(plan, progress, should_stop))
        eval_ids = {r.id for r in plan.rows}
        return [
            summarize(plan.store.run(p.run.id), plan.store.results(p.run.id), eval_ids=eval_ids)
            for p in plan.prepared
            if p.run
        ]
    finally:
        plan.close()
        lock.release()


def run_variants(
    project,
    variant_names: Iterable[str] | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    *,
    concurrency: int | None = None,
) -> list[RunSummary]:
    return execute_plan(prepare_project_run(project, variant_names, concurrency=concurrency), progress, should_stop)


def plan_run(project, variant_names: Iterable[str] | None = None, *, concurrency: int | None = None):
    """The Estimate (calls, tokens, cost, time) of running these variants now; nothing is sent."""
    plan = prepare_project_run(project, variant_names, concurrency=concurrency)
    plan.close()
    return plan.estimate


def run_options(project, cfg, concurrency: int | None = None) -> RunOptions:
    """One place for the settings a run uses: the timeout and retries the user set on the
    Connection page or with `connect` (they were ignored by runs), overridden only by an explicit
    ``run_settings`` section, and the concurrency asked for (``--concurrency``) above both."""
    chosen = dict(project.section("run_settings") or {})
    if chosen.get("timeout_s") == 60.0 and chosen.get("max_retries") == 4:
        del chosen["timeout_s"], chosen["max_retries"]  # the defaults older versions wrote, never chosen
    settings = {"timeout_s": cfg.timeout_s, "max_retries": cfg.max_retries, **chosen}
    return RunOptions.from_dict(settings, concurrency=concurrency)
