"""What the Checks page does off the GUI thread (TaskRunner functions): load the checks and the
sample rows, store the verdicts again after an edit, run the model-judged checks on the sample.
The checks core (jsonschema), pandas and openai load here, never at page import.
"""

from __future__ import annotations

from desktop_app.core.errors import AppError


def load_checks(state, project) -> dict:
    """(the checks a run uses, whether they are stored) and the sample rows."""
    from desktop_app.core.checks import project_checks  # noqa: PLC0415 - jsonschema: not at start-up
    from desktop_app.core.data.rows import load_rows  # noqa: PLC0415 - pandas

    specs, stored = project_checks(project)
    try:
        rows, pool = load_rows(project)
    except (AppError, OSError):
        rows, pool = [], []
    return {"specs": specs, "stored": stored, "rows": rows or pool}


def rescore(state, project) -> None:
    """The stored verdicts again, under the checks just saved (no model call)."""
    from desktop_app.core.run.project_scores import rescore_project  # noqa: PLC0415

    rescore_project(project)


def model_checks(state, project, specs, row, output) -> dict:
    """The model-judged checks on the sample, through the project's connection (judge answers cached)."""
    from desktop_app.core.checks import evaluate_row  # noqa: PLC0415
    from desktop_app.core.run.project import model_tools  # noqa: PLC0415 - openai
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415

    with ResultStore(project.results_db) as store:
        judge, embed, closers = model_tools(project, store)
        try:
            # Every check, as a run scores: the content judge asks only when the others left it open.
            verdicts = evaluate_row(specs, row, output, judge=judge, embed=embed)
        finally:
            for close in closers:
                close()
    modelled = tuple(v for v in verdicts if any(s.id == v.check and s.needs for s in specs))
    return {"key": (row.id, output), "verdicts": modelled, "reached": judge is not None or embed is not None}
