"""A project whose examples pool holds a planted duplicate (dupA/dupB) and a planted near-leak
(near1, nearly the evaluation row q5's question), built through the CLI like a user would."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli import main

# With this seed the 25-row pool holds dupA, dupB and near1 while q5 stays an evaluation row
# (tests/core/test_finetune_prepare.py asserts it, so a change to the split shows up there).
SEED = 4
COLOURS = ("red", "teal", "amber", "violet", "olive", "coral", "indigo")


def dataset(folder: Path) -> Path:
    lines = ["id,question,answer"]
    for i in range(40):
        lines.append(
            f"q{i},What is the colour of widget number {i} in the catalogue?,"
            f"Widget {i} is painted {COLOURS[i % len(COLOURS)]}."
        )
    lines.append("dupA,How do I reset the HX-40 controller?,Hold the power button for ten seconds.")
    lines.append("dupB,How do I reset the HX-40 controller?,Hold the power button for ten seconds.")
    lines.append("near1,What is the colour of widget number 5 in the catalogue ?,Widget 5 is painted coral.")
    path = folder / "data.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def planted_project(folder: Path, server=None) -> Path:
    project = folder / "proj"
    assert main(["new", str(project), "--dataset", str(dataset(folder)), "--examples", "25", "--seed", str(SEED)]) == 0
    if server is not None:
        assert main(["connect", str(project), "--base-url", server.base_url, "--model", "gpt-4o-mini"]) == 0
    return project
