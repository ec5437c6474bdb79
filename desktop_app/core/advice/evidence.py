"""Evidence items: the numbers, row ids and runs of one sentence the ui will write.

Kinds (stable; the ui has a sentence for each):
  knowledge_gap_share / behaviour_gap_share / retrieval_gap_share / generation_gap_share
      {share, count, failures, rows, weight, weighted_share}   rows: the row ids, runs: [run]
      (weight: the failing rows each weighted by how far it fell short, stats.shortfall)
  Every item comparing two runs also carries the paired statistics of their pass/fail pairs
  (advice.paired): {fixed, broken, p_value, ci95: [low, high], rows_to_settle}; an item's own
  "fixed" (the gap's rows fixed) keeps its meaning where it had one.
  technique_fixed  {fixed, of, share, broken, gap, techniques}   runs: [baseline, run]
  regression       {pass_rate, reference_pass_rate, drop, broken, fixed, common, techniques}
  token_cost       {tokens_per_request, reference_tokens_per_request, ratio, extra_tokens,
                    latency_p50, reference_latency_p50}          runs: [reference, run]
  plateau          {gap, remaining, rows, share, fixed, of, fixed_share}   runs: [reference, run]
  readiness        the knowledge engine's numbers (share of rows whose answer is in the top k)
  pass_rate        {pass_rate, target, rows}; cheaper_run {pass_rate, tokens_per_request, ...}
  prompt_cut       {rows, of, read, sent}: rows whose prompt the server cut to fit its context
                   window (read of sent tokens: the first such row)    runs: [run]
  errors           {errors, rows, commonest (the commonest stored error, when known)};
                   no_content_checks {}; retrieval_unmeasured {count}
"""

from __future__ import annotations

from desktop_app.core.advice.model import Evidence
from desktop_app.core.advice.stats import Comparison, RunStats, compare, sorted_ids

TOKEN_COST_MIN_CHANGE = 0.05
_SHARE_KIND = {
    "knowledge": "knowledge_gap_share",
    "behaviour": "behaviour_gap_share",
    "retrieval": "retrieval_gap_share",
    "generation": "generation_gap_share",
}


def _ratio(a: int | float, b: int | float) -> float:
    return round(a / b, 4) if b else 0.0


def gap_shares(run: RunStats) -> list[Evidence]:
    """Each gap's share of the failing rows; ``weighted_share`` gives partial credit (a row that
    missed one fact of five weighs less than one that missed them all)."""
    fails = run.failures
    total = run.weight(*_SHARE_KIND)
    return [
        Evidence(
            kind,
            {
                "share": _ratio(run.count(gap), fails),
                "count": run.count(gap),
                "failures": fails,
                "rows": run.scored,
                "weight": round(run.weight(gap), 4),
                "weighted_share": _ratio(run.weight(gap), total),
            },
            run.rows_of(gap),
            (run.name,),
        )
        for gap, kind in _SHARE_KIND.items()
        if run.count(gap)
    ]


def gap_share(run: RunStats, gap: str) -> list[Evidence]:
    return [e for e in gap_shares(run) if e.kind == _SHARE_KIND[gap]]


def added_techniques(before: RunStats, after: RunStats) -> list[str]:
    return sorted(set(after.techniques) - set(before.techniques))


def technique_fixed(cmp: Comparison) -> list[Evidence]:
    """What a run fixed of the baseline's gaps on the same rows (the talk: measure against the baseline)."""
    out = []
    for gap, fixed, of in (
        ("knowledge", cmp.fixed_knowledge, cmp.of_knowledge),
        ("behaviour", cmp.fixed_behaviour, cmp.of_behaviour),
    ):
        if of:
            out.append(
                Evidence(
                    "technique_fixed",
                    {
                        **cmp.paired.numbers(),
                        "fixed": len(fixed),
                        "of": len(of),
                        "share": _ratio(len(fixed), len(of)),
                        "broken": len(cmp.broken),
                        "gap": gap,
                        "techniques": added_techniques(cmp.before, cmp.after),
                    },
                    fixed,
                    (cmp.before.name, cmp.after.name),
                )
            )
    return out


def regression(cmp: Comparison) -> Evidence:
    common = len(cmp.common)
    return Evidence(
        "regression",
        {
            **cmp.paired.numbers(),
            "pass_rate": _ratio(cmp.passes_after, common),
            "reference_pass_rate": _ratio(cmp.passes_before, common),
            "drop": round(cmp.drop, 4),
            "broken": len(cmp.broken),
            "fixed": len(cmp.fixed_knowledge) + len(cmp.fixed_behaviour),
            "common": common,
            "techniques": added_techniques(cmp.before, cmp.after),
        },
        cmp.broken,
        (cmp.before.name, cmp.after.name),
    )


def token_cost(reference: RunStats, run: RunStats) -> list[Evidence]:
    """RAG and few-shot add prompt tokens, fine-tuning removes them: tokens and latency side by side."""
    a, b = reference.tokens_per_request, run.tokens_per_request
    if not a or not b or abs(b - a) < TOKEN_COST_MIN_CHANGE * a:  # the same cost is not worth a sentence
        return []
    return [
        Evidence(
            "token_cost",
            {
                **compare(reference, run).paired.numbers(),
                "tokens_per_request": round(b, 1),
                "reference_tokens_per_request": round(a, 1),
                "ratio": round(b / a, 3),
                "extra_tokens": round(b - a, 1),
                "latency_p50": None if run.latency_p50 is None else round(run.latency_p50, 3),
                "reference_latency_p50": None if reference.latency_p50 is None else round(reference.latency_p50, 3),
                "techniques": added_techniques(reference, run),
            },
            (),
            (reference.name, run.name),
        )
    ]


def plateau(reference: RunStats, run: RunStats, gap: str) -> Evidence:
    """What a run still leaves of one gap after the step meant to fix it."""
    cmp = compare(reference, run)
    fixed, of = (
        (cmp.fixed_behaviour, cmp.of_behaviour) if gap == "behaviour" else (cmp.fixed_knowledge, cmp.of_knowledge)
    )
    remaining = run.count(gap)
    return Evidence(
        "plateau",
        {
            **cmp.paired.numbers(),
            "gap": gap,
            "remaining": remaining,
            "rows": run.scored,
            "share": _ratio(remaining, run.scored),
            "fixed": len(fixed),
            "of": len(of),
            "fixed_share": _ratio(len(fixed), len(of)),
        },
        run.rows_of(gap),
        (reference.name, run.name),
    )


def readiness(numbers: dict) -> Evidence:
    """The knowledge engine's readiness numbers (scalars only); rows: those whose answer was not in the top k."""
    per_row = numbers.get("per_row") or []
    missing = [str(r.get("id")) for r in per_row if isinstance(r, dict) and not r.get("in_top_k")]
    clean = {k: v for k, v in numbers.items() if isinstance(v, (int, float, str)) and not isinstance(v, bool)}
    return Evidence("readiness", clean, sorted_ids(set(missing)), ())


def readiness_share(numbers: dict | None) -> float | None:
    """The share of rows whose answer is in the top k, under whichever key the engine used."""
    if not numbers:
        return None
    for key in ("share", "ready_share", "hit_rate", "recall", "readiness"):
        value = numbers.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return max(0.0, min(1.0, float(value)))
    return None
