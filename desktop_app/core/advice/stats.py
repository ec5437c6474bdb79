"""Per-run numbers the advisor reasons with, and the row-by-row comparison of two runs.

Every number here is a count over row ids or an order-free sum (``math.fsum``), so neither the
order of a run's results nor ties change it: the same project always gets the same advice.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Collection

from desktop_app.core.advice.paired import Paired, paired
from desktop_app.core.records import (
    GAP_KINDS,
    JUDGE_CHECK,
    REVIEW_CHECK,
    RowResult,
    RunInfo,
    behaviour_passed,
    content_outcome,
    content_passed,
    is_rag_run,
    prompt_cut_rows,
    technique_position,
)
from desktop_app.core.run.scoring import only_rows, percentile, run_cost

PROMPT_TECHNIQUES = frozenset({"instructions", "step_by_step", "few_shot"})
KNOWLEDGE_SIDE = ("knowledge", "retrieval", "generation")  # gaps the context axis addresses


def natural_key(row_id: str) -> tuple:
    """Sort "2" before "10" so row lists read the way the evaluation set does."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", row_id) if p)


def sorted_ids(ids) -> tuple[str, ...]:
    return tuple(sorted(ids, key=natural_key))


def _retrieval_flag(result: RowResult, check: str) -> bool | None:
    """True/False when a retrieval check of that id judged the row (any failure counts), else None."""
    found = [v.passed for v in result.verdicts if v.family == "retrieval" and v.check.split(":")[0] == check]
    return all(found) if found else None


def classify(result: RowResult, rag: bool) -> str:
    """ "pass", "error" (no output), "unsure" (content undecided: never a gap) or the row's gap kind.

    A content failure is a knowledge gap; in a RAG run it is split by the retrieval checks:
    the passages lacked the answer (context_recall failed) -> retrieval; they had it
    (context_recall passed) or the answer strayed from them (faithfulness failed) -> generation.
    Content right but behaviour wrong is a behaviour gap in any run.
    """
    if result.error is not None or result.output is None:
        return "error"
    if content_outcome(result.verdicts) == "unsure":  # not known to lack facts: no gap, counted apart
        return "unsure"
    content_ok = content_passed(result.verdicts)
    if content_ok and behaviour_passed(result.verdicts):
        return "pass"
    if content_ok:
        return "behaviour"
    if rag:
        recall = _retrieval_flag(result, "context_recall")
        if recall is False:
            return "retrieval"
        if recall is True or _retrieval_flag(result, "faithfulness") is False:
            return "generation"
    return "knowledge"


MIN_SHORTFALL = 0.1  # a failed row is never counted as no gap at all, however close it came


def shortfall(result: RowResult, kind: str) -> float:
    """How far a failing row fell short on the family that failed, 0..1 (partial credit).

    A knowledge-side gap weighs 1 - the content score of the checks that failed it (an answer
    with 80% of the facts weighs 0.2), a behaviour gap 1 - the score of the behaviour checks
    that failed; the mean over the failing checks, never below MIN_SHORTFALL.
    """
    family = "behaviour" if kind == "behaviour" else "content"
    failed = [v for v in result.verdicts if v.family == family and not v.passed and not v.unsure]
    deciding = [v for v in failed if v.check in (REVIEW_CHECK, JUDGE_CHECK)]  # they overrule the lexical checks
    failed = deciding or failed
    if not failed:
        return 1.0
    value = 1.0 - math.fsum(max(0.0, min(1.0, v.score)) for v in failed) / len(failed)
    return max(MIN_SHORTFALL, min(1.0, value))


def _pick(results: list[RowResult]) -> RowResult:
    """One result per row id, chosen by content not position (a row stored twice is rare)."""
    if len(results) == 1:
        return results[0]
    return max(
        results,
        key=lambda r: (
            r.error is None and r.output is not None,
            content_passed(r.verdicts),
            behaviour_passed(r.verdicts),
            r.output or "",
            r.error or "",
        ),
    )


@dataclass(frozen=True)
class RunStats:
    info: RunInfo
    order: int  # position in the order runs were made
    is_rag: bool
    outcome: dict[str, str] = field(hash=False)  # row id -> "pass" | "error" | gap kind
    content_ok: dict[str, bool] = field(hash=False)
    behaviour_ok: dict[str, bool] = field(hash=False)
    content_judged: dict[str, bool] = field(hash=False)  # a content check judged the row
    has_content_checks: bool = True
    has_retrieval_checks: bool = False
    tokens_per_request: float | None = None
    tokens_in_per_request: float | None = None
    cost: float | None = 0.0  # None: some row has no known price
    latency_p50: float | None = None
    missing: tuple[str, ...] = ()  # evaluation rows this run has no result for (not run / not imported)
    commonest_error: str | None = None  # one full text of the commonest stored error, for the evidence
    prompt_cut: tuple[str, ...] = ()  # answered rows whose prompt the server cut to fit its window
    cut_example: tuple[int, int] = (0, 0)  # (tokens the server read, tokens sent) of the first of them
    shortfalls: dict[str, float] = field(default_factory=dict, hash=False)  # failing row id -> 0..1

    @property
    def model(self) -> str:
        return self.info.model or str((self.info.variant or {}).get("model") or "")

    def weight(self, *kinds: str) -> float:
        """The failing rows of these kinds, each weighted by how far it fell short (partial credit)."""
        return math.fsum(self.shortfalls.get(r, 1.0) for r, k in self.outcome.items() if k in kinds)

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def techniques(self) -> tuple[str, ...]:
        return tuple(self.info.techniques)

    @property
    def position(self) -> tuple[int, int]:
        return technique_position(self.info.techniques)

    @property
    def rows(self) -> int:
        return len(self.outcome)

    @property
    def total(self) -> int:
        """Evaluation rows: with a result, or missing. The denominator of the scores."""
        return self.rows + len(self.missing)

    @property
    def covers_all(self) -> bool:
        return not self.missing

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def unsure(self) -> int:
        return self.count("unsure")

    @property
    def decided(self) -> int:
        """Evaluation rows less the unsure ones: the denominator of the pass rate."""
        return self.total - self.unsure

    @property
    def scored(self) -> int:
        """Rows with an output and a decided content verdict: the denominator of every gap share."""
        return self.rows - self.errors - self.unsure

    def count(self, kind: str) -> int:
        return sum(1 for k in self.outcome.values() if k == kind)

    def rows_of(self, *kinds: str) -> tuple[str, ...]:
        return sorted_ids(r for r, k in self.outcome.items() if k in kinds)

    @property
    def gaps(self) -> dict[str, int]:
        return {kind: self.count(kind) for kind in GAP_KINDS}

    @property
    def failures(self) -> int:
        return sum(self.gaps.values())

    @property
    def knowledge_side(self) -> int:
        return sum(self.count(k) for k in KNOWLEDGE_SIDE)

    # Scores follow scoring.summarize, so the maps show the leaderboard's numbers: content score =
    # rows whose content passed / rows judged on content (an error or a missing row counts as
    # judged and failed), behaviour score = rows whose behaviour passed / evaluation rows, pass
    # rate = rows passed / evaluation rows.
    @property
    def pass_rate(self) -> float:
        return self.count("pass") / self.decided if self.decided else 0.0

    @property
    def content_score(self) -> float:
        judged = [
            r
            for r in self.outcome
            if self.outcome[r] == "error" or (self.content_judged[r] and self.outcome[r] != "unsure")
        ]
        ok = sum(1 for r in judged if self.outcome[r] != "error" and self.content_ok[r])
        denominator = len(judged) + len(self.missing)
        return ok / denominator if denominator else 0.0

    @property
    def behaviour_score(self) -> float:
        ok = sum(1 for r, k in self.outcome.items() if k != "error" and self.behaviour_ok[r])
        return ok / self.total if self.total else 0.0

    @property
    def prompt_techniques(self) -> frozenset[str]:
        return frozenset(self.techniques) & PROMPT_TECHNIQUES


def _mean(values: list[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def run_stats(info: RunInfo, results: list[RowResult], order: int, eval_ids: Collection[str] | None = None) -> RunStats:
    """The run's numbers; with ``eval_ids`` (the current evaluation rows) results of other rows
    are left out and rows without a result are ``missing``."""
    by_row: dict[str, list[RowResult]] = {}
    for r in only_rows(results, eval_ids):
        by_row.setdefault(r.row_id, []).append(r)
    picked = {rid: _pick(rs) for rid, rs in by_row.items()}
    has_retrieval = any(v.family == "retrieval" for r in picked.values() for v in r.verdicts)
    is_rag = is_rag_run(info.techniques, picked.values())
    outcome = {rid: classify(r, is_rag) for rid, r in picked.items()}
    answered = [r for r in picked.values() if r.error is None and r.output is not None]
    tokens = [float(r.tokens_in + r.tokens_out) for r in answered]
    lat = [r.latency_s for r in answered if r.latency_s is not None]  # as the leaderboard counts it
    return RunStats(
        info=info,
        order=order,
        is_rag=is_rag,
        outcome=outcome,
        shortfalls={rid: shortfall(picked[rid], k) for rid, k in outcome.items() if k in GAP_KINDS},
        content_ok={rid: content_passed(r.verdicts) for rid, r in picked.items()},
        behaviour_ok={rid: behaviour_passed(r.verdicts) for rid, r in picked.items()},
        content_judged={rid: any(v.family == "content" for v in r.verdicts) for rid, r in picked.items()},
        has_content_checks=any(v.family == "content" for r in answered for v in r.verdicts) or not answered,
        has_retrieval_checks=has_retrieval,
        tokens_per_request=_mean(tokens) if any(tokens) else None,
        tokens_in_per_request=_mean([float(r.tokens_in) for r in answered]) if any(tokens) else None,
        cost=run_cost(list(picked.values())),
        latency_p50=percentile(lat, 50),
        missing=sorted_ids(set(eval_ids) - set(picked)) if eval_ids is not None else (),
        commonest_error=_commonest_error(picked.values()),
        prompt_cut=(cut := sorted_ids(prompt_cut_rows(picked.values()))),
        cut_example=(picked[cut[0]].tokens_in, picked[cut[0]].tokens_sent) if cut else (0, 0),
    )


def _commonest_error(results) -> str | None:
    from desktop_app.core.providers.replies import commonest_error  # noqa: PLC0415 - only with errors
    from desktop_app.core.providers.secrets import scrub_keys  # noqa: PLC0415

    errors = [r.error for r in results if r.error]
    found = commonest_error(errors) if errors else None
    return scrub_keys(found[2])[:200] if found else None  # a provider may echo part of a rejected key


@dataclass(frozen=True)
class Comparison:
    """Run ``after`` against run ``before`` on the rows both answered."""

    before: RunStats
    after: RunStats
    common: tuple[str, ...]
    fixed_knowledge: tuple[str, ...]  # before: a knowledge-side gap; after: content right
    of_knowledge: tuple[str, ...]
    fixed_behaviour: tuple[str, ...]  # before: a behaviour gap; after: behaviour right
    of_behaviour: tuple[str, ...]
    broken: tuple[str, ...]  # passed before, fail after
    passes_before: int
    passes_after: int

    @property
    def drop(self) -> float:
        """Fall in pass rate on the common rows (negative: it improved)."""
        return (self.passes_before - self.passes_after) / len(self.common) if self.common else 0.0

    @property
    def paired(self) -> Paired:
        """Pass/fail pairs on the common rows decided in both runs (an unsure row is neither)."""
        rows = [r for r in self.common if "unsure" not in (self.before.outcome[r], self.after.outcome[r])]
        before = [self.before.outcome[r] == "pass" for r in rows]
        after = [self.after.outcome[r] == "pass" for r in rows]
        pairs = list(zip(before, after))
        return paired(
            both=pairs.count((True, True)),
            broken=pairs.count((True, False)),
            fixed=pairs.count((False, True)),
            neither=pairs.count((False, False)),
        )


def compare(before: RunStats, after: RunStats) -> Comparison:
    common = sorted_ids(set(before.outcome) & set(after.outcome))
    ok = [r for r in common if after.outcome[r] != "error"]
    of_k = tuple(r for r in common if before.outcome[r] in KNOWLEDGE_SIDE)
    of_b = tuple(r for r in common if before.outcome[r] == "behaviour")
    return Comparison(
        before=before,
        after=after,
        common=common,
        fixed_knowledge=tuple(r for r in of_k if r in ok and after.content_ok[r]),
        of_knowledge=of_k,
        fixed_behaviour=tuple(r for r in of_b if r in ok and after.behaviour_ok[r]),
        of_behaviour=of_b,
        broken=tuple(r for r in common if before.outcome[r] == "pass" and after.outcome[r] != "pass"),
        passes_before=sum(1 for r in common if before.outcome[r] == "pass"),
        passes_after=sum(1 for r in common if after.outcome[r] == "pass"),
    )


def reference_run(run: RunStats, runs: list[RunStats]) -> RunStats | None:
    """The run this one adds techniques to: the largest strict subset of its techniques (earliest on ties)."""
    mine = set(run.techniques)
    subsets = [r for r in runs if set(r.techniques) < mine and r.scored]
    if not subsets:
        return None
    return min(subsets, key=lambda r: (-len(set(r.techniques)), r.order))


def error_numbers(f: RunStats) -> dict:
    """The errors evidence's numbers: how many, of how many rows, and the commonest error's text
    (so the advice quotes what went wrong instead of guessing at the connection)."""
    numbers: dict = {"errors": f.errors, "rows": f.rows}
    if f.commonest_error:
        numbers["commonest"] = f.commonest_error
    return numbers
