"""Scoring: one row's output -> verdicts (checks + retrieval metrics); a run's results -> RunSummary.

The lowest layer (``Scorer``) takes its parts as plain callables, so the runner and the
imported-runs path score exactly the same way, and tests can drive it without a project.
``project_scorer`` wires a project's checks and (when present) the retrieval metrics.

Scores are shares of rows: content score = rows whose content passed / rows judged on content
(an errored row counts as judged and failed), behaviour score likewise, pass rate = rows that
passed both / all rows. That reads as "82% of answers carry the right facts" on the maps.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, replace
from typing import Any, Callable, Sequence

from desktop_app.core.records import (Passage, Row, RowResult, RunInfo, RunSummary, Verdict, behaviour_passed,
                                      content_passed, row_passed)

# evaluate(specs, row, output, passages=(), judge=None, embed=None) -> verdicts (checks.evaluate_row)
Evaluate = Callable[..., tuple[Verdict, ...]]
# retrieval(row, output, passages) -> verdicts of family "retrieval" (retrieval_metrics.score)
Retrieval = Callable[[Row, str, Sequence[Passage]], tuple[Verdict, ...]]
RETRIEVAL_METRICS = ("context_recall", "context_precision", "faithfulness")


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


def summarize(run: RunInfo, results: Sequence[RowResult]) -> RunSummary:
    """The leaderboard line of one run; latencies of errored rows are left out."""
    errors = sum(1 for r in results if r.error is not None)
    content_judged = content_ok = behaviour_ok = passed = 0
    for r in results:
        if r.error is not None:
            content_judged += 1
            continue
        if any(v.family == "content" for v in r.verdicts):
            content_judged += 1
            content_ok += content_passed(r.verdicts)
        behaviour_ok += behaviour_passed(r.verdicts)
        passed += row_passed(r)
    latencies = [r.latency_s for r in results if r.error is None and r.latency_s is not None]
    return RunSummary(
        run=run, rows=len(results), errors=errors,
        content_score=_share(content_ok, content_judged),
        behaviour_score=_share(behaviour_ok, len(results)),
        pass_rate=_share(passed, len(results)),
        tokens_in=sum(r.tokens_in for r in results), tokens_out=sum(r.tokens_out for r in results),
        cost=sum(r.cost for r in results),
        latency_p50=percentile(latencies, 50), latency_p95=percentile(latencies, 95),
        context_recall=_mean_metric(results, "context_recall"),
        context_precision=_mean_metric(results, "context_precision"),
        faithfulness=_mean_metric(results, "faithfulness"),
    )


def summary_to_dict(s: RunSummary) -> dict:
    """The `results --json` contract for one run (keys are stable; extend, never rename)."""
    from desktop_app.core.variants import Variant  # noqa: PLC0415 - variants imports nothing from here

    x, y = Variant(name=s.run.name, techniques=s.run.techniques).grid_position
    return {
        "run_id": s.run.id, "name": s.run.name, "techniques": list(s.run.techniques),
        "technique_position": [x, y], "imported": s.run.imported, "status": s.run.status,
        "model": s.run.model, "rows": s.rows, "errors": s.errors,
        "content_score": s.content_score, "behaviour_score": s.behaviour_score, "pass_rate": s.pass_rate,
        "tokens": s.tokens_in + s.tokens_out, "tokens_in": s.tokens_in, "tokens_out": s.tokens_out,
        "cost": s.cost, "latency_p50": s.latency_p50, "latency_p95": s.latency_p95,
        "context_recall": s.context_recall, "context_precision": s.context_precision,
        "faithfulness": s.faithfulness,
    }


def checks_signature(specs: Sequence[Any]) -> str:
    """Identifies a set of checks: a run scored with another set is rescored before it is shown."""
    data = [s.to_dict() if hasattr(s, "to_dict") else repr(s) for s in specs]
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:24]


def rescore_results(results: Sequence[RowResult], rows_by_id: dict[str, Row], scorer: Scorer,
                    keep_checks: set[str] = frozenset()) -> dict[str, tuple[Verdict, ...]]:
    """New verdicts for stored results with the current checks, no model called.

    Verdicts of checks that need a model (``keep_checks``) are kept from the original scoring,
    since re-judging would cost calls; rows no longer in the dataset are left alone.
    """
    out = {}
    for r in results:
        row = rows_by_id.get(r.row_id)
        if row is None:
            continue
        fresh = scorer(row, r.output if r.error is None else None, r.passages)
        out[r.row_id] = fresh + tuple(v for v in r.verdicts if v.check in keep_checks)
    return out


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

    return Scorer(specs=project_specs(project, rows), evaluate=checks.evaluate_row,
                  retrieval=retrieval_scorer(), judge=judge, embed=embed)
