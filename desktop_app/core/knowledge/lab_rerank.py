"""Re-ranking in the retrieval lab: the few best settings of a sweep measured again with their
passages re-ranked by the model's ratings.

Two steps, so the cost is shown before anything is paid. ``plan_rerank`` (no model call)
rebuilds the chosen settings in scratch indexes, takes each question's candidates as a
re-ranked search would (``2 x top-k``), and notes the rating calls not already in the cache,
as a closed ``RerankGate`` does when a run is planned. After the user agreed, the caller makes
those calls (``run.lab_rerank``) and ``measure_rerank`` scores the re-ranked passages the way
the sweep scored the others; ``with_reranked`` adds them to the sweep's table.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from desktop_app.core.knowledge.config import KnowledgeSettings
from desktop_app.core.knowledge.lab import Setting, SweepResult, Trial, pick_best, table_order
from desktop_app.core.knowledge.readiness import _evaluation_rows, judge_row, usable_rows
from desktop_app.core.knowledge.rerank import MAX_RATED, RerankGate, order_by_ratings, rating_messages
from desktop_app.core.records import Passage

RERANK_SETTINGS = 3  # the best settings re-ranked: bounds the cost to a few calls per question each


@dataclass(frozen=True)
class RerankPlan:
    """What re-ranking the lab's best settings would send; plain data, handed from task to task."""

    trials: tuple[Trial, ...]  # the settings to re-rank, as the sweep measured them
    rows: tuple = ()  # the evaluation rows (those readiness can measure)
    candidates: tuple[tuple[tuple[Passage, ...], ...], ...] = ()  # per trial, per row: what is rated
    calls: dict = field(default_factory=dict)  # rating call -> (question, messages), not in the cache
    cached: int = 0  # ratings known from the cache (free)
    search_ms: tuple[float, ...] = ()  # per trial: ms per question to find the candidates

    @property
    def messages(self) -> list[list[dict]]:
        return [m for _, m in self.calls.values()]


def best_unreranked(result: SweepResult, n: int = RERANK_SETTINGS) -> list[Trial]:
    """The ``n`` best settings measured without re-ranking (and not re-ranked yet), table order."""
    done = {t.setting for t in result.trials if t.reranked}
    return sorted((t for t in result.trials if not t.reranked and t.setting not in done), key=table_order)[:n]


def plan_rerank(
    project,
    result: SweepResult,
    lookup: Callable[[list[dict]], "str | None"],
    *,
    rows=None,
    n: int = RERANK_SETTINGS,
    embedder=None,
    progress=None,
    should_stop=None,
) -> RerankPlan:
    """Find what re-ranking the ``n`` best settings would rate (no model call is made)."""
    from desktop_app.core.knowledge.sweep import _release, _Scratch, _sources

    chosen = best_unreranked(result, n)
    rows = tuple(usable_rows(list(_evaluation_rows(project) if rows is None else rows)))
    if not chosen or not rows:
        return RerankPlan(trials=(), rows=rows)
    from desktop_app.core.knowledge.index import KnowledgeBase

    sources = _sources(project)
    provider = next((t.setting.embedding for t in chosen if t.setting.embedding.startswith("provider:")), "")
    if embedder is None and provider:
        from desktop_app.core.knowledge.index import _connection_embedder

        embedder = _connection_embedder(project, provider.partition(":")[2])
    gate = RerankGate(lookup)
    base = KnowledgeSettings.from_section(project.section("knowledge"))
    candidates, search_ms = [], []
    total, done = len(chosen) * (len(sources) + len(rows)), 0
    scratch = Path(tempfile.mkdtemp(prefix="llm-path-advisor-rerank-"))
    try:
        for n_trial, trial in enumerate(chosen):
            seen: list[tuple[Passage, ...]] = []

            def record(query: str, passages: list[Passage], seen=seen) -> list[Passage]:
                seen.append(tuple(passages))
                return gate(query, passages)

            settings = replace(trial.setting.settings(base), rerank=True)
            kb = KnowledgeBase(_Scratch(scratch / f"r{n_trial}"), settings, embedder, rerank=record)
            try:
                report = kb.add_paths(sources, should_stop=should_stop)
                if report.cancelled:
                    return RerankPlan(trials=())
                done += len(sources)
                t0 = time.perf_counter()
                for row in rows:
                    if should_stop is not None and should_stop():
                        return RerankPlan(trials=())
                    kb.search(row.input, settings.top_k)
                    done += 1
                    if progress is not None:
                        progress({"stage": "rerank_plan", "done": done, "total": total})
                search_ms.append((time.perf_counter() - t0) * 1000 / len(rows))
            finally:
                _release(kb)
            candidates.append(tuple(seen))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    calls = {k: v for k, v in gate.planned.items()}
    return RerankPlan(
        trials=tuple(chosen),
        rows=rows,
        candidates=tuple(candidates),
        calls=calls,
        cached=gate.cached,
        search_ms=tuple(search_ms),
    )


def measure_rerank(
    plan: RerankPlan, lookup: Callable[[list[dict]], "str | None"], replies: dict | None = None, rating_s: float = 0.0
) -> list[Trial]:
    """Each planned setting measured with its candidates ordered by the ratings (``replies`` from
    the calls just made, else the cache); a rating that failed sinks its passage."""
    from desktop_app.core.knowledge.rerank import read_rating

    gate = RerankGate(lookup)
    gate.open(replies)
    out = []
    n = max(1, len(plan.rows))
    for trial, per_row, ms in zip(plan.trials, plan.candidates, plan.search_ms):
        k = trial.setting.top_k
        hits, mrr, recall, chars = set(), 0.0, 0.0, 0
        for row, passages in zip(plan.rows, per_row):
            head, tail = list(passages[:MAX_RATED]), list(passages[MAX_RATED:])
            ratings = [read_rating(gate.reply(rating_messages(row.input, p))) for p in head]
            top = (order_by_ratings(head, ratings) + tail)[:k]
            hit, rank, rec = judge_row(row.expected, top)
            if hit:
                hits.add(row.id)
            mrr += 1 / rank if rank else 0.0
            recall += rec
            chars += sum(len(p.text) for p in top)
        out.append(
            replace(
                trial,
                in_top_k=len(hits),
                share=round(len(hits) / n, 4),
                mrr=round(mrr / n, 4),
                mean_recall=round(recall / n, 4),
                ms_per_question=round(ms + rating_s * 1000 / n, 2),
                context_chars=int(chars / n),
                hits=frozenset(hits),
                current=False,
                reranked=True,
            )
        )
    return out


def with_reranked(result: SweepResult, trials: list[Trial], current: KnowledgeSettings) -> SweepResult:
    """The sweep's table with the re-ranked rows added (marked ``reranked``). When the project
    re-ranks already, its own setting's re-ranked row is the current one."""
    if current.rerank:
        mine = Setting.of(current)
        trials = [replace(t, current=t.setting == mine) for t in trials]
    has_current = any(t.current for t in trials)
    old = [replace(t, current=False) if has_current and t.current else t for t in result.trials]
    merged = sorted([*old, *trials], key=table_order)
    now = next((t for t in merged if t.current), None)
    found = set().union(*(t.hits for t in merged)) if merged else set()
    return replace(
        result,
        trials=tuple(merged),
        best=pick_best(merged, Setting.of(current)),
        current=now,
        unanswerable=tuple(i for i in result.unanswerable if i not in found),
    )
