"""Gap classification, the JSON contract and the grid data of the advisor (builders shared by its tests)."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.advice import checklists
from desktop_app.core.advice.gridmaps import cell_offset, grid_maps
from desktop_app.core.advice.model import (
    CHECKLIST_KEYS,
    CONTRACT_KEYS,
    EVIDENCE_KEYS,
    EXTENSION_KEYS,
    GAP_KEYS,
    RUN_CONTRACT_KEYS,
    RUN_EXTENSION_KEYS,
)
from desktop_app.core.advice.diagnose import diagnose
from desktop_app.core.errors import ProjectError, RunError
from desktop_app.core.records import RECOMMENDATIONS, RowResult, RunInfo, Verdict
from desktop_app.core.run.scoring import summarize


# -- builders: a row's outcome is stated, the verdicts that produce it are built -----------------
def result(
    row_id: str,
    outcome: str = "pass",
    *,
    run_id: int = 0,
    tokens_in: int = 100,
    tokens_out: int = 20,
    latency: float = 0.5,
    cost: float = 0.0,
    has_retrieval: bool = False,
) -> RowResult:
    """outcome: pass | knowledge | behaviour | retrieval | generation | generation_faith | error | both."""
    if outcome == "error":
        return RowResult(run_id, row_id, None, error="timeout", attempts=3)
    content_ok = outcome in ("pass", "behaviour")
    behaviour_ok = outcome not in ("behaviour", "both")
    verdicts = [
        Verdict("token_f1", "content", content_ok, 1.0 if content_ok else 0.1),
        Verdict("valid_json", "behaviour", behaviour_ok, 1.0 if behaviour_ok else 0.0),
    ]
    if has_retrieval or outcome in ("retrieval", "generation", "generation_faith"):
        recall = outcome != "retrieval"
        faithful = outcome not in ("generation", "generation_faith")
        if outcome != "generation_faith":  # faithfulness alone, no recall check
            verdicts.append(Verdict("context_recall", "retrieval", recall, 1.0 if recall else 0.0))
        verdicts.append(Verdict("faithfulness", "retrieval", faithful, 1.0 if faithful else 0.2))
    return RowResult(
        run_id,
        row_id,
        "answer",
        latency_s=latency,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
        cost=cost,
        verdicts=tuple(verdicts),
    )


def make_run(
    run_id: int,
    name: str,
    techniques: tuple[str, ...],
    outcomes: list[str],
    *,
    tokens_in: int = 100,
    latency: float = 0.5,
    cost: float = 0.0,
    model: str = "",
    variant: dict | None = None,
) -> tuple[RunInfo, list[RowResult]]:
    """A run over rows q1..qN whose i-th row has outcomes[i]."""
    rag = bool({"rag", "rag_tuned"} & set(techniques))
    rows = [
        result(f"q{i + 1}", o, run_id=run_id, tokens_in=tokens_in, latency=latency, cost=cost, has_retrieval=rag)
        for i, o in enumerate(outcomes)
    ]
    return RunInfo(run_id, name, techniques, model=model, status="complete", variant=variant or {}), rows


def outcomes(**counts: int) -> list[str]:
    """outcomes(knowledge=12, pass=8) -> a list in a fixed order, failures first."""
    out: list[str] = []
    for kind, n in counts.items():
        out += [kind] * n
    return out


# -- classification -----------------------------------------------------------------------------
def test_each_failing_row_gets_the_gap_its_verdicts_show():
    """A user sees facts-missing, form-wrong, passages-lacked and answer-ignored rows told apart."""
    base = make_run(1, "baseline", (), outcomes(knowledge=3, behaviour=2, both=1, error=1, **{"pass": 3}))
    rag = make_run(
        2,
        "rag",
        ("instructions", "rag"),
        outcomes(retrieval=2, generation=1, generation_faith=1, behaviour=1, error=2, **{"pass": 3}),
    )
    d = diagnose([base, rag], target=0.9)
    points = {p.name: p for p in d.runs}
    assert points["baseline"].gaps == {"knowledge": 4, "behaviour": 2, "retrieval": 0, "generation": 0}
    assert points["rag"].gaps == {"knowledge": 0, "behaviour": 1, "retrieval": 2, "generation": 2}
    assert (points["baseline"].errors, points["rag"].errors) == (1, 2)


def test_rag_run_without_retrieval_checks_keeps_knowledge_gaps():
    """Imported RAG outputs with no retrieval verdicts are not guessed to be retrieval or generation gaps."""
    info = RunInfo(1, "rag", ("rag",))
    rows = [RowResult(1, f"q{i}", "a", verdicts=(Verdict("f1", "content", i < 2, 0.5),)) for i in range(6)]
    d = diagnose([(info, rows)])
    assert d.gaps == {"knowledge": 4, "behaviour": 0, "retrieval": 0, "generation": 0}
    assert d.recommendation == "improve_retrieval"
    assert d.evidence_of("retrieval_unmeasured")[0].numbers["count"] == 4


def test_errors_are_counted_apart_from_gaps_and_scores_count_them_as_failures():
    """Rows that got no answer are reported as errors, never as knowledge or behaviour gaps."""
    d = diagnose([make_run(1, "baseline", (), outcomes(error=4, **{"pass": 16}))])
    assert d.errors == 4 and sum(d.gaps.values()) == 0
    point = d.runs[0]
    assert (point.pass_rate, point.content_score, point.behaviour_score) == (0.8, 0.8, 0.8)
    assert d.evidence_of("errors")[0].rows == ("q1", "q2", "q3", "q4")


def test_map_scores_are_the_leaderboards_numbers():
    """The diagnosis map and the leaderboard never disagree about a run's scores, pass rate or latency."""
    info, rows = make_run(1, "rag", ("rag",), outcomes(retrieval=2, behaviour=3, both=1, error=2, **{"pass": 4}))
    rows[-1] = RowResult(
        1,
        rows[-1].row_id,
        "no expected answer",
        latency_s=2.5,
        cached=True,
        verdicts=(Verdict("valid_json", "behaviour", True, 1.0),),
    )
    rows = [RowResult(**{**r.__dict__, "latency_s": 0.1 * i if r.error is None else None}) for i, r in enumerate(rows)]
    point = diagnose([(info, rows)]).runs[0]
    line = summarize(info, rows)
    assert (point.content_score, point.behaviour_score, point.pass_rate, point.latency_p50) == (
        line.content_score,
        line.behaviour_score,
        line.pass_rate,
        line.latency_p50,
    )
    assert point.content_score == 6 / 11 and point.errors == line.errors == 2


# -- the JSON contract --------------------------------------------------------------------------
def test_to_dict_has_exactly_the_advise_json_keys():
    """Scripts reading `advise --json` find the issue's keys, plus only the documented extensions."""
    d = diagnose(
        [
            make_run(1, "baseline", (), outcomes(knowledge=5, behaviour=2, **{"pass": 3}), tokens_in=90),
            make_run(2, "rag", ("instructions", "rag"), outcomes(retrieval=1, **{"pass": 9}), tokens_in=600),
        ]
    )
    data = json.loads(json.dumps(d.to_dict()))
    assert set(data) == set(CONTRACT_KEYS) | set(EXTENSION_KEYS)
    assert list(data)[: len(CONTRACT_KEYS)] == list(CONTRACT_KEYS)
    assert set(data["gaps"]) == set(GAP_KEYS)
    assert data["recommendation"] in RECOMMENDATIONS and 0 <= data["confidence"] <= 1
    assert data["evidence"] and all(set(e) == set(EVIDENCE_KEYS) for e in data["evidence"])
    assert all(set(r) == set(RUN_CONTRACT_KEYS) | set(RUN_EXTENSION_KEYS) for r in data["runs"])
    assert data["checklist"] == [c["id"] for c in data["checklist_details"]]
    assert all(set(c) == set(CHECKLIST_KEYS) for c in data["checklist_details"])
    assert set(data["checklist"]) <= set(checklists.ALL_IDS)
    assert data["from_run"] == "rag" and data["baseline_run"] == "baseline"
    rag = data["runs"][1]
    assert rag["technique_position"] == [1, 1] and rag["diagnosis_position"] == [1.0, 0.9]
    assert rag["tokens_per_request"] == 620.0 and rag["latency_p50"] == 0.5


def test_bad_input_raises_typed_errors_with_a_hint():
    """An empty project, a percent target or all-error runs give a message saying what to do."""
    with pytest.raises(RunError, match="no runs") as exc:
        diagnose([])
    assert "Run or import a run first" in exc.value.hint
    with pytest.raises(ProjectError, match="target"):
        diagnose([make_run(1, "b", (), ["pass"])], target=90)
    with pytest.raises(RunError, match="None of the runs"):
        diagnose([make_run(1, "b", (), ["error", "error"])])


# -- grid data ----------------------------------------------------------------------------------
def test_technique_map_places_runs_by_technique_and_separates_shared_cells():
    """The technique map shows each run where its techniques put it, in the order made, none hidden."""
    runs = [
        make_run(1, "baseline", (), ["knowledge"] * 4),
        make_run(2, "few", ("instructions", "few_shot"), ["knowledge"] * 4),
        make_run(3, "rag", ("instructions", "rag"), ["pass"] * 3 + ["retrieval"]),
        make_run(4, "rag2", ("instructions", "rag"), ["pass"] * 4),
        make_run(5, "ft_rag_tuned", ("fine_tuned", "rag_tuned"), ["pass"] * 4),
    ]
    d = diagnose(list(reversed(runs)))  # the store's ids, not list order, say which came first
    assert [p.name for p in d.runs] == ["baseline", "few", "rag", "rag2", "ft_rag_tuned"]
    assert [p.technique_position for p in d.runs] == [(0, 0), (2, 0), (1, 1), (1, 1), (3, 2)]
    assert [(p.cell_index, p.cell_count) for p in d.runs][2:4] == [(0, 2), (1, 2)]
    maps = grid_maps(d)
    assert maps.arrows == ((0, 1), (1, 2), (2, 3), (3, 4))
    xy = [(p.x, p.y) for p in maps.technique]
    assert xy[2] != xy[3] and all(abs(a - b) < 0.25 for a, b in zip(xy[2], (1, 1)))
    assert cell_offset(0, 1) == (0.0, 0.0)


def test_diagnosis_map_puts_runs_at_behaviour_and_content_scores_with_the_target_corner():
    """A run low on content sits low on the map, one low on behaviour sits left, the target corner is marked."""
    d = diagnose(
        [
            make_run(1, "baseline", (), outcomes(knowledge=6, **{"pass": 4})),
            make_run(2, "json", ("instructions",), outcomes(behaviour=5, **{"pass": 5})),
        ],
        target=0.8,
    )
    maps = grid_maps(d)
    assert [(p.x, p.y) for p in maps.diagnosis] == [(1.0, 0.4), (0.5, 1.0)]
    assert maps.target_corner == (0.8, 0.8) and maps.start == d.from_run


def test_a_cancelled_run_with_a_few_lucky_rows_does_not_become_the_starting_point():
    """Advice starts from a run that covered the evaluation set, not from five rows of a cancelled one."""
    full = make_run(1, "baseline", (), outcomes(knowledge=10, **{"pass": 10}))
    info, rows = make_run(2, "rag", ("rag",), ["pass"] * 4)
    partial = (RunInfo(2, "rag", ("rag",), status="cancelled"), rows)
    assert diagnose([full, partial]).from_run == "baseline"


def test_confidence_grows_with_rows_and_with_a_clearer_margin():
    """Advice drawn from more rows, or from a clearer split between gap kinds, is stated with more confidence."""
    small = diagnose([make_run(1, "baseline", (), outcomes(knowledge=8, behaviour=1, **{"pass": 1}))])
    large = diagnose([make_run(1, "baseline", (), outcomes(knowledge=80, behaviour=10, **{"pass": 10}))])
    close = diagnose(
        [make_run(1, "baseline", (), outcomes(knowledge=50, behaviour=40, **{"pass": 10}))], examples_pool=0
    )
    assert small.recommendation == large.recommendation == close.recommendation == "rag"
    assert small.confidence < large.confidence and close.confidence < large.confidence
    # 0.6 (RAG untried) x 100/(100+10) answered rows x (0.5 + 0.5 x margin), the margin weighed with
    # partial credit: the failing content checks scored 0.1, so each knowledge gap weighs 0.9.
    ctx, b = 80 * 0.9, 10 * 1.0
    assert large.confidence == round(0.6 * 100 / 110 * (0.5 + 0.5 * (ctx - b) / (ctx + b)), 3)
    # In words: RAG untried is inferred; ten rows are few as well.
    assert (large.confidence_level, large.confidence_reasons) == ("moderate", ("inferred",))
    assert (small.confidence_level, small.confidence_reasons) == ("low", ("few_rows", "inferred"))
