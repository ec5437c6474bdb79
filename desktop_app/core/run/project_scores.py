"""The stored verdicts kept current with the project's checks, and what readers see.

A run is scored when it is made; when the checks change, its verdicts are stale. Rescoring needs
no model (model-judged verdicts are kept while their check is unchanged) and is an explicit step
that writes (``refresh_project_scores``, ``rescore_project``: before a run and after a check
edit); reading (``current_results``, ``project_summaries``) rescores in memory and never writes.
"""

from __future__ import annotations

import dataclasses

from desktop_app.core.records import Row, RunSummary
from desktop_app.core.run.scoring import (
    Scorer,
    checks_signature,
    model_check_keys,
    project_specs,
    rescore_results,
    retrieval_scorer,
    summarize,
)
from desktop_app.core.run.store import ResultStore
from desktop_app.core.variants.variant import Variant, answer_part


def refresh_scores(store: ResultStore, run, rows_by_id: dict[str, Row], scorer: Scorer, signature: str) -> bool:
    """Rescore a run whose verdicts came from other checks (no model is called); True if it was."""
    if store.checks_signature(run.id) == signature:
        return False
    # Model-judged verdicts are kept while their check is unchanged; an edited rubric's are dropped
    # (left out) until a run judges those rows again (``rejudge_rows``).
    keep = model_check_keys(scorer.specs)
    store.update_verdicts(
        run.id, rescore_results(store.results(run.id), rows_by_id, _offline(scorer, run), keep), checks_sig=signature
    )
    return True


def _offline(scorer: Scorer, run) -> Scorer:
    """The scorer without model calls, reading the answer part of a run whose variant marks one."""
    extract = None
    if not run.imported and (run.variant or {}).get("answer_marker"):
        variant = Variant.from_dict(run.variant)
        extract = lambda out: answer_part(variant, out)  # noqa: E731
    return dataclasses.replace(scorer, judge=None, embed=None, extract=extract)


def _project_scorer(project) -> tuple[Scorer, str, dict[str, Row]] | None:
    """(offline scorer of the project's current checks, their signature, rows by id); None: no dataset."""
    from desktop_app.core import checks
    from desktop_app.core.data import rows as datasets  # noqa: PLC0415
    from desktop_app.core.errors import DataError  # noqa: PLC0415

    try:
        rows, _ = datasets.load_rows(project)
    except DataError:  # no dataset to score against: keep the stored verdicts
        return None
    specs = project_specs(project, rows)  # a damaged check is a CheckError, shown (the run refuses it too)
    scorer = Scorer(specs=specs, evaluate=checks.evaluate_row, retrieval=retrieval_scorer())
    return scorer, checks_signature(specs), {r.id: r for r in rows}


def refresh_project_scores(project, store: ResultStore) -> None:
    """Rescore and store the runs scored with other checks than the project's current ones (no
    model calls). An explicit step: a run does it before it starts, and editing checks does it
    (``rescore_project``); reading results never writes (``current_results``)."""
    found = _project_scorer(project) if store.runs() else None
    if found is None:
        return
    scorer, signature, by_id = found
    for run in store.runs():
        refresh_scores(store, run, by_id, scorer, signature)


def rescore_project(project) -> None:
    """After the checks changed: every run's verdicts again, stored (the CLI and the Checks page)."""
    if project.results_db.exists():
        with ResultStore(project.results_db) as store:
            refresh_project_scores(project, store)


def current_results(project, store: ResultStore) -> dict[int, list]:
    """Every run's results as the project's current checks judge them, without writing: a run
    scored with other checks is rescored in memory (no model calls), so what is shown is always
    current and looking at results never changes the store."""
    found = _project_scorer(project)
    out = {}
    for run in store.runs():
        results = store.results(run.id)
        if found is not None and store.checks_signature(run.id) != found[1]:
            scorer, _, by_id = found
            fresh = rescore_results(results, by_id, _offline(scorer, run), model_check_keys(scorer.specs))
            results = [dataclasses.replace(r, verdicts=fresh.get(r.row_id, r.verdicts)) for r in results]
        out[run.id] = results
    return out


def project_summaries(project, *, rescore: bool = True) -> list[RunSummary]:
    """The leaderboard: one summary per run, in the order the runs were made.

    Runs scored with other checks than the project's current ones are rescored first (no model
    calls), so adding or editing a check shows in the results at once. Only the current
    evaluation rows count: results of rows that left the set (resplit, re-import) are left
    out, and rows a run lacks are ``missing`` and count as failed.
    """
    from desktop_app.core.data.rows import evaluation_ids  # noqa: PLC0415

    eval_ids = evaluation_ids(project)  # a damaged rows file is a DataError with a hint
    with ResultStore(project.results_db) as store:
        results = current_results(project, store) if rescore else {r.id: store.results(r.id) for r in store.runs()}
        return [summarize(run, results[run.id], eval_ids=eval_ids) for run in store.runs()]
