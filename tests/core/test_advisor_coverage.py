"""The advice counts every evaluation row: partial runs and rows that only errored are not "good enough"."""

from __future__ import annotations

from desktop_app.core.advice.diagnose import diagnose
from desktop_app.core.run.scoring import summarize
from tests.core.test_advisor_gaps import make_run, outcomes

EVAL_IDS = {f"q{i}" for i in range(1, 11)}  # make_run names rows q1..qN


def test_a_run_missing_half_the_rows_is_never_good_enough():
    """An import of half the evaluation set, all correct, scores 50% and cannot be called good enough."""
    half = make_run(1, "half-import", (), ["pass"] * 5)
    s = summarize(*half, eval_ids=EVAL_IDS)
    assert (s.rows, s.missing, s.pass_rate, s.content_score, s.behaviour_score) == (5, 5, 0.5, 0.5, 0.5)
    d = diagnose([half], target=0.9, eval_ids=EVAL_IDS)
    assert d.recommendation != "good_enough" and d.runs[0].pass_rate == 0.5
    pass_rate = d.evidence_of("pass_rate")[0]
    assert pass_rate.numbers["missing"] == 5 and pass_rate.rows == ("q6", "q7", "q8", "q9", "q10")


def test_the_advice_starts_from_a_run_that_covers_the_evaluation_set():
    """A full run with real gaps outranks a partial one that only looks perfect."""
    full = make_run(1, "baseline", (), outcomes(knowledge=4, **{"pass": 6}))
    partial = make_run(2, "few-shot", ("instructions", "few_shot"), ["pass"] * 6)
    d = diagnose([full, partial], target=0.9, eval_ids=EVAL_IDS)
    assert d.from_run == "baseline" and d.recommendation == "rag"


def test_results_of_rows_that_left_the_evaluation_set_do_not_count():
    """After a resplit moves rows to the examples pool, their old results stop counting."""
    run = make_run(1, "baseline", (), outcomes(knowledge=2, **{"pass": 10}))  # q1..q12; q11, q12 now in the pool
    s = summarize(*run, eval_ids=EVAL_IDS)
    assert (s.rows, s.missing, s.pass_rate) == (10, 0, 0.8)
    assert diagnose([run], target=0.9, eval_ids=EVAL_IDS).runs[0].rows == 10


def test_rows_that_only_errored_keep_the_current_step_with_low_confidence():
    """Failures that are all errors give no verdict on technique: stay on the current step, errors first."""
    base = make_run(1, "baseline", (), outcomes(error=3, **{"pass": 7}))
    d = diagnose([base], target=0.9)
    assert d.recommendation == "prompt_engineering" and d.errors == 3
    assert d.evidence[0].kind == "errors" and d.evidence[0].numbers == {"errors": 3, "rows": 10, "commonest": "timeout"}
    assert d.confidence < 0.2
    rag = make_run(2, "rag", ("instructions", "rag"), outcomes(error=2, **{"pass": 8}))
    d = diagnose([base, rag], target=0.9)
    assert d.recommendation == "rag" and d.from_run == "rag" and d.evidence[0].kind == "errors"


def test_meeting_the_target_with_errors_left_is_still_good_enough():
    """A run that meets the target despite a few errors is good enough, as the target says."""
    d = diagnose([make_run(1, "baseline", (), outcomes(error=1, **{"pass": 9}))], target=0.9)
    assert d.recommendation == "good_enough"
