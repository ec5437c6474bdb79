"""Paired statistics on two runs over the same rows: a difference that could be chance is known as one."""

from __future__ import annotations

import json
import random

import pytest

from desktop_app.core.advice.paired import mcnemar_exact, min_detectable, newcombe_paired, paired, rows_needed


def test_exact_mcnemar_matches_the_binomial_sign_test():
    """Ten rows fixed and none broken is far from chance; one of each is exactly chance."""
    assert mcnemar_exact(10, 0) == pytest.approx(2 / 1024)
    assert mcnemar_exact(1, 1) == 1.0 and mcnemar_exact(0, 0) == 1.0
    assert mcnemar_exact(6, 1) == pytest.approx(0.125)  # 2 * (1 + 7) / 128
    assert mcnemar_exact(3, 9) == mcnemar_exact(9, 3)


def test_newcombe_interval_agrees_with_a_paired_bootstrap():
    """The 95% interval of the change in pass rate is what resampling the rows gives, within 3 points."""
    both, broken, fixed, neither = 40, 6, 18, 36
    low, high = newcombe_paired(both, broken, fixed, neither)
    rows = [(1, 1)] * both + [(1, 0)] * broken + [(0, 1)] * fixed + [(0, 0)] * neither
    rng = random.Random(7)
    diffs = sorted(sum(a - b for b, a in (rng.choice(rows) for _ in rows)) / len(rows) for _ in range(4000))
    assert low == pytest.approx(diffs[100], abs=0.03) and high == pytest.approx(diffs[3900], abs=0.03)
    assert low < (fixed - broken) / 100 < high


def test_a_few_rows_apart_on_twenty_rows_could_be_chance():
    """Two rows better on 20 is not evidence: p well above 0.05, an interval around 0, and the rows
    that would settle it."""
    found = paired(both=12, broken=1, fixed=3, neither=4)
    assert not found.significant and found.p_value == pytest.approx(0.625)
    assert found.ci95[0] < 0 < found.ci95[1]
    assert found.numbers()["rows_to_settle"] > 20
    assert json.loads(json.dumps(found.numbers()))["ci95"] == [round(x, 4) for x in found.ci95]


def test_min_detectable_shrinks_with_more_rows():
    """More rows tell smaller differences apart; too few rows tell none."""
    small, large = min_detectable(30, 0.3), min_detectable(300, 0.3)
    assert small is not None and large is not None and large < small
    assert min_detectable(3, 0.0) is None
    assert rows_needed(0.1, 0.2) > rows_needed(0.3, 0.4)


def _run(run_id: int, name: str, techniques, passing: set[int]):
    from desktop_app.core.records import RowResult, RunInfo, Verdict

    info = RunInfo(id=run_id, name=name, techniques=tuple(techniques), status="complete")
    return info, [
        RowResult(
            run_id, f"q{i:02d}", "answer", verdicts=(Verdict("contains", "content", i in passing, float(i in passing)),)
        )
        for i in range(20)
    ]


def test_two_runs_a_few_rows_apart_are_said_to_possibly_be_chance():
    """Few-shot fixing 3 rows and breaking 1 of 20: advise --json carries the paired numbers, and
    the sentence says it could be chance instead of claiming an improvement."""
    from desktop_app.core.advice.diagnose import diagnose
    from desktop_app.core.report.text import evidence_sentence

    base = _run(1, "baseline", (), set(range(10)))
    few = _run(2, "few_shot", ("few_shot",), (set(range(10)) - {0}) | {10, 11, 12})
    d = diagnose([base, few]).to_dict()
    fixed = next(e for e in d["evidence"] if e["kind"] == "technique_fixed")
    numbers = fixed["numbers"]
    assert numbers["broken"] == 1 and numbers["p_value"] == 0.625
    assert numbers["ci95"][0] < 0 < numbers["ci95"][1]
    assert "could be chance (p = 0.62)" in evidence_sentence(fixed)
    assert d["rows"] == 20 and d["min_detectable"] is not None and d["min_detectable"] > 0.1
