"""`advise PROJECT [--json]` reads the project's results store and prints the advice."""

from __future__ import annotations

import json

from desktop_app.cli import main
from desktop_app.core.advice.model import CONTRACT_KEYS, EXTENSION_KEYS
from desktop_app.core.data.rows import import_dataset
from desktop_app.core.project.folder import Project
from desktop_app.core.run.store import ResultStore
from tests.core.test_advisor_gaps import make_run, outcomes


def _project(tmp_path, runs, **sections):
    project = Project.create(tmp_path / "proj")
    for key, value in sections.items():
        project.set_section(key, value)
    with ResultStore(project.results_db) as store:
        for info, rows in runs:
            store.add_complete_run(info.name, info.techniques, rows, imported=False)
    return project


def test_advise_json_prints_the_contract_from_the_stored_runs(tmp_path, capsys):
    """A CI script gets the recommendation and evidence of the runs stored in the project."""
    project = _project(
        tmp_path,
        [
            make_run(0, "baseline", (), outcomes(knowledge=12, behaviour=5, **{"pass": 3})),
            make_run(0, "rag", ("instructions", "rag"), outcomes(retrieval=2, behaviour=1, **{"pass": 17})),
        ],
        target_pass_rate=0.95,
        dataset={"examples": {"count": 7, "ids": []}},
    )
    assert main(["advise", str(project.root), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == set(CONTRACT_KEYS) | set(EXTENSION_KEYS)
    # RAG is the best run already: the move named is the next one on top of it
    assert data["recommendation"] == "improve_retrieval" and data["focus"] == "on_rag"
    assert data["target"] == 0.95 and data["from_run"] == "rag"
    assert data["confidence_level"] in ("high", "moderate", "low") and "few_rows" in data["confidence_reasons"]
    assert [r["name"] for r in data["runs"]] == ["baseline", "rag"]
    fixed = [e for e in data["evidence"] if e["kind"] == "technique_fixed" and e["numbers"]["gap"] == "knowledge"]
    assert fixed[0]["numbers"]["fixed"] == 10 and fixed[0]["runs"] == ["baseline", "rag"]


def test_advise_prints_a_short_plain_summary(tmp_path, capsys):
    """Without --json a person reads the next step, the gaps, each run and the checklist."""
    project = _project(tmp_path, [make_run(0, "baseline", (), outcomes(behaviour=16, **{"pass": 4}))])
    assert main(["advise", str(project.root)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Next step: prompt_engineering (confidence moderate: few rows")  # words, not a made-up number
    assert "behaviour 16" in out and "baseline" in out and "Checklist: clear_instructions" in out
    assert len(out.splitlines()) < 20


def test_advise_without_runs_exits_2_with_one_line(tmp_path, capsys):
    """A new project gets one line telling the user to run or import a run first, and no store is created."""
    project = Project.create(tmp_path / "empty")
    assert main(["advise", str(project.root)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Run or import a run first" in err
    assert not project.results_db.exists()
    ResultStore(project.results_db).close()  # a store with no runs says the same
    assert main(["advise", str(project.root), "--json"]) == 2
    assert "Run or import a run first" in capsys.readouterr().err


def test_advise_on_a_folder_that_is_not_a_project_exits_2(tmp_path, capsys):
    """A wrong folder gets a one-line message, not a traceback."""
    assert main(["advise", str(tmp_path / "nowhere")]) == 2
    assert "project.json" in capsys.readouterr().err


def test_advise_with_a_percent_target_in_project_json_exits_2(tmp_path, capsys):
    """A target written as 90 instead of 0.9 is explained with how to fix it."""
    project = _project(tmp_path, [make_run(0, "baseline", (), ["pass"] * 3)], target_pass_rate=90)
    assert main(["advise", str(project.root)]) == 2
    assert "0.9" in capsys.readouterr().err


def test_advise_with_readiness_measures_the_documents_before_any_rag_run(tmp_path, capsys):
    """Before RAG is tried, the advice can rest on whether the documents actually hold the answers."""
    project = Project.create(tmp_path / "proj")
    data = tmp_path / "eval.csv"
    data.write_text(
        "id,question,answer\n"
        "q1,Where is the Zorblat head office?,Kettering\n"
        "q2,Who founded Zorblat?,Mirela Oduya\n"
        "q3,What colour is the Zorblat logo?,teal\n"
        "q4,How many staff does Zorblat employ?,4127\n",
        encoding="utf-8",
    )
    doc = tmp_path / "handbook.md"
    doc.write_text(
        "# Zorblat handbook\n\nThe Zorblat head office is in Kettering.\n\n"
        "Zorblat was founded by Mirela Oduya in 1998.\n\nThe Zorblat logo is teal.\n",
        encoding="utf-8",
    )
    import_dataset(project, data, mapping={"input": "question", "expected": "answer", "id": "id"})
    assert main(["knowledge-add", str(project.root), str(doc)]) == 0
    with ResultStore(project.results_db) as store:
        info, rows = make_run(0, "baseline", (), outcomes(knowledge=4))
        store.add_complete_run(info.name, info.techniques, rows)
    capsys.readouterr()
    assert main(["advise", str(project.root), "--json", "--readiness"]) == 0
    data = json.loads(capsys.readouterr().out)
    ready = [e for e in data["evidence"] if e["kind"] == "readiness"][0]
    assert data["recommendation"] == "rag" and ready["numbers"]["share"] == 0.75 and ready["rows"] == ["q4"]
    assert data["checklist_details"][1]["numbers"] == {"share": 0.75}


def test_advise_judges_by_a_check_added_after_the_runs(tmp_path, capsys):
    """A check added after a run counts in the advice at once, as in the results, with no rerun."""
    project = Project.create(tmp_path / "proj")
    data = tmp_path / "eval.csv"
    data.write_text(
        "id,question,answer\nq1,Where is the Zorblat head office?,Kettering\n"
        "q2,Who founded Zorblat?,Mirela Oduya\nq3,What colour is the Zorblat logo?,teal\n",
        encoding="utf-8",
    )
    import_dataset(project, data, mapping={"input": "question", "expected": "answer", "id": "id"})
    outputs = tmp_path / "outs.csv"
    outputs.write_text("id,output\nq1,Kettering\nq2,Mirela Oduya\nq3,teal\n", encoding="utf-8")
    assert main(["import-run", str(project.root), "ext", str(outputs), "--techniques", "none"]) == 0
    capsys.readouterr()
    assert main(["advise", str(project.root), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["recommendation"] == "good_enough"
    assert main(["check-add", str(project.root), "regex", r"^\{"]) == 0  # now the answers must be JSON
    capsys.readouterr()
    assert main(["advise", str(project.root), "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert after["recommendation"] == "prompt_engineering" and after["gaps"]["behaviour"] == 3
