"""One scenario per recommendation, where the right answer is known by construction."""

from __future__ import annotations

from desktop_app.core.advice.diagnose import diagnose
from tests.core.test_advisor_gaps import make_run, outcomes


def ids(d):
    return [c.id for c in d.checklist]


# -- fictional company Q&A: the model cannot know the facts without the passages -----------------
def test_fictional_company_baseline_without_rag_points_to_rag():
    """Facts the model cannot know put the next step on the context axis: RAG."""
    base = make_run(1, "baseline", (), outcomes(knowledge=18, **{"pass": 2}))
    instr = make_run(2, "instructions", ("instructions",), outcomes(knowledge=17, **{"pass": 3}))
    per_row = [{"id": f"q{i}", "in_top_k": i not in (7, 9), "rank": None, "recall": 0.5} for i in range(1, 21)]
    readiness = {
        "k": 4,
        "mode": "hybrid",
        "rows": 20,
        "evaluated": 20,
        "cancelled": False,
        "share": 0.9,
        "per_row": per_row,
    }  # the knowledge engine's readiness() shape
    d = diagnose([base, instr], readiness=readiness)
    assert d.recommendation == "rag" and d.from_run == "instructions"
    share = d.evidence[0]
    assert share.kind == "knowledge_gap_share" and share.numbers == {
        "share": 1.0,
        "count": 17,
        "failures": 17,
        "rows": 20,
        "weight": 15.3,
        "weighted_share": 1.0,
    }
    ready = d.evidence_of("readiness")[0]
    assert ready.rows == ("q7", "q9") and ready.numbers == {
        "k": 4,
        "mode": "hybrid",
        "rows": 20,
        "evaluated": 20,
        "share": 0.9,
    }
    assert ids(d)[0] == "add_documents" and d.checklist[1].numbers == {"share": 0.9}
    without = diagnose([base, instr])
    assert without.recommendation == "rag" and without.confidence < d.confidence  # readiness was measured
    poor = diagnose([base, instr], readiness={**readiness, "share": 0.2})
    assert poor.recommendation == "rag" and poor.confidence < without.confidence  # the documents lack the answers


def test_fictional_company_with_a_rag_run_that_fixed_most_gaps_names_the_next_move_on_top_of_rag():
    """'RAG fixed 83% of the baseline's knowledge-gap rows' is shown with the rows that prove it, and
    with RAG already the best run the advice is the next move on top of it, never "RAG next"."""
    base = make_run(1, "baseline", (), outcomes(knowledge=12, behaviour=5, **{"pass": 3}), tokens_in=80)
    rag = make_run(2, "rag", ("instructions", "rag"), outcomes(retrieval=2, behaviour=1, **{"pass": 17}), tokens_in=900)
    d = diagnose([base, rag])
    assert d.recommendation == "improve_retrieval" and d.focus == "on_rag" and d.from_run == "rag"
    fixed = [e for e in d.evidence_of("technique_fixed") if e.numbers["gap"] == "knowledge"][0]
    assert (fixed.numbers["fixed"], fixed.numbers["of"], fixed.numbers["share"]) == (10, 12, 0.8333)
    assert fixed.runs == ("baseline", "rag") and fixed.rows == tuple(f"q{i}" for i in range(3, 13))
    cost = d.evidence_of("token_cost")[0]
    assert cost.numbers["ratio"] == round(920 / 100, 3) and cost.runs == ("baseline", "rag")
    assert d.gaps == {"knowledge": 0, "behaviour": 1, "retrieval": 2, "generation": 0}
    assert d.evidence[0].kind == "retrieval_gap_share" and ids(d)[0] == "add_missing_documents"


def test_rag_adopted_from_a_non_rag_best_run_is_still_rag_next():
    """When the best run does not use RAG yet but a RAG run fixed most facts, adopting RAG is the move."""
    base = make_run(1, "baseline", (), outcomes(knowledge=24, **{"pass": 16}))
    instr = make_run(2, "instructions", ("instructions",), outcomes(knowledge=8, behaviour=4, **{"pass": 28}))
    rag = make_run(3, "rag", ("instructions", "rag"), outcomes(retrieval=2, behaviour=12, **{"pass": 26}))
    d = diagnose([base, instr, rag])
    assert d.from_run == "instructions" and d.recommendation == "rag" and d.focus == ""


def test_rag_run_missing_answers_no_document_holds_says_add_documents_first():
    """Retrieval gaps whose answers are in none of the documents lead with adding documents for those rows."""
    base = make_run(1, "baseline", (), outcomes(knowledge=18, **{"pass": 2}))
    rag = make_run(2, "rag", ("instructions", "rag"), outcomes(retrieval=6, **{"pass": 14}))
    d = diagnose([base, rag], not_in_documents={"q1", "q2", "q3", "q4", "q5", "q12"})
    assert d.recommendation == "improve_retrieval" and d.focus == "add_documents"
    lead = d.evidence[0]
    assert lead.kind == "not_in_documents" and lead.rows == ("q1", "q2", "q3", "q4", "q5")
    assert lead.numbers == {"count": 5, "of": 6, "share": 0.8333}
    assert ids(d)[0] == "add_missing_documents" and d.checklist[0].numbers == {"rows": 5}
    tunable = diagnose([base, rag], not_in_documents={"q1", "q2"})  # most misses are retrieval's own
    assert tunable.recommendation == "improve_retrieval" and tunable.focus == "on_rag"


def test_readiness_that_finds_no_document_for_the_answers_says_add_documents_before_rag():
    """Before any RAG run, when readiness found most missing answers in no document, adding them comes first."""
    base = make_run(1, "baseline", (), outcomes(knowledge=10, **{"pass": 10}))
    per_row = [
        {"id": f"q{i}", "in_top_k": i > 8, "in_documents": i > 8, "rank": None, "recall": 0.0} for i in range(1, 21)
    ]
    d = diagnose([base], readiness={"k": 4, "share": 0.6, "per_row": per_row})
    assert d.recommendation == "rag" and d.focus == "add_documents"
    assert d.evidence[0].kind == "not_in_documents" and d.evidence[0].numbers["count"] == 8
    assert ids(d)[0] == "add_missing_documents"


def test_two_runs_a_few_rows_apart_could_be_chance_and_do_not_decide_alone():
    """RAG fixing 3 of 4 facts on 20 rows is not taken as proof: the advice says so and leans on the gaps."""
    base = make_run(1, "baseline", (), outcomes(knowledge=4, behaviour=2, **{"pass": 14}))
    rag = make_run(2, "rag", ("instructions", "rag"), outcomes(retrieval=1, behaviour=2, **{"pass": 17}))
    d = diagnose([base, rag])
    fixed = [e for e in d.evidence_of("technique_fixed") if e.numbers["gap"] == "knowledge"][0]
    assert fixed.numbers["p_value"] >= 0.05  # 3 fixed, 0 broken on 20 rows: p = 0.25
    assert d.recommendation != "rag"
    assert "chance" in d.confidence_reasons and d.confidence_level == "low"


# -- strict JSON format: answers right, form broken without examples -----------------------------
def test_broken_json_format_at_baseline_points_to_prompt_engineering_first():
    """Right facts in the wrong form: start with prompt engineering, clear instructions first."""
    d = diagnose([make_run(1, "baseline", (), outcomes(behaviour=16, **{"pass": 4}))], examples_pool=30)
    assert d.recommendation == "prompt_engineering"
    assert d.evidence[0].kind == "behaviour_gap_share" and d.evidence[0].numbers["count"] == 16
    assert ids(d) == ["clear_instructions", "split_task", "step_by_step", "few_shot_examples", "output_format_spec"]
    assert not any(c.done for c in d.checklist)


def test_after_instructions_the_next_prompt_step_is_few_shot():
    """With instructions measured and the format still broken, few-shot examples are the next rung."""
    d = diagnose(
        [
            make_run(1, "baseline", (), outcomes(behaviour=16, **{"pass": 4})),
            make_run(2, "instructions", ("instructions",), outcomes(behaviour=12, **{"pass": 8})),
        ],
        examples_pool=30,
    )
    assert d.recommendation == "prompt_engineering"
    done = {c.id: c.done for c in d.checklist}
    assert done["clear_instructions"] and not done["few_shot_examples"]
    assert d.checklist[3].numbers == {"pool": 30}
    fixed = d.evidence_of("technique_fixed")[0]
    assert (fixed.numbers["gap"], fixed.numbers["fixed"], fixed.numbers["of"]) == ("behaviour", 4, 16)


def test_json_format_plateau_after_instructions_and_few_shot_points_to_fine_tuning():
    """Few-shot helped but left a plateau at triple the tokens: fine-tune, with the data advice."""
    runs = [
        make_run(1, "baseline", (), outcomes(behaviour=16, **{"pass": 4}), tokens_in=100),
        make_run(2, "instructions", ("instructions",), outcomes(behaviour=12, **{"pass": 8}), tokens_in=180),
        make_run(3, "few_shot", ("instructions", "few_shot"), outcomes(behaviour=6, **{"pass": 14}), tokens_in=580),
    ]
    d = diagnose(runs, examples_pool=40)
    assert d.recommendation == "fine_tuning" and d.from_run == "few_shot"
    plateau = d.evidence_of("plateau")[0]
    assert plateau.runs == ("instructions", "few_shot")
    assert (plateau.numbers["remaining"], plateau.numbers["fixed"], plateau.numbers["of"]) == (6, 6, 12)
    cost = [e for e in d.evidence_of("token_cost") if e.runs == ("instructions", "few_shot")][0]
    assert cost.numbers["ratio"] == 3.0 and cost.numbers["techniques"] == ["few_shot"]
    assert ids(d) == [
        "small_high_quality_set",
        "use_examples_pool",
        "check_data_behaviour",
        "hold_out_eval",
        "compare_token_cost",
    ]
    assert d.checklist[1].numbers == {"pool": 40, "minimum": 10, "suggested": 50}
    assert d.checklist[4].numbers["ratio"] == 3.0


def test_few_shot_still_closing_the_gap_cheaply_stays_with_prompts_unless_tokens_are_heavy():
    """A small behaviour remainder at low token cost means better examples; at triple the tokens, fine-tuning."""

    def project(few_tokens):
        return [
            make_run(1, "baseline", (), outcomes(behaviour=20, **{"pass": 10}), tokens_in=100),
            make_run(
                2, "few_shot", ("instructions", "few_shot"), outcomes(behaviour=1, **{"pass": 29}), tokens_in=few_tokens
            ),
        ]

    cheap = diagnose(project(120), target=0.99)
    heavy = diagnose(project(340), target=0.99)
    assert cheap.recommendation == "prompt_engineering"
    assert heavy.recommendation == "fine_tuning"
    assert heavy.evidence_of("token_cost")[0].numbers["ratio"] == 3.0


# -- RAG whose index lacks a third of the answers -------------------------------------------------
def test_rag_missing_a_third_of_the_answers_points_to_improving_retrieval():
    """When the passages lack the answer for many rows, the checklist is the talk's 45%->98% retrieval work."""
    base = make_run(1, "baseline", (), outcomes(knowledge=18, **{"pass": 2}))
    rag = make_run(2, "rag", ("instructions", "rag"), outcomes(retrieval=6, **{"pass": 14}))
    d = diagnose([base, rag])
    assert d.recommendation == "improve_retrieval" and d.from_run == "rag"
    lead = d.evidence[0]
    assert lead.kind == "retrieval_gap_share" and lead.numbers["count"] == 6 and lead.rows[0] == "q1"
    assert ids(d) == [
        "add_missing_documents",
        "chunk_size",
        "hybrid_search",
        "rerank",
        "classify_questions",
        "metadata_filters",
        "query_expansion",
        "tools_for_structured_data",
        "hyde",
        "finetune_embeddings",
    ]
    assert [c.id for c in d.checklist if c.costly] == ["hyde", "finetune_embeddings"]
    assert d.checklist[0].numbers == {"rows": 6}


# -- passages right, answer ignores them ---------------------------------------------------------
def test_answers_ignoring_good_passages_get_grounding_prompt_work_first():
    """Generation gaps are fixed in the prompt first: answer only from the passages, cite, admit gaps."""
    base = make_run(1, "baseline", (), outcomes(knowledge=18, **{"pass": 2}))
    rag = make_run(2, "rag", ("instructions", "rag"), outcomes(generation=8, **{"pass": 12}))
    d = diagnose([base, rag], examples_pool=12)
    assert d.recommendation == "prompt_engineering" and d.gaps["generation"] == 8
    assert d.evidence[0].kind == "generation_gap_share"
    assert ids(d)[0] == "answer_only_from_passages" and "grounded_few_shot_examples" in ids(d)


def test_generation_gaps_that_persist_after_a_grounding_variant_point_to_a_stronger_model():
    """If a grounding prompt over RAG still ignores passages that hold the answer, the model is the
    limit: a stronger model is named first, fine-tuning beside it."""
    base = make_run(1, "baseline", (), outcomes(knowledge=18, **{"pass": 2}), model="smol-135m")
    rag = make_run(2, "rag", ("instructions", "rag"), outcomes(generation=8, **{"pass": 12}), model="smol-135m")
    grounded = make_run(
        3,
        "rag_grounded",
        ("instructions", "step_by_step", "rag"),
        outcomes(generation=7, **{"pass": 13}),
        model="smol-135m",
    )
    d = diagnose([base, rag, grounded], examples_pool=40)
    assert d.recommendation == "stronger_model" and d.from_run == "rag_grounded" and d.focus == "grounding"
    assert ids(d)[:3] == ["try_stronger_model", "same_rows_same_checks", "fine_tune_instead"]
    assert d.checklist[0].numbers == {"model": "smol-135m"}
    plateau = d.evidence_of("plateau")[0]
    assert plateau.numbers["gap"] == "generation" and plateau.runs == ("rag", "rag_grounded")


def test_generation_gaps_that_persist_on_a_second_model_point_to_fine_tuning():
    """Once a stronger model was measured with RAG and still ignores the passages, fine-tune on grounded answers."""
    base = make_run(1, "baseline", (), outcomes(knowledge=18, **{"pass": 2}), model="small")
    rag = make_run(2, "rag", ("instructions", "rag"), outcomes(generation=8, **{"pass": 12}), model="small")
    big = make_run(
        3, "rag_big", ("instructions", "step_by_step", "rag"), outcomes(generation=7, **{"pass": 13}), model="large"
    )
    d = diagnose([base, rag, big])
    assert d.recommendation == "fine_tuning" and d.from_run == "rag_big"
    assert ids(d)[0] == "train_with_retrieved_passages"


def test_grounding_steps_the_rag_prompt_already_takes_are_shown_as_done():
    """The rag preset already answers only from the passages, says when they lack it and puts them
    first: the grounding checklist marks those done instead of advising them."""
    from desktop_app.core.variants import preset

    base = make_run(1, "baseline", (), outcomes(knowledge=18, **{"pass": 2}))
    rag = make_run(
        2, "rag", ("instructions", "rag"), outcomes(generation=8, **{"pass": 12}), variant=preset("rag").to_dict()
    )
    d = diagnose([base, rag], examples_pool=12)
    assert d.recommendation == "prompt_engineering" and d.focus == "grounding"
    assert {c.id for c in d.checklist if c.done} == {
        "answer_only_from_passages",
        "say_when_not_found",
        "passages_before_question",
    }
    assert not next(c for c in d.checklist if c.id == "cite_passages").done


# -- mixed: knowledge and behaviour both remain after RAG and few-shot -----------------------------
def test_knowledge_and_behaviour_gaps_left_after_rag_and_few_shot_point_to_fine_tuning_and_rag():
    """Both axes still fail after their cheap steps: the talk's last step, a fine-tuned model with RAG."""
    runs = [
        make_run(1, "baseline", (), outcomes(knowledge=10, behaviour=8, **{"pass": 2})),
        make_run(2, "rag", ("instructions", "rag"), outcomes(retrieval=2, generation=3, behaviour=7, **{"pass": 8})),
        make_run(
            3,
            "rag_few_shot",
            ("instructions", "few_shot", "rag"),
            outcomes(retrieval=2, generation=2, behaviour=4, **{"pass": 12}),
        ),
    ]
    d = diagnose(runs, examples_pool=25)
    assert d.recommendation == "fine_tuning_and_rag" and d.from_run == "rag_few_shot"
    assert d.gaps == {"knowledge": 0, "behaviour": 4, "retrieval": 2, "generation": 2}
    assert [e.kind for e in d.evidence[:3]] == ["behaviour_gap_share", "retrieval_gap_share", "generation_gap_share"]
    assert not d.evidence_of("token_cost")  # every run cost the same: nothing to say
    assert ids(d)[:2] == ["train_with_retrieved_passages", "keep_improving_retrieval"]
    assert any(e.runs == ("baseline", "rag_few_shot") for e in d.evidence_of("technique_fixed"))


# -- a strong baseline ---------------------------------------------------------------------------
def test_strong_baseline_is_good_enough_and_a_cheaper_run_is_pointed_out():
    """At or above the target the advice is to stop and monitor; a run as good for fewer tokens is named."""
    base = make_run(1, "baseline", (), outcomes(knowledge=1, **{"pass": 19}), tokens_in=100)
    rag = make_run(2, "rag", ("instructions", "rag"), ["pass"] * 20, tokens_in=1100)
    d = diagnose([base, rag])
    assert d.recommendation == "good_enough" and d.from_run == "rag"
    assert d.evidence[0].kind == "pass_rate" and d.evidence[0].numbers["pass_rate"] == 1.0
    cheaper = d.evidence_of("cheaper_run")[0]
    assert cheaper.runs == ("rag", "baseline") and cheaper.numbers["tokens_per_request"] == 120.0
    assert ids(d) == ["monitor_production", "regression_set", "rerun_on_model_change", "cheaper_variant"]
    only = diagnose([base])
    assert only.recommendation == "good_enough" and "cheaper_variant" not in [c.id for c in only.checklist]
    assert diagnose([base], target=0.99).recommendation == "rag"


def test_a_step_that_made_things_worse_is_reported_with_the_rows_it_broke():
    """RAG that lost answers the baseline had right is named as a regression before retrieval work is advised."""
    base = make_run(1, "baseline", (), outcomes(knowledge=8, **{"pass": 12}))
    rag = make_run(2, "rag", ("rag",), outcomes(retrieval=14, **{"pass": 6}))
    d = diagnose([base, rag])
    assert d.from_run == "baseline" and d.recommendation == "improve_retrieval"
    reg = d.evidence_of("regression")[0]
    assert reg.runs == ("baseline", "rag") and reg.numbers["techniques"] == ["rag"]
    assert reg.numbers["broken"] == 6 and reg.rows == tuple(f"q{i}" for i in range(9, 15))
