"""Feeding the advisor from a project folder: its results store, target and examples pool."""
from __future__ import annotations

import dataclasses

from desktop_app.core.advice.diagnose import Diagnosis, diagnose
from desktop_app.core.errors import RunError
from desktop_app.core.records import RowResult, RunInfo, is_rag_run
from desktop_app.core.run.scoring import only_rows
from desktop_app.core.run.store import ResultStore


def examples_pool_size(project) -> int:
    """Rows the dataset set aside for few-shot and fine-tuning (0 when none or no dataset yet)."""
    examples = (project.section("dataset") or {}).get("examples") or {}
    count = examples.get("count")
    if isinstance(count, int) and not isinstance(count, bool) and count >= 0:
        return count
    return len(examples.get("ids") or [])


def target_pass_rate(project) -> float:
    value = project.section("target_pass_rate")
    return 0.9 if value is None else value  # diagnose() checks the range and says how to fix it


def load_runs(project) -> list[tuple[RunInfo, list[RowResult]]]:
    """Every run of the project with its results, in the order made. Raises RunError when none.

    Runs scored with other checks than the project's current ones are rescored first (no model
    calls), as the leaderboard does: advice must judge by the checks the user sees. Results of
    rows no longer in the evaluation set (after a resplit or re-import) are left out.
    """
    return load_evaluated_runs(project)[0]


def load_evaluated_runs(project) -> tuple[list[tuple[RunInfo, list[RowResult]]], set[str] | None]:
    """(``load_runs``, the current evaluation row ids or None when there is no dataset)."""
    from desktop_app.core.data.rows import evaluation_ids  # noqa: PLC0415 - numpy: only when advising
    from desktop_app.core.run.project import current_results  # noqa: PLC0415 - the engine's rescoring

    if not project.results_db.exists():  # opening the store would create an empty one
        raise RunError("This project has no runs yet.", "Run or import a run first.")
    eval_ids = evaluation_ids(project)  # a damaged rows file is a DataError here, not a traceback later
    with ResultStore(project.results_db) as store:
        current = current_results(project, store)  # rescored in memory when the checks changed: never written
        runs = [(info, only_rows(current[info.id], eval_ids)) for info in store.runs()]
    runs = [(info, results) for info, results in runs if results]
    if not runs:
        raise RunError("This project has no runs with results yet.", "Run or import a run first.")
    return runs, eval_ids


def has_rag_run(runs: list[tuple[RunInfo, list[RowResult]]]) -> bool:
    return any(is_rag_run(info.techniques, results) for info, results in runs)


def diagnose_project(project, *, readiness: dict | None = None, measure_readiness: bool = False,
                     progress=None, should_stop=None) -> Diagnosis:
    """The Diagnosis of a project as stored now (the CLI, the ui's Advice page and the report).

    ``measure_readiness``: while no RAG run exists, search the knowledge base for every
    evaluation row (the knowledge engine's readiness) so the RAG advice rests on a measurement.
    """
    runs, eval_ids = load_evaluated_runs(project)
    if readiness is None and measure_readiness and not has_rag_run(runs):
        from desktop_app.core.knowledge.readiness import readiness as measure  # chromadb: only when asked

        readiness = measure(project, progress=progress, should_stop=should_stop)
    found = diagnose(runs, target=target_pass_rate(project), examples_pool=examples_pool_size(project),
                     readiness=readiness, eval_ids=eval_ids)
    return dataclasses.replace(found, agreement=review_agreement(runs))


def review_agreement(runs: list[tuple[RunInfo, list[RowResult]]]) -> dict | None:
    """Agreement of the automatic content verdicts with a person's, over every reviewed answer."""
    from desktop_app.core.run import reviews  # noqa: PLC0415

    found = reviews.measure(r for _, results in runs for r in results)
    return found.to_dict() if found.count else None
