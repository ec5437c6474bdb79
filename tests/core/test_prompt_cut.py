"""A local server that silently cuts prompts longer than its context window (Ollama's num_ctx, LM
Studio's truncation) is noticed: the run warns, the leaderboard counts the rows, and the advice says
its gaps may not be what they seem, instead of blaming the model for passages it never read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.project.folder import Project
from desktop_app.core.advice.checklist_words import checklist_sentence
from desktop_app.core.advice.evidence_words import evidence_sentence
from tests.scripted_server import prompt_text

FACTS = {  # question -> (expected answer, the manual sentence that holds it)
    "How long does the Orion Aurora battery last?": ("14 hours", "The Orion Aurora runs for 14 hours on a charge."),
    "How heavy is the Vela Breeze?": ("820 grams", "Without accessories the Vela Breeze weighs 820 grams."),
    "Helix Novaの保証期間は？": ("3年間", "Helix Novaの保証期間は購入日から3年間です。"),
    "How loud is the Juno Flux?": ("62 decibels", "At full speed the Juno Flux produces 62 decibels."),
}
# Manuals long enough that eight passages of 2,500 characters make a prompt of about 4,000 tokens.
FILLER = "Read the safety notes before use and keep the packaging for transport. " * 60


def _project(tmp_path: Path, server) -> Path:
    data = tmp_path / "eval.csv"
    data.write_text(
        "id,question,answer\n" + "".join(f"q{i},{q},{a}\n" for i, (q, (a, _s)) in enumerate(FACTS.items())),
        encoding="utf-8",
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, (_q, (_a, sentence)) in enumerate(FACTS.items()):
        (docs / f"manual{i}.md").write_text(f"# Manual {i}\n\n{sentence} {FILLER}\n\n{FILLER}\n", encoding="utf-8")
    project = tmp_path / "proj"
    assert main(["new", str(project), "--dataset", str(data)]) == 0
    assert main(["connect", str(project), "--base-url", server.base_url, "--model", "gpt-4o-mini"]) == 0
    opened = Project.open(project)
    opened.set_section("knowledge", {**opened.section("knowledge"), "chunk_size": 2500, "chunk_overlap": 0, "top_k": 8})
    assert main(["knowledge-add", str(project), str(docs)]) == 0
    return project


def _answer(request: dict) -> str:
    """The model knows nothing: it answers only from a sentence it can read in its (possibly cut) prompt."""
    text = prompt_text(request)
    question = next((q for q in FACTS if q in text), None)
    return FACTS[question][0] if question and FACTS[question][1] in text else "I do not know."


def _json(capsys, *argv) -> dict | list:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("window", [None, 2048])
def test_a_server_that_cuts_prompts_is_named_by_the_run_the_leaderboard_and_the_advice(
    tmp_path, scripted_server, capsys, window
):
    """With a 2,048-token window (Ollama's old default) the RAG answers fail although their passages hold the facts; the run warns,
    results count the cut rows and the advice leads with it, lowering its confidence; with a window that
    fits, nothing is said (no false alarm, Japanese rows included)."""
    scripted_server.context_tokens = window
    scripted_server.chat_rule = _answer
    project = _project(tmp_path, scripted_server)
    capsys.readouterr()
    assert main(["run", str(project), "--variants", "baseline,rag", "--yes"]) == 0
    err = capsys.readouterr().err
    runs = {r["name"]: r for r in _json(capsys, "results", str(project), "--json")}
    advice = _json(capsys, "advise", str(project), "--json")
    kinds = [e["kind"] for e in advice["evidence"]]
    if window is None:
        assert runs["rag"]["prompt_cut"] == 0 and runs["rag"]["pass_rate"] == 1.0
        assert "cut the prompt" not in err and "prompt_cut" not in kinds
        return
    assert runs["rag"]["prompt_cut"] == len(FACTS) and runs["baseline"]["prompt_cut"] == 0
    assert runs["rag"]["pass_rate"] < 1.0  # the facts were in the passages, but cut off before the model
    assert "warning: rag: the server cut the prompt of 4 of 4 rows" in err and "OLLAMA_CONTEXT_LENGTH" in err
    cut = advice["evidence"][0]
    assert cut["kind"] == "prompt_cut" and cut["runs"] == ["rag"] and len(cut["rows"]) == len(FACTS)
    assert cut["numbers"]["read"] == window and cut["numbers"]["sent"] > window
    assert "prompt_cut" in advice["confidence_reasons"] and advice["confidence_level"] != "high"
    first = advice["checklist_details"][0]
    assert first["id"] == "longer_context_window" and first["numbers"]["read"] == window
    sentence = evidence_sentence(cut)
    assert sentence.startswith("The server cut the prompt of 4 of the 4 rows of “rag” to fit its context window")
    assert "OLLAMA_CONTEXT_LENGTH" in sentence
    assert checklist_sentence(first).startswith("First give the model a longer context window: the server read")


def test_a_server_that_leaves_cached_tokens_out_of_its_count_is_not_said_to_cut(tmp_path, scripted_server, capsys):
    """Some Ollama versions count only the prompt tokens not in their cache; those short counts vary with each
    row and fill no window, so no prompt is said to be cut."""
    from tests.scripted_replies import Reply, last_user_text, prompt_tokens_of

    def uncached_only(request: dict) -> Reply:  # the passages were cached: only the question is counted
        return Reply(_answer(request), prompt_tokens=prompt_tokens_of(last_user_text(request)[-200:]))

    scripted_server.chat_rule = uncached_only
    project = _project(tmp_path, scripted_server)
    capsys.readouterr()
    assert main(["run", str(project), "--variants", "rag", "--yes"]) == 0
    assert "cut the prompt" not in capsys.readouterr().err
    (run,) = _json(capsys, "results", str(project), "--json")
    assert run["prompt_cut"] == 0 and run["pass_rate"] == 1.0
