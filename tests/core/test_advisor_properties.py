"""Properties of the advice over random projects: stable under order, honest about regressions."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.advice.rules import MOVE_TECHNIQUES
from desktop_app.core.advice.diagnose import diagnose
from desktop_app.core.records import RECOMMENDATIONS, RunInfo
from tests.core.test_advisor_gaps import result

TECHNIQUE_SETS = [
    (),
    ("instructions",),
    ("instructions", "step_by_step"),
    ("instructions", "few_shot"),
    ("instructions", "rag"),
    ("instructions", "few_shot", "rag"),
    ("fine_tuned",),
    ("fine_tuned", "rag"),
    ("instructions", "rag_tuned"),
]
PLAIN = ["pass", "pass", "knowledge", "behaviour", "both", "error"]
RAG = PLAIN + ["retrieval", "generation", "generation_faith"]
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def projects(draw, *, first_is_baseline: bool = False):
    n = draw(st.integers(3, 24))
    count = draw(st.integers(1, 5))
    runs = []
    for i in range(count):
        techniques = () if first_is_baseline and i == 0 else draw(st.sampled_from(TECHNIQUE_SETS))
        rag = bool({"rag", "rag_tuned"} & set(techniques))
        rows = []
        for j in range(n):
            rows.append(
                result(
                    f"q{j + 1}",
                    draw(st.sampled_from(RAG if rag else PLAIN)),
                    run_id=i + 1,
                    tokens_in=draw(st.integers(0, 3000)),
                    has_retrieval=rag,
                    latency=draw(st.floats(0.01, 30, allow_nan=False)),
                    cost=draw(st.floats(0, 0.01, allow_nan=False)),
                )
            )
        runs.append((RunInfo(i + 1, f"r{i + 1}", techniques, status="complete"), rows))
    return runs


def _advise(runs, **kw):
    try:
        return diagnose(runs, **kw)
    except Exception as exc:  # noqa: BLE001 - only the documented "no answer at all" case may refuse
        assert all(r.error for _, rows in runs for r in rows), exc
        return None


@SETTINGS
@given(projects(), st.randoms(use_true_random=False), st.sampled_from([0.5, 0.8, 0.9, 1.0]))
def test_shuffling_rows_or_runs_never_changes_the_advice(runs, rnd, target):
    """The same results give the same advice and confidence, however the store happens to list them."""
    first = _advise(runs, target=target, examples_pool=5)
    shuffled = []
    for info, rows in runs:
        rows = list(rows)
        rnd.shuffle(rows)
        shuffled.append((info, rows))
    rnd.shuffle(shuffled)
    second = _advise(shuffled, target=target, examples_pool=5)
    if first is None:
        assert second is None
        return
    assert second.to_dict() == first.to_dict()
    assert first.recommendation in RECOMMENDATIONS and 0.0 <= first.confidence <= 1.0
    start = next(p for p in first.runs if p.name == first.from_run)
    assert sum(first.gaps.values()) + first.errors + round(start.pass_rate * start.rows) == start.rows


def _passed(r) -> bool:
    return r.error is None and all(v.passed for v in r.verdicts if v.family in ("content", "behaviour"))


def _passes(rows) -> int:
    return sum(1 for r in rows if _passed(r))


def _significant_drop(before, after) -> bool:
    """The exact McNemar test on the rows both runs have says the drop is not chance."""
    from desktop_app.core.advice.paired import mcnemar_exact

    a, b = {r.row_id: _passed(r) for r in before}, {r.row_id: _passed(r) for r in after}
    common = set(a) & set(b)
    fixed = sum(1 for k in common if not a[k] and b[k])
    broken = sum(1 for k in common if a[k] and not b[k])
    return mcnemar_exact(fixed, broken) < 0.05


@SETTINGS
@given(projects(first_is_baseline=True))
def test_a_technique_measured_to_make_things_worse_is_never_advised_silently(runs):
    """If a step lost passes against every run it built on, beyond chance, the advice shows a
    regression item naming it."""
    d = _advise(runs)
    if d is None:
        return
    n = len(runs[0][1])
    regressions = d.evidence_of("regression")
    for info, rows in runs:
        below = [
            (i, r) for i, r in runs if set(i.techniques) < set(info.techniques) and any(x.error is None for x in r)
        ]
        if not below:
            continue
        worse = all(_passes(r) - _passes(rows) >= math.ceil(0.1 * n) and _significant_drop(r, rows) for _, r in below)
        if not worse:
            continue
        named = [e for e in regressions if e.runs[1] == info.name]
        assert named, f"{info.name} made things worse but no regression evidence names it"
        added = set(named[0].numbers["techniques"])
        if MOVE_TECHNIQUES[d.recommendation] & added:  # the advised move repeats the harmful technique
            assert named[0].rows and named[0].numbers["broken"] >= 1
