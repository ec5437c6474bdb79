"""Feeding the advisor from a project folder: its results store, target and examples pool."""

from __future__ import annotations

import dataclasses

from desktop_app.core.advice.diagnose import Diagnosis, diagnose
from desktop_app.core.data.rows import row_inputs
from desktop_app.core.errors import AppError, RunError
from desktop_app.core.phrases import translate
from desktop_app.core.records import RowResult, RunInfo, content_passed, is_rag_run
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
    from desktop_app.core.run.project_scores import current_results  # noqa: PLC0415 - the engine's rescoring

    if not project.results_db.exists():  # opening the store would create an empty one
        raise RunError(
            translate("AdviceErrors", "This project has no runs yet."),
            translate("AdviceErrors", "Run or import a run first."),
        )
    eval_ids = evaluation_ids(project)  # a damaged rows file is a DataError here, not a traceback later
    with ResultStore(project.results_db) as store:
        current = current_results(project, store)  # rescored in memory when the checks changed: never written
        runs = [(info, only_rows(current[info.id], eval_ids)) for info in store.runs()]
    runs = [(info, results) for info, results in runs if results]
    if not runs:
        raise RunError(
            translate("AdviceErrors", "This project has no runs with results yet."),
            translate("AdviceErrors", "Run or import a run first."),
        )
    return runs, eval_ids


def has_rag_run(runs: list[tuple[RunInfo, list[RowResult]]]) -> bool:
    return any(is_rag_run(info.techniques, results) for info, results in runs)


def diagnose_project(
    project, *, readiness: dict | None = None, measure_readiness: bool = False, progress=None, should_stop=None
) -> Diagnosis:
    """The Diagnosis of a project as stored now (the CLI, the ui's Advice page and the report).

    ``measure_readiness``: while no RAG run exists, search the knowledge base for every
    evaluation row (the knowledge engine's readiness) so the RAG advice rests on a measurement.
    """
    runs, eval_ids = load_evaluated_runs(project)
    if readiness is None and measure_readiness and not has_rag_run(runs):
        from desktop_app.core.knowledge.readiness import readiness as measure  # chromadb: only when asked

        readiness = measure(project, progress=progress, should_stop=should_stop)
    return diagnose_runs(project, runs, eval_ids, readiness)


def diagnose_runs(
    project, runs: list[tuple[RunInfo, list[RowResult]]], eval_ids: set[str] | None, readiness: dict | None = None
) -> Diagnosis:
    """``diagnose`` with everything the project adds: target, examples pool, the answers no document
    holds, the person's reviews and the start of each linked row's question (one path for the
    window, the CLI and the report, so they never disagree)."""
    found = diagnose(
        runs,
        target=target_pass_rate(project),
        examples_pool=examples_pool_size(project),
        readiness=readiness,
        eval_ids=eval_ids,
        not_in_documents=absent_answers(project, runs),
        agreement=review_agreement(runs),
    )
    linked = {r for e in found.evidence for r in e.rows}
    return dataclasses.replace(found, row_inputs=row_inputs(project, linked) if linked else {})


def absent_answers(project, runs: list[tuple[RunInfo, list[RowResult]]]) -> set[str]:
    """Rows a RAG run got wrong whose expected answer no document holds (searching the documents
    for the answer itself); empty without a RAG run or documents. Read only, no model calls."""
    failed = {
        r.row_id
        for info, results in runs
        if is_rag_run(info.techniques, results)
        for r in results
        if r.error is None and r.output is not None and not content_passed(r.verdicts)
    }
    if not failed or not project.knowledge_dir.exists() or not project.rows_file.exists():
        return set()
    from desktop_app.core.data.rows import load_rows  # noqa: PLC0415 - numpy: only when advising
    from desktop_app.core.knowledge.coverage import answers_in_documents  # noqa: PLC0415 - chromadb

    evaluation, _pool = load_rows(project)
    expected = {r.id: r.expected for r in evaluation if r.id in failed and (r.expected or "").strip()}
    try:
        found = answers_in_documents(project, expected)
    except AppError:  # a damaged or missing index: the advice stands without this refinement
        return set()
    return {rid for rid, ok in found.items() if not ok}


def review_agreement(runs: list[tuple[RunInfo, list[RowResult]]]) -> dict | None:
    """Agreement of the automatic content verdicts with a person's, over every reviewed answer."""
    from desktop_app.core.run import reviews  # noqa: PLC0415

    found = reviews.measure(r for _, results in runs for r in results)
    return found.to_dict() if found.count else None
