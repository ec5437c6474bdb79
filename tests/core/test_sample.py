"""The sample project a new user sees on first launch: real runs, real advice, offline."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.cli import main as cli
from desktop_app.core.project.folder import Project
from desktop_app.core.sample import ensure_sample_project

SOURCE = Path(__file__).resolve().parents[2] / "resources" / "sample_project"


def test_sample_project_builds_offline_with_three_runs_and_advice(tmp_path, capsys):
    """First launch opens a project whose grid and advice already tell the RAG story."""
    folder = ensure_sample_project(SOURCE, tmp_path)
    project = Project.open(folder)
    assert project.data["sample"] is True
    assert "written by hand" in project.data["notes"]
    assert project.section("dataset")["examples"]["count"] == 6

    assert cli(["results", str(folder), "--json"]) == 0
    runs = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(runs) == {"Baseline", "Few-shot (k=3)", "RAG (top-3)"}
    assert runs["RAG (top-3)"]["pass_rate"] > runs["Few-shot (k=3)"]["pass_rate"] > runs["Baseline"]["pass_rate"]
    assert all(r["rows"] == 30 for r in runs.values())

    assert cli(["advise", str(folder), "--json"]) == 0
    advice = json.loads(capsys.readouterr().out)
    assert advice["recommendation"] in {"rag", "improve_retrieval"}
    assert advice["gaps"]["retrieval"] == 4 and advice["gaps"]["generation"] == 2

    assert cli(["knowledge-search", str(folder), "HL-4020 warranty", "--k", "3"]) == 0
    assert "warranty" in capsys.readouterr().out.lower()


def test_sample_project_is_built_once_and_never_half_made(tmp_path):
    """Later launches reuse the sample; a build that died midway is not opened."""
    folder = ensure_sample_project(SOURCE, tmp_path)
    stamp = (folder / "project.json").stat().st_mtime_ns
    (tmp_path / ".sample-project.building").mkdir()  # debris of a killed build
    assert ensure_sample_project(SOURCE, tmp_path) == folder
    assert (folder / "project.json").stat().st_mtime_ns == stamp
