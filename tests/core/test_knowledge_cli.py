"""knowledge-add / knowledge-search / readiness on the command line, and a RAG run end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.project.folder import Project
from tests.scripted_server import last_user_text, prompt_text

FACTS = {  # question -> (expected answer, the manual sentence that holds it)
    "How long does the Orion Aurora battery last?": (
        "14 hours",
        "The Orion Aurora runs for up to 14 hours on a full charge.",
    ),
    "How heavy is the Vela Breeze?": ("820 grams", "Without accessories the Vela Breeze weighs 820 grams."),
    "What is the warranty of the Lyra Comet?": ("36 months", "The Lyra Comet is covered by a warranty of 36 months."),
    "Helix Novaの保証期間は？": ("3年間", "Helix Novaの保証期間は購入日から3年間です。"),
    "How loud is the Juno Flux?": ("62 decibels", "At full speed the Juno Flux produces 62 decibels."),
    "Which voltage does the Atlas Jet need?": ("110 volts", "Connect the Atlas Jet only to a 110 volts outlet."),
}


def _docs(folder: Path) -> Path:
    folder.mkdir()
    for i, (_q, (_a, sentence)) in enumerate(FACTS.items()):
        (folder / f"manual{i}.md").write_text(
            f"# Manual {i}\n\n{sentence}\n\nKeep this manual for reference.\n", encoding="utf-8"
        )
    (folder / "notes.md").write_text("General safety notes. Read all instructions first.", encoding="utf-8")
    return folder


def _project(tmp_path: Path, questions=FACTS) -> Path:
    data = tmp_path / "eval.csv"
    data.write_text(
        "id,question,answer\n" + "".join(f"q{i},{q},{a}\n" for i, (q, (a, _s)) in enumerate(questions.items())),
        encoding="utf-8",
    )
    project = tmp_path / "proj"
    assert main(["new", str(project), "--dataset", str(data)]) == 0
    return project


def test_add_search_and_readiness_commands(tmp_path, capsys):
    """A script can add documents, search them and measure readiness, with JSON output to parse."""
    project = _project(tmp_path)
    docs = _docs(tmp_path / "docs")
    capsys.readouterr()
    assert main(["knowledge-add", str(project), str(docs)]) == 0
    out = capsys.readouterr().out
    assert "read 7, replaced 0, unchanged 0, failed 0" in out
    assert main(["knowledge-search", str(project), "Vela Breeze weight", "--k", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. [") and "820 grams" in out.split("2. [")[0]
    assert main(["knowledge-search", str(project), "保証期間", "--k", "1", "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert "3年間" in hit["text"] and hit["source"].endswith(".md")
    assert main(["readiness", str(project), "--k", "3", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["evaluated"], result["k"]) == (6, 3) and result["share"] >= 5 / 6
    assert main(["readiness", str(project)]) == 0
    assert "rows" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, needle",
    [
        (["knowledge-add", "{missing}", "x.md"], "No project found"),
        (["knowledge-search", "{project}", "battery"], "no documents"),
        (["knowledge-search", "{project}", "battery", "--k", "0"], "out of range"),
        (["knowledge-add", "{project}", "{tmp}/nothing.pdf"], "None of the given files"),
        (["readiness", "{project}"], "no documents"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, argv, needle):
    """Wrong folders, an empty knowledge base or a bad --k: exit code 2 and one plain line on stderr."""
    project = _project(tmp_path)
    capsys.readouterr()
    args = [a.format(missing=tmp_path / "nope", project=project, tmp=tmp_path) for a in argv]
    try:
        code = main(args)
    except SystemExit as exc:  # argparse's own usage errors exit from inside main
        code = exc.code
    err = capsys.readouterr().err.strip()
    assert code == 2 and needle in err and len(err.splitlines()) == 1


def test_rag_run_answers_only_with_the_right_passage(tmp_path, scripted_server):
    """A RAG variant puts the passage with the fact into the prompt, so it answers what the baseline cannot."""
    from desktop_app.core.run.project import run_variants
    from desktop_app.core.run.store import ResultStore

    project_dir = _project(tmp_path)
    assert main(["connect", str(project_dir), "--base-url", scripted_server.base_url, "--model", "gpt-4o-mini"]) == 0
    assert main(["knowledge-add", str(project_dir), str(_docs(tmp_path / "docs"))]) == 0

    def answer(request):  # the model knows nothing: it answers only from a sentence in its prompt
        question = next(q for q in FACTS if q in last_user_text(request) or q in prompt_text(request))
        expected, sentence = FACTS[question]
        return expected if sentence in prompt_text(request) else "I do not know."

    scripted_server.chat_rule = answer
    project = Project.open(project_dir)
    summaries = {s.run.name: s for s in run_variants(project, ["baseline", "rag"])}
    assert summaries["baseline"].pass_rate == 0.0
    assert summaries["rag"].pass_rate == 1.0
    assert summaries["rag"].context_recall == 1.0 and summaries["rag"].faithfulness == 1.0
    store = ResultStore(project.results_db)
    rag_rows = store.results(summaries["rag"].run.id)
    assert len(rag_rows) == len(FACTS) and all(r.passages for r in rag_rows)
    assert all(any(v.family == "retrieval" for v in r.verdicts) for r in rag_rows)
    assert not any(r.passages for r in store.results(summaries["baseline"].run.id))


def test_rag_run_reranks_passages_with_the_model_when_the_setting_is_on(tmp_path, scripted_server):
    """With re-ranking on, the passages a RAG prompt gets are ordered by the model's relevance ratings."""
    from desktop_app.core.run.project import run_variants
    from desktop_app.core.run.store import ResultStore

    project_dir = _project(tmp_path)
    assert main(["connect", str(project_dir), "--base-url", scripted_server.base_url, "--model", "gpt-4o-mini"]) == 0
    assert main(["knowledge-add", str(project_dir), str(_docs(tmp_path / "docs"))]) == 0
    project = Project.open(project_dir)
    project.set_section("knowledge", {**project.section("knowledge"), "rerank": True})

    def answer(request):
        text = prompt_text(request)
        if "Rate from 0" in text:  # the re-ranker: the safety notes are rated most useful, all else 1
            return "10" if "General safety notes" in text else "1"
        return "I do not know."

    scripted_server.chat_rule = answer
    (summary,) = run_variants(project, ["rag"])
    rows = ResultStore(project.results_db).results(summary.run.id)
    assert rows and all(Path(r.passages[0].source).name == "notes.md" for r in rows)
    assert any("Rate from 0" in prompt_text(r) for r in scripted_server.chat_requests())
