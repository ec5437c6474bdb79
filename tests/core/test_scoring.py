"""Scoring: outputs -> verdicts with the project's checks; results -> a leaderboard line."""

from __future__ import annotations

import time

import pytest

from desktop_app.core import checks
from desktop_app.core.records import Passage, Row, RowResult, RunInfo, Verdict
from desktop_app.core.run.scoring import Scorer, percentile, score_result, summarize, summary_to_dict
from desktop_app.core.run.store import ResultStore

RUN = RunInfo(id=1, name="rag", techniques=("instructions", "rag"))
ROW = Row("r1", "How long is the warranty?", "one year")


def _r(
    row_id: str,
    output: str | None = "x",
    *,
    error: str | None = None,
    latency: float | None = 1.0,
    verdicts: tuple = (),
    **kw,
) -> RowResult:
    return RowResult(run_id=1, row_id=row_id, output=output, error=error, latency_s=latency, verdicts=verdicts, **kw)


def _v(check: str, family: str, passed: bool, score: float | None = None) -> Verdict:
    return Verdict(check, family, passed, float(passed) if score is None else score)


def test_scorer_applies_the_real_checks_and_retrieval_metrics():
    """A row gets content, behaviour and (with passages) retrieval verdicts in one call."""
    from desktop_app.core.knowledge import metrics

    specs = [checks.make_check("contains"), checks.make_check("max_chars", 40)]
    scorer = Scorer(specs=specs, evaluate=checks.evaluate_row, retrieval=metrics.score)
    passages = (Passage("The warranty lasts one year from purchase.", "manual.pdf"),)
    verdicts = scorer(ROW, "The warranty is one year.", passages)
    by_family = {v.family for v in verdicts}
    assert by_family == {"content", "behaviour", "retrieval"}
    assert all(v.passed for v in verdicts if v.family != "retrieval")
    assert {v.check for v in verdicts if v.family == "retrieval"} >= {"context_recall", "faithfulness"}
    too_long = scorer(ROW, "one year " * 10, ())
    assert [v.passed for v in too_long if v.family == "behaviour"] == [False]


def test_extract_scores_only_the_final_answer():
    """A step-by-step answer is judged on what follows its marker, not on the reasoning."""
    specs = [checks.make_check("normalized_match")]
    scorer = Scorer(specs=specs, evaluate=checks.evaluate_row, extract=lambda o: o.rsplit("Answer:", 1)[-1])
    assert scorer(ROW, "Let me think. The manual says...\nAnswer: One year.")[0].passed
    assert not Scorer(specs=specs, evaluate=checks.evaluate_row)(ROW, "Let me think.\nAnswer: One year.")[0].passed


def test_a_failing_model_check_is_left_out_instead_of_stopping_the_run():
    """If a judge/embedding call blows up, the row is still scored by every check that needs no model."""
    specs = [checks.make_check("contains"), checks.make_check("semantic")]

    def broken_embed(texts):
        raise ConnectionError("embedding server unreachable")

    scorer = Scorer(specs=specs, evaluate=checks.evaluate_row, embed=broken_embed)
    assert scorer.calls_models
    verdicts = scorer(ROW, "one year")
    assert [v.check for v in verdicts if v.passed] == [specs[0].id]
    assert all(v.check != specs[1].id or not v.passed for v in verdicts)


def test_score_result_fills_verdicts():
    """score_result returns the same result with its verdicts."""
    scorer = Scorer(specs=[checks.make_check("contains")], evaluate=checks.evaluate_row)
    scored = score_result(scorer, ROW, _r("r1", "It is one year."))
    assert scored.output == "It is one year." and scored.verdicts[0].passed


def test_summary_shares_tokens_cost_and_latency_percentiles():
    """The leaderboard line counts rows, errors, shares per family, totals and p50/p95 latency."""
    results = [
        _r("a", verdicts=(_v("c", "content", True), _v("b", "behaviour", True)), tokens_in=10, tokens_out=2, cost=0.1),
        _r("b", verdicts=(_v("c", "content", True), _v("b", "behaviour", False)), latency=2.0, tokens_in=10),
        _r("c", verdicts=(_v("c", "content", False), _v("b", "behaviour", True)), latency=3.0, cost=0.2),
        _r("d", None, error="timeout", latency=None),
    ]
    s = summarize(RUN, results)
    assert (s.rows, s.errors) == (4, 1)
    assert s.content_score == pytest.approx(2 / 4)  # the errored row counts as judged and failed
    assert s.behaviour_score == pytest.approx(2 / 4)
    assert s.pass_rate == pytest.approx(1 / 4)
    assert (s.tokens_in, s.tokens_out, s.cost) == (20, 2, pytest.approx(0.3))
    assert s.latency_p50 == pytest.approx(2.0) and s.latency_p95 == pytest.approx(2.9)


def test_rows_without_content_verdicts_do_not_drag_the_content_score():
    """Rows no content check could judge (no expected answer) are left out of the content share."""
    results = [_r("a", verdicts=(_v("c", "content", True),)), _r("b", verdicts=())]
    assert summarize(RUN, results).content_score == 1.0


def test_retrieval_metrics_are_averaged():
    """context recall / precision / faithfulness are the means of the per-row retrieval scores."""
    results = [
        _r("a", verdicts=(_v("context_recall", "retrieval", True, 1.0),)),
        _r("b", verdicts=(_v("context_recall", "retrieval", False, 0.5),)),
    ]
    s = summarize(RUN, results)
    assert s.context_recall == pytest.approx(0.75) and s.faithfulness is None


def test_summary_json_keys_are_the_cli_contract():
    """results --json carries the keys scripts rely on, with the grid position of the techniques."""
    d = summary_to_dict(summarize(RUN, [_r("a", verdicts=(_v("c", "content", True),), tokens_in=3, tokens_out=4)]))
    for key in (
        "name",
        "techniques",
        "technique_position",
        "rows",
        "errors",
        "content_score",
        "behaviour_score",
        "pass_rate",
        "tokens",
        "cost",
        "latency_p50",
        "latency_p95",
    ):
        assert key in d
    assert d["technique_position"] == [1, 1] and d["tokens"] == 7 and d["techniques"] == ["instructions", "rag"]


def test_percentile_matches_linear_interpolation():
    """p50/p95 follow the usual (numpy default) definition."""
    assert percentile([], 50) is None
    assert percentile([5.0], 95) == 5.0
    assert percentile([1, 2, 3, 4], 50) == pytest.approx(2.5)
    assert percentile(list(range(1, 101)), 95) == pytest.approx(95.05)


def test_scoring_and_storing_a_row_takes_under_a_millisecond(tmp_path):
    """Per-row overhead (default checks + retrieval metrics + one SQLite commit) stays under 1 ms."""
    from desktop_app.core.knowledge import metrics

    rows = [Row(f"r{i}", f"What is the warranty of product {i}?", f"{i} years") for i in range(200)]
    scorer = Scorer(
        specs=checks.default_checks([r.expected for r in rows]), evaluate=checks.evaluate_row, retrieval=metrics.score
    )
    passages = (Passage("Product warranty lasts several years depending on the model.", "m.pdf"),)
    with ResultStore(tmp_path / "r.sqlite") as store:
        run = store.create_run("b", ())
        batches = []
        for b in range(3):  # best of three batches: the machine is shared, the minimum is the cost
            start = time.perf_counter()
            for i, row in enumerate(rows):
                out = f"The warranty is {i} years."
                res = RowResult(
                    run_id=run.id,
                    row_id=row.id,
                    output=out,
                    latency_s=0.2,
                    tokens_in=30,
                    tokens_out=8,
                    passages=passages,
                    verdicts=scorer(row, out, passages),
                )
                store.store_answer(res, f"key{b}-{i}", model="m")
            batches.append((time.perf_counter() - start) / len(rows) * 1000)
    assert min(batches) < 1.0, f"{min(batches):.3f} ms per row"


def test_an_unknown_price_stays_unknown_through_store_and_summary(tmp_path):
    """A run on a model with no known price shows its cost as unknown ("-", null), never $0."""
    with ResultStore(tmp_path / "r.sqlite") as store:
        run = store.add_complete_run("azure", (), [_r("a", cost=None), _r("b", cost=0.002)], imported=False)
        stored = {r.row_id: r.cost for r in store.results(run.id)}
        priced = store.add_complete_run("local", (), [_r("a", cost=0.0)], imported=False)
        assert stored == {"a": None, "b": 0.002} and store.results(priced.id)[0].cost == 0.0
    s = summarize(RUN, [_r("a", cost=None), _r("b", cost=0.002)])
    assert s.cost is None
    assert summary_to_dict(s, unknown_cost=None)["cost"] is None and summary_to_dict(s)["cost_known"] is False
    assert summarize(RUN, [_r("b", cost=0.002)]).cost == 0.002


def test_rescoring_keeps_a_judges_verdict_only_while_its_rubric_is_unchanged():
    """Editing a rubric drops the verdicts it gave (they answered another question); others are kept."""
    from desktop_app.core.run.scoring import model_check_keys, rescore_results

    rubric = checks.make_check("rubric", "Be polite.")
    judged = checks.evaluate_row([rubric], ROW, "one year", judge=lambda m: '{"verdict": "pass"}')
    assert judged[0].spec == rubric.fingerprint
    stored = [_r("r1", "one year", verdicts=judged)]
    offline = Scorer(specs=[rubric], evaluate=checks.evaluate_row)
    kept = rescore_results(stored, {"r1": ROW}, offline, model_check_keys([rubric]))
    assert [v.check for v in kept["r1"]] == ["rubric"]
    edited = checks.make_check("rubric", "Be polite and answer in Japanese.")
    dropped = rescore_results(stored, {"r1": ROW}, offline, model_check_keys([edited]))
    assert dropped["r1"] == ()
