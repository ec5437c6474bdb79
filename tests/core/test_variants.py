"""Variants: the ladder of presets, grid positions and the exact messages sent."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.errors import RunError
from desktop_app.core.project.folder import Project
from desktop_app.core.records import Passage, Row
from desktop_app.core.variants.variant import (
    PRESETS,
    Variant,
    answer_part,
    build_messages,
    choose_examples,
    load_variants,
    preset,
    resolve_variants,
    save_variants,
)

ROW = Row("r1", "保証期間は？", "1年", context="", category="warranty")
POOL = [Row(f"e{i}", f"example question {i}", f"example answer {i}") for i in range(10)]


def test_presets_cover_the_ladder_and_sit_on_the_grid():
    """Every rung of the talk's ladder is a preset, placed where the technique map shows it."""
    expected = {
        "baseline": (0, 0),
        "instructions": (1, 0),
        "step_by_step": (1, 0),
        "few_shot": (2, 0),
        "rag": (1, 1),
        "rag_few_shot": (2, 1),
        "fine_tuned": (3, 0),
        "fine_tuned_rag": (3, 1),
    }
    assert {name: preset(name).grid_position for name in PRESETS} == expected


def test_grid_position_takes_the_strongest_technique_per_axis():
    """Fine-tuned beats few-shot on x; tuned retrieval beats plain RAG on y."""
    v = Variant("mix", techniques=("instructions", "few_shot", "fine_tuned", "rag", "rag_tuned"))
    assert v.grid_position == (3, 2)
    assert Variant("s", techniques=("step_by_step",)).grid_position == (1, 0)


def test_unknown_technique_is_refused_with_the_list():
    """A typo in a technique is caught when the variant is made, naming the valid ones."""
    with pytest.raises(RunError, match="rag_tunned") as err:
        Variant("x", techniques=("rag_tunned",))
    assert "rag_tuned" in err.value.hint


def test_baseline_sends_only_the_question():
    """Baseline is the bare question: no system prompt, no examples, no context."""
    assert build_messages(preset("baseline"), ROW, POOL) == [{"role": "user", "content": "保証期間は？"}]


def test_few_shot_uses_only_the_pool_and_is_stable_per_row():
    """Few-shot examples come from the examples pool, the same k for a row on every run."""
    v = preset("few_shot", k=3)
    first = build_messages(v, ROW, POOL)
    assert first == build_messages(v, ROW, list(reversed(POOL)))  # pool order does not matter
    shots = [m["content"] for m in first if m["role"] == "assistant"]
    assert len(shots) == 3 and all(s.startswith("example answer") for s in shots)
    picks = {tuple(e.id for e in choose_examples(Row(f"r{i}", f"q{i}", "a"), POOL, 3)) for i in range(10)}
    assert len(picks) > 1  # different rows see different examples, so no single trio dominates
    assert first[0]["role"] == "system" and first[-1] == {"role": "user", "content": "保証期間は？"}


def test_examples_never_include_the_row_itself():
    """A row that also sits in the pool by mistake is never shown its own answer."""
    pool = POOL + [ROW]
    for k in (1, 5, 11):
        assert ROW not in choose_examples(ROW, pool, k)


def test_inline_examples_and_numbered_passages_with_sources():
    """{examples} and {context} fill in place; passages are numbered with their source and page."""
    v = Variant(
        "custom",
        techniques=("few_shot", "rag"),
        k=2,
        template='Examples:\n{examples}\n\nContext:\n{context}\n\nQ: {input} ({category}) {"json": 1}',
    )
    passages = [Passage("Warranty is one year.", "manual.pdf", page=3), Passage("Returns in 30 days.", "faq.md")]
    (msg,) = build_messages(v, ROW, POOL, passages)
    text = msg["content"]
    assert "[1] (source: manual.pdf, p. 3)\nWarranty is one year." in text
    assert "[2] (source: faq.md)\nReturns in 30 days." in text
    assert text.count("Input: example question") == 2 and "Q: 保証期間は？ (warranty)" in text
    assert text.endswith('{"json": 1}')  # braces that are not placeholders stay as written


def test_row_context_fills_context_when_nothing_was_retrieved():
    """A dataset's own context column is used for {context} when no passages are given."""
    row = Row("r9", "q", "a", context="given context")
    assert "given context" in build_messages(preset("rag"), row, [])[-1]["content"]


def test_step_by_step_is_judged_on_its_final_answer():
    """Reasoning before "Answer:" is kept in the output but checks read only the answer."""
    v = preset("step_by_step")
    assert answer_part(v, "First... then...\nAnswer: 1年") == "1年"
    assert answer_part(v, "no marker at all") == "no marker at all"
    assert answer_part(preset("baseline"), "x Answer: y") == "x Answer: y"


def test_round_trip_through_project_json(tmp_path):
    """Variants saved in project.json come back equal, and unknown newer keys are ignored."""
    project = Project.create(tmp_path / "p")
    variants = [preset("rag_few_shot", name="rag-fs", k=5, top_k=3), preset("fine_tuned", model="ft:gpt-4o-mini:x")]
    save_variants(project, variants)
    reopened = Project.open(tmp_path / "p")
    assert load_variants(reopened) == variants
    data = json.loads((tmp_path / "p" / "project.json").read_text())
    data["variants"][0]["from_the_future"] = 1
    (tmp_path / "p" / "project.json").write_text(json.dumps(data))
    assert load_variants(Project.open(tmp_path / "p"))[0] == variants[0]


def test_resolve_variants_by_name_preset_or_default(tmp_path):
    """run --variants finds project variants first, then presets; an unknown name lists the choices."""
    project = Project.create(tmp_path / "p")
    assert [v.name for v in resolve_variants(project, None)] == ["baseline"]
    assert [v.name for v in resolve_variants(project, None, has_examples=True)] == ["baseline", "few_shot"]
    save_variants(project, [preset("rag", name="my-rag", top_k=2)])
    assert [v.name for v in resolve_variants(project, None)] == ["my-rag"]
    assert [v.top_k for v in resolve_variants(project, ["my-rag", "instructions"])] == [2, 0]
    with pytest.raises(RunError, match="nope") as err:
        resolve_variants(project, ["nope"])
    assert "my-rag" in err.value.hint and "baseline" in err.value.hint


def test_duplicate_variant_names_are_refused(tmp_path):
    """Two variants with one name would mix their results: refused with a hint."""
    project = Project.create(tmp_path / "p")
    project.set_section("variants", [preset("rag").to_dict(), preset("rag").to_dict()])
    with pytest.raises(RunError, match="share the name"):
        load_variants(project)


def test_a_run_named_after_its_preset_is_shown_as_its_ladder_step():
    """Runs the user never named read "Few-shot (k=3)", not the internal key; a chosen name stays as typed."""
    from desktop_app.core.variants import preset, run_label

    few = preset("few_shot", k=5).to_dict()
    assert run_label("few_shot", few) == "Few-shot (k=5)"
    assert run_label("my run", few) == "my run"
    assert run_label("rag", preset("rag").to_dict()) == "RAG"
    assert run_label("rag", preset("rag", top_k=4).to_dict()) == "RAG (top-4)"
    assert (
        run_label("fine_tuned", preset("fine_tuned", model="ft:gpt-4o-mini:acme::x").to_dict())
        == "Fine-tuned (ft:gpt-4o-mini:acme::x)"
    )
    assert run_label("imported", {"source": "x.csv"}) == "imported"
