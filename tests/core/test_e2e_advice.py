"""The advisor picks the right next step from real runs: CLI-built projects, the real runner and
openai client against the scripted server, then `advise --json`. One scenario per recommendation,
the right answer known by construction (see tests/core/e2e_support.py)."""

from __future__ import annotations

import json

import pytest

from tests.core.e2e_support import (
    STYLES,
    add_documents,
    advise,
    answers,
    checklist_numbers,
    cli,
    evidence,
    facts,
    new_project,
    run,
    split_ids,
)


@pytest.fixture(params=STYLES)
def style(request) -> str:
    """How the scripted model words its answers: exactly, verbosely, or in paraphrase (as real models do)."""
    return request.param


def test_fictional_company_qa_goes_rag_then_good_enough(style, tmp_path, scripted_server, capsys):
    """Facts only the documents hold: baseline and instructions fail -> rag; RAG fixes them -> adopt, then done."""
    items = facts(16)
    root = new_project(tmp_path, scripted_server, items)
    scripted_server.chat_rule = answers(style=style)
    run(root, "baseline", "instructions")
    advice = advise(root, capsys)
    rows = [f.id for f in items]
    assert advice["recommendation"] == "rag"
    assert advice["gaps"] == {"knowledge": 16, "behaviour": 0, "retrieval": 0, "generation": 0}
    assert evidence(advice, "knowledge_gap_share")[0]["rows"] == rows
    assert [r["pass_rate"] for r in advice["runs"]] == [0.0, 0.0]

    missing = {"q05", "q11"}
    add_documents(tmp_path, root, [f for f in items if f.id not in missing])
    ready = advise(root, capsys, "--readiness")  # measured before any RAG run: 14 of 16 answers are there
    (readiness,) = evidence(ready, "readiness")
    assert ready["recommendation"] == "rag" and readiness["rows"] == sorted(missing)
    assert readiness["numbers"]["share"] == 14 / 16 and ready["confidence"] > advice["confidence"]

    run(root, "rag")
    advice = advise(root, capsys)  # the two answers RAG missed are in no document: add them, not tune search
    assert advice["recommendation"] == "improve_retrieval" and advice["focus"] == "add_documents"
    assert advice["from_run"] == "rag" and advice["evidence"][0]["kind"] == "not_in_documents"
    assert advice["evidence"][0]["rows"] == sorted(missing) and advice["checklist"][0] == "add_missing_documents"
    assert set(advice["row_inputs"]) >= missing  # each linked row comes with the start of its question
    assert advice["gaps"] == {"knowledge": 0, "behaviour": 0, "retrieval": 2, "generation": 0}
    fixed = [e for e in evidence(advice, "technique_fixed") if e["runs"] == ["baseline", "rag"]][0]
    assert (fixed["numbers"]["fixed"], fixed["numbers"]["of"], fixed["numbers"]["gap"]) == (14, 16, "knowledge")
    assert fixed["rows"] == [r for r in rows if r not in missing]
    assert evidence(advice, "retrieval_gap_share")[0]["rows"] == sorted(missing)
    assert evidence(advice, "token_cost")  # RAG's extra prompt tokens are part of the evidence

    add_documents(tmp_path, root, [f for f in items if f.id in missing], folder="more_docs")
    run(root, "rag")  # new documents: a new run of the same variant
    advice = advise(root, capsys)
    assert advice["recommendation"] == "good_enough"
    assert advice["runs"][-1]["pass_rate"] == 1.0 and advice["runs"][-1]["name"] == "rag"
    assert evidence(advice, "pass_rate")[0]["numbers"]["pass_rate"] == 1.0


STRICT_SCHEMA = (
    '{"type": "object", "required": ["answer"], "additionalProperties": false, '
    '"properties": {"answer": {"type": "string"}}}'
)


def test_strict_json_goes_prompt_engineering_then_fine_tuning_at_a_plateau(style, tmp_path, scripted_server, capsys):
    """Right facts in prose where JSON is required: prompt work first; few-shot leaves a plateau -> fine-tune."""
    root = new_project(tmp_path, scripted_server, facts(20), as_json=True, examples=4)
    schema = tmp_path / "schema.json"
    schema.write_text(STRICT_SCHEMA, encoding="utf-8")
    cli("check-add", root, "json-schema", f"@{schema}")
    rows, pool = split_ids(root)
    assert len(rows) == 16 and len(pool) == 4
    instructed, stubborn = rows[:4], rows[-5:]
    scripted_server.chat_rule = answers(
        style=style,
        knows_without_passage=True,
        json_with_examples=True,
        json_with_instructions=instructed,
        stubborn=stubborn,
    )
    run(root, "baseline")
    advice = advise(root, capsys)
    assert advice["recommendation"] == "prompt_engineering"
    assert advice["gaps"] == {"knowledge": 0, "behaviour": 16, "retrieval": 0, "generation": 0}
    assert advice["evidence"][0]["kind"] == "behaviour_gap_share" and advice["evidence"][0]["rows"] == rows
    assert advice["checklist"] == [
        "clear_instructions",
        "split_task",
        "step_by_step",
        "few_shot_examples",
        "output_format_spec",
    ]
    assert not any(c["done"] for c in advice["checklist_details"])

    run(root, "instructions")
    advice = advise(root, capsys)
    assert advice["recommendation"] == "prompt_engineering" and advice["from_run"] == "instructions"
    done = {c["id"]: c["done"] for c in advice["checklist_details"]}
    assert done["clear_instructions"] and not done["few_shot_examples"]
    fixed = evidence(advice, "technique_fixed")[0]
    assert fixed["numbers"]["gap"] == "behaviour" and fixed["rows"] == instructed

    run(root, "few_shot")
    advice = advise(root, capsys)
    assert advice["recommendation"] == "fine_tuning" and advice["from_run"] == "few_shot"
    assert advice["gaps"] == {"knowledge": 0, "behaviour": 5, "retrieval": 0, "generation": 0}
    (plateau,) = evidence(advice, "plateau")
    assert plateau["rows"] == stubborn and plateau["runs"] == ["instructions", "few_shot"]
    assert plateau["numbers"]["remaining"] == 5 and plateau["numbers"]["fixed"] == 12 - 5
    assert "use_examples_pool" in advice["checklist"] and "small_high_quality_set" in advice["checklist"]
    assert checklist_numbers(advice, "use_examples_pool")["pool"] == 4
    assert [r["technique_position"] for r in advice["runs"]] == [[0, 0], [1, 0], [2, 0]]


@pytest.mark.parametrize("fails", [(), ("q06", "q07")], ids=["clean", "with-500s"])
def test_index_missing_a_third_of_the_answers_goes_improve_retrieval(style, tmp_path, scripted_server, capsys, fails):
    """The documents of 5 of 15 rows are not indexed: improve retrieval, naming exactly those rows;
    rows whose requests failed with 500s are errors, and every other row keeps its classification."""
    items = facts(15)
    missing = ["q03", "q06", "q09", "q12", "q15"]
    root = new_project(tmp_path, scripted_server, items)
    add_documents(tmp_path, root, [f for f in items if f.id not in missing])
    scripted_server.chat_rule = answers(style=style)
    run(root, "baseline")
    scripted_server.chat_rule = answers(style=style, fails=fails)
    run(root, "rag", expect=3 if fails else 0)  # rows ending in errors: exit 3, never a silent 0
    advice = advise(root, capsys)
    answered_missing = [r for r in missing if r not in fails]
    good = [f.id for f in items if f.id not in missing and f.id not in fails]
    assert advice["recommendation"] == "improve_retrieval" and advice["from_run"] == "rag"
    assert advice["gaps"] == {"knowledge": 0, "behaviour": 0, "retrieval": len(answered_missing), "generation": 0}
    assert advice["errors"] == len(fails)
    assert evidence(advice, "retrieval_gap_share")[0]["rows"] == answered_missing
    fixed = [e for e in evidence(advice, "technique_fixed") if e["numbers"]["gap"] == "knowledge"][0]
    assert fixed["rows"] == good and fixed["numbers"]["of"] == 15
    errors = evidence(advice, "errors")
    assert [(e["numbers"]["errors"], e["numbers"]["rows"], e["rows"], e["runs"]) for e in errors] == (
        [(2, 15, list(fails), ["rag"])] if fails else []
    )
    assert all(e["numbers"]["commonest"].startswith("http_500") for e in errors)  # what went wrong, quoted
    assert advice["checklist"][0] == "add_missing_documents"
    assert checklist_numbers(advice, "add_missing_documents") == {"rows": len(answered_missing)}
    assert {"chunk_size", "hybrid_search", "rerank", "query_expansion", "hyde"} <= set(advice["checklist"])
    costly = {c["id"] for c in advice["checklist_details"] if c["costly"]}
    assert costly == {"hyde", "finetune_embeddings"}
    assert scripted_server.count() == 15 + 15 + 2 * len(fails)  # each failing row: 1 try + 2 retries


GROUNDING = [
    "answer_only_from_passages",
    "cite_passages",
    "say_when_not_found",
    "passages_before_question",
    "grounded_few_shot_examples",
]


def test_answers_that_ignore_the_right_passages_get_grounding_advice(style, tmp_path, scripted_server, capsys):
    """Passages hold the answer but 12 of 16 answers ignore them: grounding prompt work, then a stronger model
    (fine-tuning beside it)."""
    root = new_project(tmp_path, scripted_server, facts(20), examples=4)
    rows, pool = split_ids(root)
    add_documents(tmp_path, root, facts(20))
    ignoring = rows[:12]
    scripted_server.chat_rule = answers(style=style, ignores=ignoring)
    run(root, "baseline", "rag")
    advice = advise(root, capsys)
    assert advice["recommendation"] == "prompt_engineering" and advice["from_run"] == "rag"
    assert advice["gaps"] == {"knowledge": 0, "behaviour": 0, "retrieval": 0, "generation": 12}
    assert advice["evidence"][0]["kind"] == "generation_gap_share" and advice["evidence"][0]["rows"] == ignoring
    assert advice["checklist"] == GROUNDING
    assert checklist_numbers(advice, "grounded_few_shot_examples")["pool"] == 4
    done = {c["id"] for c in advice["checklist_details"] if c["done"]}  # the rag preset's prompt already does these
    assert done == {"answer_only_from_passages", "say_when_not_found", "passages_before_question"}

    run(root, "rag_few_shot")  # prompt work on top of RAG; the answers still ignore the passages
    advice = advise(root, capsys)
    assert advice["recommendation"] == "stronger_model" and advice["focus"] == "grounding"
    assert advice["gaps"]["generation"] == 12
    assert advice["checklist"][:3] == ["try_stronger_model", "same_rows_same_checks", "fine_tune_instead"]
    (plateau,) = evidence(advice, "plateau")
    assert plateau["numbers"]["gap"] == "generation" and plateau["rows"] == ignoring


def _mixed_project(tmp_path, server, capsys, *, shuffle_seed=None, name="proj", style="exact"):
    """JSON answers from documents: 4 rows' documents missing, 5 rows that keep prose even with
    examples, 1 row that ignores its passage; baseline, rag, few_shot and rag_few_shot measured."""
    root = new_project(tmp_path, server, facts(20), as_json=True, examples=4, shuffle_seed=shuffle_seed, name=name)
    rows, _ = split_ids(root)
    missing, stubborn, ignoring = rows[:4], rows[4:9], rows[9:10]
    add_documents(tmp_path, root, [f for f in facts(20) if f.id not in missing], folder=f"{name}_docs")
    server.chat_rule = answers(style=style, json_with_examples=True, stubborn=stubborn, ignores=ignoring)
    run(root, "baseline", "rag", "few_shot", "rag_few_shot")
    return advise(root, capsys), (missing, stubborn, ignoring)


def test_knowledge_and_behaviour_gaps_left_after_rag_and_few_shot_go_fine_tuning_and_rag(
    style, tmp_path, scripted_server, capsys
):
    """Both axes' cheap steps measured and both gaps still large: fine-tune and keep RAG."""
    advice, (missing, stubborn, ignoring) = _mixed_project(tmp_path, scripted_server, capsys, style=style)
    assert advice["recommendation"] == "fine_tuning_and_rag" and advice["from_run"] == "rag_few_shot"
    assert advice["gaps"] == {"knowledge": 0, "behaviour": 5, "retrieval": 4, "generation": 1}
    shares = {e["kind"]: e["rows"] for e in advice["evidence"] if e["kind"].endswith("_gap_share")}
    assert shares == {"behaviour_gap_share": stubborn, "retrieval_gap_share": missing, "generation_gap_share": ignoring}
    assert advice["checklist"][:2] == ["train_with_retrieved_passages", "keep_improving_retrieval"]
    assert checklist_numbers(advice, "keep_improving_retrieval") == {"rows": 4}
    assert checklist_numbers(advice, "use_examples_pool")["pool"] == 4
    by_name = {r["name"]: r for r in advice["runs"]}
    assert by_name["rag_few_shot"]["pass_rate"] == 6 / 16 and by_name["rag_few_shot"]["technique_position"] == [2, 1]
    assert by_name["baseline"]["pass_rate"] == 0.0


def _comparable(advice: dict) -> dict:
    """The advice without what a clock measures (latency) or what depends on creation order (ids)."""

    def untimed(items):
        return [{**e, "numbers": {k: v for k, v in e["numbers"].items() if "latency" not in k}} for e in items]

    return {
        "recommendation": advice["recommendation"],
        "confidence": advice["confidence"],
        "gaps": advice["gaps"],
        "evidence": untimed(advice["evidence"]),
        "checklist": untimed(advice["checklist_details"]),
        "runs": [
            (r["name"], r["pass_rate"], r["content_score"], r["behaviour_score"], r["tokens_per_request"])
            for r in advice["runs"]
        ],
    }


def test_rows_in_another_order_get_the_same_advice(tmp_path, scripted_server, capsys):
    """Shuffling the dataset file changes nothing: same recommendation, gaps, evidence rows and checklist."""
    first, sets = _mixed_project(tmp_path, scripted_server, capsys, name="ordered")
    second, shuffled_sets = _mixed_project(tmp_path, scripted_server, capsys, shuffle_seed=3, name="shuffled")
    assert shuffled_sets == sets
    assert _comparable(second) == _comparable(first)


def test_strong_baseline_is_good_enough_and_advice_follows_checks_edited_later(
    style, tmp_path, scripted_server, capsys
):
    """A model that already knows the answers: good_enough. A check added afterwards is applied at once
    (without a rerun or a model call), so the advice never rests on the old definition of good."""
    root = new_project(tmp_path, scripted_server, facts(12))
    scripted_server.chat_rule = answers(style=style, knows_without_passage=True)
    run(root, "baseline")
    advice = advise(root, capsys)
    assert advice["recommendation"] == "good_enough" and advice["confidence"] > 0
    assert advice["gaps"] == {"knowledge": 0, "behaviour": 0, "retrieval": 0, "generation": 0}
    assert evidence(advice, "pass_rate")[0]["numbers"] == {"pass_rate": 1.0, "target": 0.9, "rows": 12}
    assert advice["checklist"][:3] == ["monitor_production", "regression_set", "rerun_on_model_change"]
    calls = scripted_server.count()

    cli("check-add", root, "regex", r"^\{")  # the team now wants JSON, which the answers are not
    advice = advise(root, capsys)
    assert advice["recommendation"] == "prompt_engineering"
    assert advice["gaps"]["behaviour"] == 12 and advice["runs"][0]["pass_rate"] == 0.0
    assert scripted_server.count() == calls


def test_an_imported_rag_run_is_diagnosed_from_the_passages_it_brought(style, tmp_path, scripted_server, capsys):
    """Outputs of a RAG pipeline built elsewhere, with its passages: rows whose passages lacked the answer
    are retrieval gaps, the row that had it and answered otherwise a generation gap."""
    items = facts(12)
    root = new_project(tmp_path, scripted_server, items)
    scripted_server.chat_rule = answers(style=style)
    run(root, "baseline")
    lacking, unfaithful = ["q02", "q05", "q08"], ["q11"]
    lines = []
    for n, f in enumerate(items):
        shown = items[(n + 1) % len(items)] if f.id in lacking else f  # a neighbour's passage instead
        output = (
            "I do not have that information."
            if f.id in lacking
            else "Norhaven."
            if f.id in unfaithful
            else f"{f.answer}."
        )
        lines.append(
            json.dumps(
                {"id": f.id, "output": output, "contexts": [{"text": shown.passage, "source": f"wiki/{shown.id}.html"}]}
            )
        )
    outputs = tmp_path / "pipeline.jsonl"
    outputs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    calls = scripted_server.count()
    cli("import-run", root, "pipeline", outputs, "--techniques", "instructions,rag")
    advice = advise(root, capsys)
    assert advice["recommendation"] == "improve_retrieval" and advice["from_run"] == "pipeline"
    assert advice["gaps"] == {"knowledge": 0, "behaviour": 0, "retrieval": 3, "generation": 1}
    assert evidence(advice, "retrieval_gap_share")[0]["rows"] == lacking
    assert evidence(advice, "generation_gap_share")[0]["rows"] == unfaithful
    assert [(r["name"], r["is_rag"]) for r in advice["runs"]] == [("baseline", False), ("pipeline", True)]
    assert scripted_server.count() == calls  # importing and advising never call the model
