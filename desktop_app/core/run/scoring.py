"""Scoring: one row's output -> verdicts (checks + retrieval metrics); a run's results -> RunSummary.

The lowest layer (``Scorer``) takes its parts as plain callables, so the runner and the
imported-runs path score exactly the same way, and tests can drive it without a project.
``project_scorer`` wires a project's checks and (when present) the retrieval metrics.

Scores are shares of rows: content score = rows whose content passed / rows judged on content
(an errored or missing row counts as judged and failed), behaviour score likewise, pass rate =
rows that passed both / all evaluation rows (a row the run has no result for counts as failed).
That reads as "82% of answers carry the right facts" on the maps. Rows whose content verdict
is unsure (text alone could not decide, and no judge or person did) are counted apart: left
out of the content score and the pass rate, and reported as ``unsure``.
"""

from __future__ import annotations

import hashlib
import json
import math
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Collection, Iterator, Mapping, Sequence

from desktop_app.core.records import (
    REVIEW_CHECK,
    Passage,
    Row,
    RowResult,
    RunInfo,
    RunSummary,
    Verdict,
    behaviour_passed,
    content_outcome,
    prompt_cut_rows,
    row_passed,
)

# evaluate(specs, row, output, passages=(), judge=None, embed=None) -> verdicts (checks.evaluate_row)
Evaluate = Callable[..., tuple[Verdict, ...]]
# retrieval(row, output, passages) -> verdicts of family "retrieval" (retrieval_metrics.score)
Retrieval = Callable[[Row, str, Sequence[Passage]], tuple[Verdict, ...]]
RETRIEVAL_METRICS = ("context_recall", "context_precision", "faithfulness")


@dataclass
class ModelCalls:
    """The model calls scoring one row made (judge, embeddings): what was paid, what failed."""

    usage: list[tuple[str, int, int]] = field(default_factory=list)  # (model, tokens_in, tokens_out), paid calls
    failures: list[str] = field(default_factory=list)  # error texts of calls that failed (429, timeout ...)


_CALLS: ContextVar[ModelCalls | None] = ContextVar("scoring_model_calls", default=None)


@contextmanager
def collect_calls() -> Iterator[ModelCalls]:
    """Collect the model calls made while scoring inside the block (this thread/task only)."""
    calls = ModelCalls()
    token = _CALLS.set(calls)
    try:
        yield calls
    finally:
        _CALLS.reset(token)


def note_call(model: str, tokens_in: int, tokens_out: int) -> None:
    """A judge/embedding call was paid for (a cache hit is not): its tokens go to the row's cost."""
    calls = _CALLS.get()
    if calls is not None:
        calls.usage.append((model, tokens_in, tokens_out))


def note_failure(text: str) -> None:
    """A judge/embedding call failed: its check is left out and the row is judged again later."""
    calls = _CALLS.get()
    if calls is not None:
        calls.failures.append(text)


@dataclass
class Scorer:
    """Judges one output. ``extract`` picks the judged part (e.g. after "Answer:")."""

    specs: Sequence[Any] = ()
    evaluate: Evaluate | None = None
    retrieval: Retrieval | None = None
    judge: Callable[[list[dict]], str] | None = None
    embed: Callable[[list[str]], list[list[float]]] | None = None
    extract: Callable[[str], str] | None = None

    @property
    def calls_models(self) -> bool:
        """True when some check will call a model (judge/embedding): score off the event loop."""
        have = {"judge": self.judge is not None, "embed": self.embed is not None}
        return any(have.get(getattr(s, "needs", None) or "", False) for s in self.specs)

    def with_extract(self, extract: Callable[[str], str] | None) -> "Scorer":
        return replace(self, extract=extract)

    def __call__(self, row: Row, output: str | None, passages: Sequence[Passage] = ()) -> tuple[Verdict, ...]:
        judged = self.extract(output) if (self.extract and output is not None) else output
        verdicts: tuple[Verdict, ...] = ()
        if self.evaluate is not None and self.specs:
            try:
                verdicts = tuple(self.evaluate(self.specs, row, judged, passages, judge=self.judge, embed=self.embed))
            except Exception:  # noqa: BLE001 - a judge/embedding call that failed must not stop a run:
                if self.judge is None and self.embed is None:  # the model checks are left out, not failed
                    raise
                verdicts = tuple(self.evaluate(self.specs, row, judged, passages, judge=None, embed=None))
        if self.retrieval is not None and passages and output is not None:
            # Faithfulness reads the whole output (reasoning included), not just the extracted answer.
            verdicts += tuple(self.retrieval(row, output, passages))
        return verdicts


def score_result(scorer: Scorer, row: Row, result: RowResult) -> RowResult:
    """The same result with its verdicts filled in."""
    return replace(result, verdicts=scorer(row, result.output, result.passages))


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (as numpy's default); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def _share(passed: int, judged: int) -> float:
    return passed / judged if judged else 0.0


def _mean_metric(results: Sequence[RowResult], check: str) -> float | None:
    scores = [v.score for r in results for v in r.verdicts if v.family == "retrieval" and v.check == check]
    return sum(scores) / len(scores) if scores else None


def only_rows(results: Sequence[RowResult], eval_ids: Collection[str] | None) -> list[RowResult]:
    """The results of current evaluation rows (a resplit or re-import leaves others behind)."""
    if eval_ids is None:
        return list(results)
    ids = eval_ids if isinstance(eval_ids, (set, frozenset, dict)) else set(eval_ids)
    return [r for r in results if r.row_id in ids]


def run_cost(results: Sequence[RowResult]) -> float | None:
    """Sum of the rows' costs; None when any row's price is unknown (unknown is not $0)."""
    costs = [r.cost for r in results if r.cost is not None]
    return None if len(costs) < len(results) else math.fsum(costs)


def summarize(run: RunInfo, results: Sequence[RowResult], *, eval_ids: Collection[str] | None = None) -> RunSummary:
    """The leaderboard line of one run; latencies of errored rows are left out.

    ``eval_ids``: the current evaluation rows. Results of other rows are left out, and rows
    without a result are ``missing`` and count as failed: a run that answered half the set
    cannot score as if it had answered all of it.
    """
    results = only_rows(results, eval_ids)
    missing = len(set(eval_ids) - {r.row_id for r in results}) if eval_ids is not None else 0
    total = len(results) + missing
    errors = sum(1 for r in results if r.error is not None)
    content_judged, content_ok, behaviour_ok, passed, unsure = missing, 0, 0, 0, 0
    for r in results:
        if r.error is not None:
            content_judged += 1
            continue
        outcome = content_outcome(r.verdicts)
        behaviour_ok += behaviour_passed(r.verdicts)
        if outcome == "unsure":
            unsure += 1
            continue
        if outcome is not None:
            content_judged += 1
            content_ok += outcome == "right"
        passed += row_passed(r)
    latencies = [r.latency_s for r in results if r.error is None and r.latency_s is not None]
    return RunSummary(
        run=run,
        rows=len(results),
        errors=errors,
        content_score=_share(content_ok, content_judged),
        behaviour_score=_share(behaviour_ok, total),
        pass_rate=_share(passed, total - unsure),
        tokens_in=sum(r.tokens_in for r in results),
        tokens_out=sum(r.tokens_out for r in results),
        cost=run_cost(results),
        latency_p50=percentile(latencies, 50),
        latency_p95=percentile(latencies, 95),
        context_recall=_mean_metric(results, "context_recall"),
        context_precision=_mean_metric(results, "context_precision"),
        faithfulness=_mean_metric(results, "faithfulness"),
        missing=missing,
        unsure=unsure,
        prompt_cut=len(prompt_cut_rows(results)),
    )


def per_request(total: float | None, answered: int, scale: float = 1.0) -> float | None:
    """``total`` spread over the answered requests (× ``scale``, 1000 for "per 1,000"); None when
    nothing was answered or the total is unknown. The one rule for tokens and cost per request."""
    return scale * total / answered if answered > 0 and total is not None else None


def summary_to_dict(s: RunSummary, *, unknown_cost: float | None = 0.0) -> dict:
    """The `results --json` contract for one run (keys are stable; extend, never rename).

    ``cost_known`` says whether ``cost`` is a measured price. ``unknown_cost`` is what ``cost``
    holds when it is not: the CLI and the report pass None (null, "-"); the default 0.0 keeps
    readers that do arithmetic on ``cost`` working until they read ``cost_known``.
    """
    from desktop_app.core.variants.variant import Variant  # noqa: PLC0415 - variants imports nothing from here

    x, y = Variant(name=s.run.name, techniques=s.run.techniques).grid_position
    return {
        "run_id": s.run.id,
        "name": s.run.name,
        "techniques": list(s.run.techniques),
        "technique_position": [x, y],
        "imported": s.run.imported,
        "status": s.run.status,
        "model": s.run.model,
        "rows": s.rows,
        "errors": s.errors,
        "content_score": s.content_score,
        "behaviour_score": s.behaviour_score,
        "pass_rate": s.pass_rate,
        "tokens": s.tokens_in + s.tokens_out,
        "tokens_in": s.tokens_in,
        "tokens_out": s.tokens_out,
        "cost": unknown_cost if s.cost is None else s.cost,
        "cost_known": s.cost is not None,
        "latency_p50": s.latency_p50,
        "latency_p95": s.latency_p95,
        "context_recall": s.context_recall,
        "context_precision": s.context_precision,
        "faithfulness": s.faithfulness,
        "missing": s.missing,
        "unsure": s.unsure,
        "prompt_cut": s.prompt_cut,
        # An import without token columns has unknown usage, not free usage.
        "tokens_per_request": None
        if s.run.imported and not (s.tokens_in + s.tokens_out)
        else per_request(s.tokens_in + s.tokens_out, s.rows - s.errors),
        "cost_per_1000": per_request(s.cost, s.rows - s.errors, 1000),
    }


def checks_signature(specs: Sequence[Any]) -> str:
    """Identifies a set of checks: a run scored with another set is rescored before it is shown."""
    data = [s.to_dict() if hasattr(s, "to_dict") else repr(s) for s in specs]
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:24]


def model_check_keys(specs: Sequence[Any]) -> dict[str, str]:
    """Check id -> fingerprint of the enabled checks that need a model (judge, rubric, semantic)."""
    return {s.id: s.fingerprint for s in specs if getattr(s, "needs", None) and getattr(s, "enabled", True)}


_FAILED_CALL = ("judge_error", "embed_error")  # verdicts older versions stored when the model call failed


def _current(v: Verdict, keys: Mapping[str, str | None]) -> bool:
    """A stored model-judged verdict still valid: its check unchanged (or unknown: stored before
    fingerprints), and not the failed-call verdict older versions stored."""
    want = keys.get(v.check, "")
    return (want is None or v.spec in ("", want)) and not v.reason.startswith(_FAILED_CALL)


def rescore_results(
    results: Sequence[RowResult],
    rows_by_id: dict[str, Row],
    scorer: Scorer,
    keep_checks: Mapping[str, str] | Collection[str] = frozenset(),
) -> dict[str, tuple[Verdict, ...]]:
    """New verdicts for stored results with the current checks, no model called.

    Verdicts of checks that need a model (``keep_checks``: id -> fingerprint, see
    ``model_check_keys``) are kept from the original scoring only while the check is unchanged
    (same kind, value and settings): re-judging would cost calls, but a verdict of an edited
    rubric answers another question. Verdicts stored before fingerprints existed are kept.
    A bare collection of ids keeps by id alone. Rows no longer in the dataset are left alone.
    """
    keys = keep_checks if isinstance(keep_checks, Mapping) else {c: None for c in keep_checks}
    out = {}
    for r in results:
        row = rows_by_id.get(r.row_id)
        if row is None:
            continue
        fresh = scorer(row, r.output if r.error is None else None, r.passages)
        # A person's review is their word on this answer, whatever the checks: it stays.
        out[r.row_id] = fresh + tuple(
            v for v in r.verdicts if (v.check in keys and _current(v, keys)) or v.check == REVIEW_CHECK
        )
    return out


def _applies(spec: Any, row: Row, output: str | None, verdicts: Sequence[Verdict] = ()) -> bool:
    """Would this model-judged check judge this row (as checks.evaluate_row decides)? The content
    judge in its default mode is asked only about rows the lexical checks left unsure."""
    if output is None or (spec.family == "content" and not (output.strip() and (row.expected or "").strip())):
        return False
    if getattr(spec, "kind", "") == "judge":
        from desktop_app.core.checks.evaluate import judge_applies  # noqa: PLC0415 - checks imports records only

        return judge_applies(spec, verdicts)
    return True


def unjudged_rows(results: Sequence[RowResult], rows_by_id: dict[str, Row], specs: Sequence[Any]) -> list[str]:
    """Answered rows where a model-judged check has no verdict made with its current settings:
    its judge call failed, or the check was edited since. A run judges them again."""
    keys = model_check_keys(specs)
    todo = []
    for r in results:
        row = rows_by_id.get(r.row_id)
        if row is None or r.error is not None or not keys:
            continue
        have = {v.check for v in r.verdicts if v.check in keys and _current(v, keys)}
        if any(s.id in keys and s.id not in have and _applies(s, row, r.output, r.verdicts) for s in specs):
            todo.append(r.row_id)
    return todo


# -- project wiring --------------------------------------------------------------------------
def project_specs(project, rows: Sequence[Row] | None = None) -> list:
    """The project's checks, or the defaults inferred from the expected outputs when none are set."""
    from desktop_app.core import checks  # noqa: PLC0415

    specs, stored = checks.project_checks(project)
    if stored or specs or rows is None:
        return list(specs)
    answers = [r.expected for r in rows if r.expected]
    return list(checks.default_checks(answers)) if answers else []


def retrieval_scorer() -> Retrieval | None:
    """The knowledge area's retrieval metrics (context recall/precision, faithfulness)."""
    from desktop_app.core.knowledge import metrics  # noqa: PLC0415 - light module, no chromadb import

    return metrics.score


def project_scorer(project, rows: Sequence[Row], *, judge=None, embed=None) -> Scorer:
    from desktop_app.core import checks  # noqa: PLC0415

    return Scorer(
        specs=project_specs(project, rows),
        evaluate=checks.evaluate_row,
        retrieval=retrieval_scorer(),
        judge=judge,
        embed=embed,
    )
