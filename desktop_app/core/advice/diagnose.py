"""The advisor: a project's runs and per-row verdicts -> a Diagnosis (gaps, next step, evidence).

Pure: no I/O, no clock, no randomness. The pieces live in ``desktop_app/core/advice/``:
``stats`` (per-run numbers, gap classification, run-vs-run comparison), ``rules`` (the
decision), ``evidence``, ``checklists``, ``gridmaps`` and ``model`` (the records and the
`advise --json` contract).
"""

from __future__ import annotations

from typing import Collection

from desktop_app.core.advice import checklists
from desktop_app.core.advice import evidence as ev
from desktop_app.core.advice.gridmaps import GridMaps, grid_maps, run_points
from desktop_app.core.advice.model import ChecklistItem, Diagnosis, Evidence, RunPoint
from desktop_app.core.advice.paired import min_detectable
from desktop_app.core.providers.replies import commonest_error
from desktop_app.core.advice.rules import MOVE_TECHNIQUES, Decision, Situation, best_run, decide
from desktop_app.core.advice.stats import RunStats, compare, error_numbers, reference_run, run_stats
from desktop_app.core.errors import ProjectError, RunError
from desktop_app.core.phrases import phrase, translate
from desktop_app.core.variants import grounding_steps
from desktop_app.core.records import RowResult, RunInfo

__all__ = [
    "diagnose",
    "Diagnosis",
    "Evidence",
    "ChecklistItem",
    "RunPoint",
    "GridMaps",
    "grid_maps",
    "REGRESSION_MIN_DROP",
    "SIZE_HALF",
]

REGRESSION_MIN_DROP = 0.02  # a step "made things worse" when it lost >= 2% of the common rows' passes
SIZE_HALF = 10  # with this many answered rows, the size factor of the confidence is 0.5
# The confidence in words (docs/advice.md): each reason lowers it one step from "high".
SMALL_SET = 30  # fewer decided rows than this: a few rows either way change the picture
TINY_SET = 10  # fewer than this counts twice
CLOSE_CALL = 0.2  # the deciding margin below which the other move was nearly as well supported
KAPPA_FAIR = 0.6  # Cohen's kappa below this: the automatic verdicts often disagree with the person
UNSURE_MANY = 0.2  # a fifth of the answers undecided
LEVELS = ("high", "moderate", "low")


def _check_inputs(runs, target, examples_pool) -> float:
    if isinstance(target, bool) or not isinstance(target, (int, float)) or not 0 < float(target) <= 1:
        raise ProjectError(
            phrase(
                translate("AdviceErrors", "The target pass rate “{target}” is not a share between 0 and 1."),
                target=target,
            ),
            translate("AdviceErrors", "Set target_pass_rate in project.json to a value such as 0.9 (90%)."),
        )
    if isinstance(examples_pool, bool) or not isinstance(examples_pool, int) or examples_pool < 0:
        raise ProjectError(
            phrase(translate("AdviceErrors", "The examples pool size “{size}” is not a count."), size=examples_pool),
            translate("AdviceErrors", "Re-import the dataset to set aside an examples pool."),
        )
    if not runs:
        raise RunError(
            translate("AdviceErrors", "There are no runs to advise on yet."),
            translate("AdviceErrors", "Run or import a run first."),
        )
    return float(target)


def _regressions(stats: list[RunStats]) -> list[Evidence]:
    """Every step measured to make things worse than the run it built on, on the same rows."""
    out = []
    for run in stats:
        ref = reference_run(run, stats)
        if ref is None or not run.scored:
            continue
        cmp = compare(ref, run)
        # A drop is called a regression only when it is not chance (exact McNemar p < 0.05).
        if (
            cmp.common
            and cmp.passes_after < cmp.passes_before
            and cmp.drop >= REGRESSION_MIN_DROP
            and cmp.paired.significant
        ):
            out.append(ev.regression(cmp))
    return out


def _confidence(decision: Decision, start: RunStats, regressions: list[Evidence]) -> float:
    """confidence = measured x size x (0.5 + 0.5 x margin) x regression_penalty, in [0, 1].

    - margin (0..1): how clearly the deciding comparison came out, e.g. |knowledge-side gaps -
      behaviour gaps| / failures for the choice of axis, averaged with the margin of the
      sub-choice (retrieval vs generation gaps, share of the baseline's gaps RAG fixed); for
      good_enough, (pass rate - target) / (1 - target).
    - size = n / (n + 10), n = rows the starting run answered: 10 rows give 0.5, 90 give 0.9.
    - measured (0..1): 1.0 when the step's premise was measured (few-shot plateaued, retrieval
      checks scored the passages, the pass rate met the target); lower when inferred: RAG
      untried 0.6 (0.45 + 0.45 x readiness share when readiness was measured); grounding
      advice without retrieval checks 0.7; fine-tuning again after a fine-tuned run 0.6; the
      current step again when only errors (or rows never run) failed 0.3, with margin 0.
    - regression_penalty: 0.8 when the move adds a technique already measured to make things worse.
    """
    n = start.scored
    size = n / (n + SIZE_HALF)
    moved = MOVE_TECHNIQUES[decision.recommendation]
    penalty = 0.8 if any(moved & set(e.numbers["techniques"]) for e in regressions) else 1.0
    value = decision.measured * size * (0.5 + 0.5 * max(0.0, min(1.0, decision.margin))) * penalty
    return round(max(0.0, min(1.0, value)), 3)


def confidence_words(
    decision: Decision, start: RunStats, regressions: list[Evidence], agreement: dict | None, prompt_cut: bool = False
) -> tuple[str, tuple[str, ...]]:
    """("high" | "moderate" | "low", the reasons that lowered it), from what was measured.

    Reasons: few_rows (under SMALL_SET decided rows; under TINY_SET counts twice), chance (the
    comparison behind the move could be chance, p >= 0.05), inferred (the move's premise was
    inferred, not measured), close_call (margin under CLOSE_CALL), regression (the move adds a
    technique measured to make things worse), verdicts_disagree (a person's reviews agree with
    the automatic verdicts at kappa under KAPPA_FAIR), many_unsure (a fifth of the answers
    undecided), prompt_cut (the server cut some prompts of a run to fit its context window: those
    answers never saw all of their passages or instructions). No reason: high; one: moderate; more: low.
    """
    reasons, weight = [], 0
    if start.scored < SMALL_SET:
        reasons.append("few_rows")
        weight += 2 if start.scored < TINY_SET else 1
    deciding = next((e for e in decision.support if "p_value" in e.numbers), None)
    if deciding is not None and deciding.numbers["p_value"] >= 0.05:
        reasons.append("chance")
    if decision.measured < 0.8:
        reasons.append("inferred")
    if decision.recommendation != "good_enough" and decision.margin < CLOSE_CALL:
        reasons.append("close_call")
    moved = MOVE_TECHNIQUES[decision.recommendation]
    if any(moved & set(e.numbers["techniques"]) for e in regressions):
        reasons.append("regression")
    kappa = (agreement or {}).get("kappa")
    if isinstance(kappa, (int, float)) and kappa < KAPPA_FAIR:
        reasons.append("verdicts_disagree")
    if start.rows and start.unsure / start.rows >= UNSURE_MANY:
        reasons.append("many_unsure")
    if prompt_cut:
        reasons.append("prompt_cut")
    weight += len(reasons) - (1 if "few_rows" in reasons else 0)
    return LEVELS[min(weight, 2)], tuple(reasons)


def _prompt_cut(run: RunStats) -> Evidence:
    read, sent = run.cut_example
    numbers = {"rows": len(run.prompt_cut), "of": run.rows, "read": read, "sent": sent}
    return Evidence("prompt_cut", numbers, run.prompt_cut, (run.name,))


def _key(e: Evidence) -> tuple:
    return e.kind, repr(sorted(e.numbers.items())), e.rows, e.runs


def _evidence(
    decision: Decision, s: Situation, stats: list[RunStats], regressions: list[Evidence], readiness: dict | None
) -> tuple[Evidence, ...]:
    """The decision's own evidence first, then the rest in a fixed order of kinds."""
    f = s.start
    # First: a run that never read all of its prompts undermines what the rest says of it.
    items = [_prompt_cut(r) for r in stats if r.prompt_cut] + list(decision.support) + ev.gap_shares(f)
    if f.errors:
        items.append(Evidence("errors", error_numbers(f), f.rows_of("error"), (f.name,)))
    if not f.has_content_checks:
        items.append(Evidence("no_content_checks", {}, (), (f.name,)))
    items += regressions
    if readiness:
        items.append(ev.readiness(readiness))
    others = [r for r in stats if r is not s.baseline and r.scored]
    for run in others:
        items += ev.technique_fixed(compare(s.baseline, run))
    for run in others:
        items += ev.token_cost(s.baseline, run)
    seen, out = set(), []
    for e in items:
        if _key(e) not in seen:
            seen.add(_key(e))
            out.append(e)
    return tuple(out)


def _absent_rows(readiness: dict | None, not_in_documents: Collection[str] | None) -> frozenset[str]:
    """Rows whose answer no document holds: measured with RAG runs, or by readiness before them."""
    rows = set(not_in_documents or ())
    for r in (readiness or {}).get("per_row") or []:
        if isinstance(r, dict) and r.get("in_documents") is False:
            rows.add(str(r.get("id")))
    return frozenset(rows)


def _grounded(s: Situation) -> frozenset[str]:
    """Grounding steps the best measured RAG run's prompt already takes."""
    rag = s.start if s.start.is_rag else s.best(r for r in s.runs if r.is_rag)
    return grounding_steps(dict(rag.info.variant or {})) if rag is not None else frozenset()


def diagnose(
    runs: list[tuple[RunInfo, list[RowResult]]],
    *,
    target: float = 0.9,
    examples_pool: int = 0,
    readiness: dict | None = None,
    eval_ids: Collection[str] | None = None,
    not_in_documents: Collection[str] | None = None,
    agreement: dict | None = None,
) -> Diagnosis:
    """Classify every failing row and recommend the next step, with evidence and a checklist.

    ``runs``: (RunInfo, results) pairs, ordered here by RunInfo.id (the store's id is the order
    runs were made; equal ids keep the given order); runs with no results are left out.
    ``target``: the pass rate that is good enough. ``examples_pool``: rows set aside for
    few-shot and fine-tuning. ``readiness``: the knowledge engine's readiness dict (share of
    rows whose answer is in the top k), used while no RAG run exists. The advice starts from
    the best run (pass rate, then scores, then the simpler, cheaper, earlier run; runs that
    cover the evaluation set first). ``eval_ids``: the current evaluation rows; results of
    other rows are left out and rows a run lacks count as failed (a partial run is never
    good enough). Without it every run is taken as covering the set. ``not_in_documents``: rows
    whose expected answer no document holds (knowledge.coverage). ``agreement``: the person's
    reviews against the automatic verdicts (reviews.measure), which the confidence words weigh.
    confidence: see ``_confidence`` (a number kept for scripts) and ``confidence_words``. Raises RunError when there is no run, or no run produced
    a single answer; ProjectError for a target outside (0, 1].
    """
    target = _check_inputs(runs, target, examples_pool)
    # A run without a single stored row says nothing; drawing it at 0% would mislead.
    ordered = sorted(((i, p) for i, p in enumerate(runs) if p[1]), key=lambda p: (p[1][0].id, p[0]))
    stats = [run_stats(info, list(results), order, eval_ids) for order, (_, (info, results)) in enumerate(ordered)]
    start = best_run(stats)
    if start is None:  # quote what the rows say went wrong: the connection may be fine
        kind, count, example = commonest_error(r.error for _, results in runs for r in results) or ("unknown", 0, "")
        hint = (
            translate(
                "AdviceErrors",
                "Lower the variant's top-k or the chunk size, or choose a model with a longer context, and run again.",
            )
            if kind == "prompt_too_long"
            else translate("AdviceErrors", "Check the connection (Test button or `connect`) and run again.")
            if kind in ("connection_error", "timeout")
            else translate("AdviceErrors", "See the error below, fix it, and run again.")
        )
        raise RunError(
            phrase(
                translate(
                    "AdviceErrors",
                    "None of the runs produced an answer: every row ended in an error; "
                    "the commonest, on {count} rows: {example}",
                ),
                count=count,
                example=example[:200],
            ),
            hint,
            details={"kind": kind},
        )
    baseline = next((r for r in stats if r.scored and not r.techniques), None) or next(r for r in stats if r.scored)
    situation = Situation(
        tuple(stats), start, baseline, target, examples_pool, readiness, _absent_rows(readiness, not_in_documents)
    )
    decision = decide(situation)
    regressions = _regressions(stats)
    tried = frozenset(t for r in stats if r.scored for t in r.techniques)
    extra = decision.extra
    checklist = checklists.build(
        decision.recommendation,
        flavour=decision.flavour,
        tried=tried,
        pool=examples_pool,
        token_cost=extra.get("token_cost"),
        readiness_share=extra.get("readiness_share"),
        retrieval_gaps=extra.get("retrieval_gaps", 0),
        cheaper=extra.get("cheaper"),
        grounded=_grounded(situation),
        not_in_documents=len(extra.get("not_in_documents") or ()),
        model=extra.get("model") or "",
    )
    cut = next((r for r in stats if r.prompt_cut), None)
    if cut is not None:  # no step can be judged on answers that never saw their whole prompt
        read, sent = cut.cut_example
        checklist = (ChecklistItem(checklists.LONGER_CONTEXT, numbers={"read": read, "sent": sent}), *checklist)
    confidence = _confidence(decision, start, regressions)
    level, reasons = confidence_words(decision, start, regressions, agreement, any(r.prompt_cut for r in stats))
    main = compare(baseline, start).paired if baseline is not start else None
    return Diagnosis(
        recommendation=decision.recommendation,
        confidence=confidence,
        target=target,
        from_run=start.name,
        baseline_run=baseline.name,
        gaps=start.gaps,
        errors=start.errors,
        unsure=start.unsure,
        evidence=_evidence(decision, situation, stats, regressions, readiness),
        checklist=checklist,
        runs=run_points(stats),
        rows=start.scored,
        agreement=agreement,
        focus=decision.flavour,
        confidence_level=level,
        confidence_reasons=reasons,
        min_detectable=min_detectable(main.rows if main else start.scored, main.discordance if main else 0.0),
    )
