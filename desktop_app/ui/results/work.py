"""The Results step's background work: read every run, its rows and verdicts, as plain data.

Runs scored with other checks than the project's current ones are rescored first (no model
call; ``run.project_scores.current_results``, in memory: reading never writes), so an edited check
shows at once. Each row's
outcome in each run ("pass", "error" or its gap kind) comes from the advisor's classification
(``advice.stats.run_stats``), so the Results filters and the Advice page count the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_app.ui.language import localized
from desktop_app.core.variants import run_label

if TYPE_CHECKING:
    from desktop_app.core.records import Row, RunInfo


@dataclass(frozen=True)
class RunEntry:
    info: RunInfo
    label: str  # the run's name, with "#id" when two runs share a name
    summary: dict  # scoring.summary_to_dict + tokens_per_request, cost_per_1000
    outcome: dict = field(hash=False)  # row id -> "pass" | "error" | gap kind
    results: dict = field(hash=False)  # row id -> RowResult

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def run_id(self) -> int:
        return self.info.id


@dataclass(frozen=True)
class ResultsData:
    runs: tuple[RunEntry, ...] = ()
    rows: tuple = ()  # records.Row of the evaluation set (results of rows no longer in it are stale)
    categories: tuple[str, ...] = ()
    data_problem: tuple[str, str] | None = None  # (message, hint) when the dataset cannot be read
    agreement: object = None  # checks.agreement.Agreement of the automatic verdicts with the person's


def load(state, project) -> ResultsData:
    from desktop_app.core.data import rows as datasets  # noqa: PLC0415 - pandas: never at page import
    from desktop_app.core.advice.stats import run_stats  # noqa: PLC0415
    from desktop_app.core.errors import AppError  # noqa: PLC0415
    from desktop_app.core.run.project_scores import current_results  # noqa: PLC0415
    from desktop_app.core.run.scoring import summarize, summary_to_dict  # noqa: PLC0415
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415

    rows: list[Row] = []
    problem = None
    try:
        rows, _ = datasets.load_rows(project)
    except AppError as exc:
        problem = (localized(exc.message), localized(exc.hint))
    except OSError:
        pass  # no dataset imported yet: the leaderboard can still show imported runs
    if not project.results_db.exists():
        return ResultsData(rows=tuple(rows), categories=_categories(rows), data_problem=problem)
    with ResultStore(project.results_db) as store:
        if state.should_stop():
            return ResultsData()
        stored = current_results(project, store)  # rescored in memory when the checks changed: never written
        runs = store.runs()
    names = [r.name for r in runs]
    eval_ids = {r.id for r in rows} if rows else None  # scores count the current evaluation rows only
    entries = []
    for order, run in enumerate(runs):
        results = stored[run.id]
        stats = run_stats(run, results, order, eval_ids)
        summary = summarize(run, results, eval_ids=eval_ids)
        label = localized(run_label(run.name, run.variant))  # "few_shot" reads "Few-shot (k=3)"
        label = label if names.count(run.name) == 1 else f"{label} #{run.id}"
        line = summary_to_dict(summary, unknown_cost=None)
        entries.append(
            RunEntry(
                info=run, label=label, summary=line, outcome=dict(stats.outcome), results={r.row_id: r for r in results}
            )
        )
    from desktop_app.core.run import reviews  # noqa: PLC0415

    found = reviews.measure(r for results in stored.values() for r in results)
    return ResultsData(
        runs=tuple(entries), rows=tuple(rows), categories=_categories(rows), data_problem=problem, agreement=found
    )


def _categories(rows) -> tuple[str, ...]:
    return tuple(sorted({r.category for r in rows if r.category}))
