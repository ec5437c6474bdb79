"""The Japanese sample project: the same product, story and advice as the English one, in Japanese."""

from __future__ import annotations

import json
import re
from pathlib import Path

from desktop_app.cli import main as cli
from desktop_app.core.knowledge.config import KnowledgeSettings
from desktop_app.core.knowledge.lab import Grid
from desktop_app.core.knowledge.readiness import readiness
from desktop_app.core.knowledge.sweep import sweep
from desktop_app.core.project.folder import Project
from desktop_app.core.run.project_scores import current_results
from desktop_app.core.run.store import ResultStore
from desktop_app.core.sample import ensure_sample_project

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ENGLISH, JAPANESE = RESOURCES / "sample_project", RESOURCES / "sample_project_ja"
KANA = re.compile(r"[\u3040-\u30ff]")


def _json(capsys, *args) -> dict | list:
    assert cli(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_japanese_sample_gives_the_english_samples_advice(tmp_path, capsys):
    """A Japanese first launch shows the same three runs and the same recommendation, with Japanese rows; only the
    RAG run differs, as its passages are what the Japanese documents' own index retrieves."""
    english = ensure_sample_project(ENGLISH, tmp_path)
    japanese = ensure_sample_project(JAPANESE, tmp_path)
    assert english != japanese and (english / "project.json").exists()  # side by side, neither replaced
    project = Project.open(japanese)
    assert project.data["sample"] is True and project.name.startswith("サンプル")
    assert project.section("dataset")["examples"]["count"] == 6

    en_runs = _json(capsys, "results", str(english), "--json")
    ja_runs = _json(capsys, "results", str(japanese), "--json")
    assert [r["name"] for r in ja_runs] == ["ベースライン", "Few-shot (k=3)", "RAG (top-3)"]
    for en, ja in zip(en_runs[:2], ja_runs[:2]):
        for key in ("rows", "content_score", "behaviour_score", "pass_rate", "unsure", "technique_position"):
            assert ja[key] == en[key], (ja["name"], key)
    assert ja_runs[2]["pass_rate"] > ja_runs[1]["pass_rate"] and ja_runs[2]["unsure"] == 0

    en_advice = _json(capsys, "advise", str(english), "--json")
    ja_advice = _json(capsys, "advise", str(japanese), "--json")
    for key in ("recommendation", "checklist", "focus", "confidence_level"):
        assert ja_advice[key] == en_advice[key], key
    assert ja_advice["recommendation"] == "improve_retrieval"
    assert ja_advice["gaps"] == {"knowledge": 0, "behaviour": 0, "retrieval": 6, "generation": 2}
    assert en_advice["gaps"] == {"knowledge": 0, "behaviour": 0, "retrieval": 4, "generation": 2}


def test_japanese_sample_rows_and_answers_are_japanese(tmp_path):
    """The Results page of the Japanese sample shows Japanese questions and Japanese answers."""
    project = Project.open(ensure_sample_project(JAPANESE, tmp_path))
    rows = [json.loads(line) for line in project.rows_file.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 36 and all(KANA.search(r["input"]) for r in rows)
    with ResultStore(project.results_db) as store:
        results = current_results(project, store)
        runs = store.runs()
    for run in runs:
        assert len(results[run.id]) == 30
        assert all(KANA.search(r.output) for r in results[run.id]), run.name
        # The inferred language check (behaviour) passes: every answer is in Japanese.
        assert all(v.passed for r in results[run.id] for v in r.verdicts if v.check == "language")
    rag = results[runs[-1].id]
    assert all(
        p.source.endswith(("_ja.md", "_ja.txt", "_ja.csv")) and KANA.search(p.text) for r in rag for p in r.passages
    )


def test_japanese_documents_are_found_with_the_default_bigram_tokeniser(tmp_path):
    """Readiness measures the Japanese documents at the sample's setting, and the retrieval lab finds a setting that
    puts every answer in the top passages."""
    project = Project.open(ensure_sample_project(JAPANESE, tmp_path))
    assert KnowledgeSettings.from_section(project.section("knowledge")).tokenizer == "bigram"
    result = readiness(project)
    assert result["evaluated"] == 30 and result["in_top_k"] == 23
    grid = Grid(chunkings=((600, 100),), top_ks=(3, 5), weights=(0.2, 0.4), tokenizers=("bigram", "sudachi"))
    lab = sweep(project, grid)
    assert lab.current is not None and lab.current.share == result["share"]
    assert lab.best is not None and lab.best.share == 1.0 and lab.improves
